package vn.dvc.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.IntegrationTest;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyAdministration;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.VietnamTime;

/**
 * The figures of a period stay what they were when later things happen elsewhere in time (a withdrawal, a stop),
 * follow a dossier to its new agency when agencies merge, and count each dossier on its Vietnam date at
 * the edges of a month.
 */
@IntegrationTest
class StatisticsHistoryTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 500));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessingStatistics statistics;
    @Autowired
    AgencyAdministration agencies;
    @Autowired
    Clock clock;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String procedure = "TKL-" + System.nanoTime();

    private String agency(String name) {
        int n = NEXT.getAndIncrement();
        String code = String.format("000.%02d.%02d.H21", 70 + (n / 100) % 10, n % 100);
        return agencies.create(AgencyScope.PROVINCE, new AgencyAdministration.NewAgency(code, AgencyLevel.PROVINCIAL,
                "000.00.00.H21", name + " " + n, null, LocalDate.of(2020, 1, 1)));
    }

    private String anyAgency() {
        return jdbc.sql("select code from agency where valid_to is null order by code limit 1").query(String.class)
                .single();
    }

    /** A dossier written straight into the table (times in Vietnam local time) and counted. */
    private String dossier(String agency, int status, LocalDateTime received, LocalDateTime due,
            LocalDateTime finished) {
        int n = SEQUENCE.getAndIncrement();
        String code = agency + String.format("-98%04d-%04d", (NEXT.get() + n / 10000) % 10000, n % 10000);
        jdbc.sql("""
                insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code,
                                    applicant_id, channel, status, form, submitted_at, received_at, due_at, finished_at)
                values (?, (select min(id) from procedure_version), ?, 'Thủ tục thống kê (kiểm thử)', ?,
                        (select min(id) from account), 'DIRECT', ?, '{}'::jsonb, ?, ?, ?, ?)""")
                .params(code, procedure, agency, status, ts(received.minusHours(1)), ts(received), ts(due),
                        ts(finished))
                .update();
        statistics.refresh(code);
        return code;
    }

    private void withdraw(String code, LocalDateTime at) {
        jdbc.sql("update dossier set status = 7 where code = ?").param(code).update();
        jdbc.sql("""
                insert into dossier_event(dossier_id, occurred_at, actor, kind, from_status, to_status)
                values ((select id from dossier where code = ?), ?, 'applicant', 'WITHDRAWN', 4, 7)""")
                .params(code, ts(at)).update();
        statistics.refresh(code);
    }

    private void stop(String code, LocalDateTime at) {
        jdbc.sql("update dossier set status = 8 where code = ?").param(code).update();
        jdbc.sql("""
                insert into dossier_event(dossier_id, occurred_at, actor, kind, from_status, to_status, message)
                values ((select id from dossier where code = ?), ?, 'lanhdao.stp', 'STOPPED', 4, 8, 'Lý do')""")
                .params(code, ts(at)).update();
        statistics.refresh(code);
    }

    private static Timestamp ts(LocalDateTime local) {
        return local == null ? null : Timestamp.from(local.atZone(VietnamTime.ZONE).toInstant());
    }

    private ProcessingFigures figures(String agency, LocalDate from, LocalDate to) {
        return statistics.figures(agency, procedure, from, to);
    }

    /** The figures of many periods, to compare before and after something (or with a recompute). */
    private List<ProcessingFigures> snapshot(List<String> agencyCodes) {
        List<ProcessingFigures> all = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (String agency : agencyCodes) {
            for (int m = 0; m < 14; m++) {
                LocalDate month = start.plusMonths(m);
                all.add(figures(agency, month, month.plusMonths(1).minusDays(1)));
                all.add(figures(agency, month.plusDays(9), month.plusMonths(1).plusDays(4)));
            }
            all.add(figures(agency, start, LocalDate.of(2026, 12, 31)));
            all.add(statistics.figures(agency, null, start, LocalDate.of(2026, 12, 31)));
        }
        return all;
    }

    @Test
    void aWithdrawalCountsInItsOwnMonthAndLeavesEarlierMonthsAsTheyWere() {
        String agency = anyAgency();
        LocalDate march = LocalDate.of(2025, 3, 1);
        LocalDate may = LocalDate.of(2025, 5, 1);
        String code = dossier(agency, 4, LocalDateTime.of(2025, 3, 12, 9, 0), LocalDateTime.of(2025, 4, 10, 17, 0),
                null);
        ProcessingFigures marchBefore = figures(agency, march, march.plusMonths(1).minusDays(1));
        ProcessingFigures aprilBefore = figures(agency, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
        assertThat(marchBefore.receivedOffline()).isEqualTo(1);
        assertThat(marchBefore.totalInProgress()).isEqualTo(1);
        assertThat(aprilBefore.inProgressOverdue()).isEqualTo(1);

        withdraw(code, LocalDateTime.of(2025, 5, 20, 10, 0));

        assertThat(figures(agency, march, march.plusMonths(1).minusDays(1))).isEqualTo(marchBefore);
        assertThat(figures(agency, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30))).isEqualTo(aprilBefore);
        ProcessingFigures mayAfter = figures(agency, may, may.plusMonths(1).minusDays(1));
        assertThat(mayAfter.carriedOver()).isEqualTo(1);
        assertThat(mayAfter.withdrawn()).isEqualTo(1);
        assertThat(mayAfter.totalResolved()).isZero();
        assertThat(mayAfter.totalInProgress()).isZero();
        // Up to the day before, it was still in progress (and overdue).
        assertThat(figures(agency, may, LocalDate.of(2025, 5, 19)).inProgressOverdue()).isEqualTo(1);
        assertThat(figures(agency, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)).empty()).isTrue();

        List<ProcessingFigures> incremental = snapshot(List.of(agency));
        statistics.recompute();
        assertThat(snapshot(List.of(agency))).isEqualTo(incremental);
    }

    @Test
    void aStopCountsOnItsOwnDayNeitherInProgressNorResolvedAfterIt() {
        String agency = anyAgency();
        LocalDate march = LocalDate.of(2025, 3, 1);
        LocalDate may = LocalDate.of(2025, 5, 1);
        String code = dossier(agency, 4, LocalDateTime.of(2025, 3, 12, 9, 0), LocalDateTime.of(2025, 4, 10, 17, 0),
                null);
        ProcessingFigures marchBefore = figures(agency, march, march.plusMonths(1).minusDays(1));
        assertThat(marchBefore.totalInProgress()).isEqualTo(1);

        stop(code, LocalDateTime.of(2025, 5, 20, 10, 0));

        assertThat(figures(agency, march, march.plusMonths(1).minusDays(1))).isEqualTo(marchBefore);
        ProcessingFigures mayAfter = figures(agency, may, may.plusMonths(1).minusDays(1));
        assertThat(mayAfter.carriedOver()).isEqualTo(1);
        assertThat(mayAfter.stopped()).isEqualTo(1);
        assertThat(mayAfter.withdrawn()).isZero();
        assertThat(mayAfter.totalResolved()).isZero();
        assertThat(mayAfter.totalInProgress()).isZero();
        // Up to the day before, it was still in progress (and overdue).
        assertThat(figures(agency, may, LocalDate.of(2025, 5, 19)).inProgressOverdue()).isEqualTo(1);
        assertThat(figures(agency, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)).empty()).isTrue();

        List<ProcessingFigures> incremental = snapshot(List.of(agency));
        statistics.recompute();
        assertThat(snapshot(List.of(agency))).isEqualTo(incremental);
    }

    @Test
    void aWithdrawalBeforeTheDueDayIsNeverOverdue() {
        String agency = anyAgency();
        String code = dossier(agency, 4, LocalDateTime.of(2025, 7, 1, 9, 0), LocalDateTime.of(2025, 7, 20, 17, 0),
                null);
        withdraw(code, LocalDateTime.of(2025, 7, 5, 8, 0));
        ProcessingFigures july = figures(agency, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31));
        assertThat(july.receivedOffline()).isEqualTo(1);
        assertThat(july.withdrawn()).isEqualTo(1);
        assertThat(july.totalInProgress()).isZero();
        assertThat(july.inProgressOverdue()).isZero();
        assertThat(figures(agency, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 4)).inProgressOnTime())
                .isEqualTo(1);
    }

    @Test
    void countersFollowTheDossiersOfAMergedAgencyAsARecomputeWould() throws Exception {
        String merged = agency("Sở thống kê sáp nhập");
        String successor = agency("Sở thống kê tiếp nhận");
        LocalDate day = LocalDate.of(2025, 9, 3);
        String open = dossier(merged, 4, day.atTime(9, 0), day.plusDays(10).atTime(17, 0), null);
        dossier(merged, 4, day.plusDays(1).atTime(9, 0), day.plusDays(2).atTime(17, 0), null);
        dossier(merged, 10, day.atTime(10, 0), day.plusDays(10).atTime(17, 0), day.plusDays(3).atTime(15, 0));
        dossier(successor, 4, day.atTime(11, 0), day.plusDays(5).atTime(17, 0), null);
        LocalDate from = LocalDate.of(2025, 9, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        assertThat(figures(merged, from, to).totalInProgress()).isEqualTo(2);

        agencies.merge(AgencyScope.PROVINCE, merged, agencies.editable(AgencyScope.PROVINCE, merged).version(),
                successor, LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE));
        assertThat(jdbc.sql("select agency_code from dossier where code = ?").param(open).query(String.class).single())
                .isEqualTo(successor);

        // The listener runs after the merger commits: wait for it, not for a recompute.
        for (int i = 0; i < 100 && figures(successor, from, to).totalInProgress() < 3; i++) {
            Thread.sleep(100);
        }
        ProcessingFigures now = figures(successor, from, to);
        assertThat(now.totalInProgress()).isEqualTo(3);
        assertThat(now.receivedOffline()).isEqualTo(3);
        ProcessingFigures old = figures(merged, from, to);
        assertThat(old.totalInProgress()).isZero();
        assertThat(old.receivedOffline()).as("the resolved dossier stays where it was resolved").isEqualTo(1);
        assertThat(old.totalResolved()).isEqualTo(1);

        List<ProcessingFigures> incremental = snapshot(List.of(merged, successor));
        statistics.recompute();
        assertThat(snapshot(List.of(merged, successor))).isEqualTo(incremental);
    }

    @Test
    void aDossierCountsOnItsVietnamDateAtTheEdgesOfAMonth() {
        String agency = anyAgency();
        // 23:30 on 31 March in Vietnam is 16:30 UTC the same day; 00:10 on 1 April is 17:10 UTC on 31 March.
        dossier(agency, 4, LocalDateTime.of(2025, 3, 31, 23, 30), LocalDateTime.of(2025, 3, 31, 23, 59), null);
        dossier(agency, 4, LocalDateTime.of(2025, 4, 1, 0, 10), LocalDateTime.of(2025, 4, 30, 23, 50), null);
        dossier(agency, 10, LocalDateTime.of(2025, 3, 1, 0, 0), LocalDateTime.of(2025, 3, 31, 17, 0),
                LocalDateTime.of(2025, 3, 31, 23, 59));
        dossier(agency, 10, LocalDateTime.of(2025, 2, 28, 23, 59), LocalDateTime.of(2025, 3, 31, 17, 0),
                LocalDateTime.of(2025, 4, 1, 0, 0));

        for (int pass = 0; pass < 2; pass++) {
            ProcessingFigures march = figures(agency, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
            assertThat(march.receivedOffline()).as("pass %d", pass).isEqualTo(2);
            assertThat(march.carriedOver()).isEqualTo(1);
            assertThat(march.resolvedOnTime()).isEqualTo(1);
            assertThat(march.totalInProgress()).isEqualTo(2);
            // both due on 31 March and still open at its end (one of them resolved on 1 April, late)
            assertThat(march.inProgressOverdue()).isEqualTo(2);
            ProcessingFigures lastDay = figures(agency, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 3, 31));
            assertThat(lastDay.receivedOffline()).isEqualTo(1);
            assertThat(lastDay.resolvedOnTime()).isEqualTo(1);
            ProcessingFigures firstDay = figures(agency, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 1));
            assertThat(firstDay.receivedOffline()).isEqualTo(1);
            assertThat(firstDay.resolvedLate()).isEqualTo(1);
            assertThat(firstDay.carriedOver()).isEqualTo(2);
            // A partial month on either side, and across the edge: the day rows agree with the month rows.
            ProcessingFigures halfMarch = figures(agency, LocalDate.of(2025, 3, 15), LocalDate.of(2025, 3, 31));
            assertThat(halfMarch.receivedOffline()).isEqualTo(1);
            ProcessingFigures across = figures(agency, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1));
            assertThat(across.receivedOffline()).isEqualTo(2);
            assertThat(across.totalResolved()).isEqualTo(2);
            ProcessingFigures firstQuarter = figures(agency, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
            assertThat(firstQuarter.receivedOffline()).isEqualTo(3);
            assertThat(figures(agency, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)).receivedOffline())
                    .isEqualTo(1);
            statistics.recompute();
        }
    }
}
