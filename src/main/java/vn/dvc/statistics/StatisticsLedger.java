package vn.dvc.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.dvc.catalogue.Channel;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.shared.VietnamTime;

/**
 * The read model: one row per counted dossier ({@code statistics_dossier}) and the counters per agency,
 * procedure and day ({@code statistics_day}) and month ({@code statistics_month}), and per agency over all
 * procedures by day ({@code statistics_agency_day}) and month ({@code statistics_agency_month}). Callers hold
 * a transaction.
 */
@Repository
class StatisticsLedger {

    /** Before any dossier of this system: the start of "every day before the period". */
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    private static final String COLUMNS = "received_online, received_offline, resolved_early, resolved_on_time, "
            + "resolved_late, due, due_after_resolved, withdrawn, withdrawn_overdue, due_after_withdrawn, stopped, "
            + "stopped_overdue, due_after_stopped";

    /** What one dossier contributes to the counters. */
    record Fact(String agencyCode, String procedureCode, boolean online, LocalDate receivedOn, LocalDate dueOn,
            LocalDate finishedOn, LocalDate withdrawnOn, LocalDate stoppedOn) {

        Fact(String agencyCode, String procedureCode, boolean online, LocalDate receivedOn, LocalDate dueOn,
                LocalDate finishedOn, LocalDate withdrawnOn) {
            this(agencyCode, procedureCode, online, receivedOn, dueOn, finishedOn, withdrawnOn, null);
        }

        /** As {@link #of(Dossier, Instant, Instant)} for a dossier that was not stopped. */
        static Optional<Fact> of(Dossier d, Instant withdrawnAt) {
            return of(d, withdrawnAt, null);
        }

        /**
         * The contribution of a dossier as it stands: none before it is received, nor when it was refused. A
         * withdrawn dossier ({@code withdrawnAt}: when, from its timeline) counts where things happened: received
         * on its day of receipt, open until the day of its withdrawal (ADR 0028); one withdrawn at an unknown
         * time counts nothing. A stopped dossier ({@code stoppedAt}: when, from its timeline) likewise counts open
         * until the day it was stopped, then as stopped (ADR 0029); one stopped at an unknown time counts nothing.
         * Due, finished, withdrawal and stop days before the day of receipt count as that day.
         */
        static Optional<Fact> of(Dossier d, Instant withdrawnAt, Instant stoppedAt) {
            boolean withdrawn = d.status() == DossierStatus.WITHDRAWN;
            boolean stopped = d.status() == DossierStatus.STOPPED;
            if (d.receivedAt() == null || d.status() == DossierStatus.NOT_ACCEPTED
                    || (withdrawn && withdrawnAt == null) || (stopped && stoppedAt == null)) {
                return Optional.empty();
            }
            LocalDate received = day(d.receivedAt());
            return Optional.of(new Fact(d.agencyCode(), d.procedureCode(), d.channel() == Channel.ONLINE, received,
                    notBefore(day(d.dueAt()), received), notBefore(day(d.finishedAt()), received),
                    withdrawn ? notBefore(day(withdrawnAt), received) : null,
                    stopped ? notBefore(day(stoppedAt), received) : null));
        }

        private static LocalDate day(Instant at) {
            return at == null ? null : at.atZone(VietnamTime.ZONE).toLocalDate();
        }

        private static LocalDate notBefore(LocalDate day, LocalDate floor) {
            return day == null || !day.isBefore(floor) ? day : floor;
        }

        /** The counter changes of this dossier per day, times {@code sign}. */
        void addTo(Map<LocalDate, long[]> deltas, int sign) {
            deltas.computeIfAbsent(receivedOn, k -> new long[Counters.SIZE])[online ? 0 : 1] += sign;
            if (finishedOn != null) {
                int column = dueOn == null || finishedOn.equals(dueOn) ? 3 : finishedOn.isBefore(dueOn) ? 2 : 4;
                deltas.computeIfAbsent(finishedOn, k -> new long[Counters.SIZE])[column] += sign;
            }
            if (withdrawnOn != null) {
                long[] withdrawal = deltas.computeIfAbsent(withdrawnOn, k -> new long[Counters.SIZE]);
                withdrawal[7] += sign;
                if (dueOn != null && !withdrawnOn.isBefore(dueOn)) {
                    withdrawal[8] += sign;
                }
            }
            if (stoppedOn != null) {
                long[] stop = deltas.computeIfAbsent(stoppedOn, k -> new long[Counters.SIZE]);
                stop[10] += sign;
                if (dueOn != null && !stoppedOn.isBefore(dueOn)) {
                    stop[11] += sign;
                }
            }
            if (dueOn != null) {
                long[] due = deltas.computeIfAbsent(dueOn, k -> new long[Counters.SIZE]);
                due[5] += sign;
                if (finishedOn != null && finishedOn.isBefore(dueOn)) {
                    due[6] += sign;
                }
                if (withdrawnOn != null && withdrawnOn.isBefore(dueOn)) {
                    due[9] += sign;
                }
                if (stoppedOn != null && stoppedOn.isBefore(dueOn)) {
                    due[12] += sign;
                }
            }
        }
    }

    private final JdbcClient jdbc;

    StatisticsLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises updates of one dossier's contribution (until the transaction ends). */
    void lock(String dossierCode) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(13, hashtext(?))) l").param(dossierCode)
                .query(Integer.class).single();
    }

    Optional<Fact> stored(String dossierCode) {
        return jdbc.sql("""
                select agency_code, procedure_code, online, received_on, due_on, finished_on, withdrawn_on,
                       stopped_on
                  from statistics_dossier where dossier_code = ? for update""").param(dossierCode)
                .query((rs, n) -> new Fact(rs.getString(1), rs.getString(2), rs.getBoolean(3), date(rs, 4),
                        date(rs, 5), date(rs, 6), date(rs, 7), date(rs, 8)))
                .optional();
    }

    /**
     * Replaces a dossier's contribution: takes the old one away and adds the new one, in one pass over the
     * counter rows in (table, day) order, so concurrent updates of one agency and procedure lock rows in the
     * same order and cannot deadlock.
     */
    void replace(String dossierCode, Optional<Fact> old, Optional<Fact> now) {
        if (old.equals(now)) {
            return;
        }
        Map<LocalDate, long[]> oldDays = new TreeMap<>();
        old.ifPresent(fact -> fact.addTo(oldDays, -1));
        Map<LocalDate, long[]> newDays = new TreeMap<>();
        now.ifPresent(fact -> fact.addTo(newDays, 1));
        boolean sameKey = old.isPresent() && now.isPresent()
                && old.get().agencyCode().equals(now.get().agencyCode())
                && old.get().procedureCode().equals(now.get().procedureCode());
        if (sameKey) {
            newDays.forEach((day, delta) -> plus(oldDays.computeIfAbsent(day, k -> new long[Counters.SIZE]), delta));
            change(now.get(), oldDays);
        } else {
            old.ifPresent(fact -> change(fact, oldDays));
            now.ifPresent(fact -> change(fact, newDays));
        }
        if (old.isPresent()) {
            jdbc.sql("delete from statistics_dossier where dossier_code = ?").param(dossierCode).update();
        }
        now.ifPresent(fact -> jdbc.sql("""
                insert into statistics_dossier(dossier_code, agency_code, procedure_code, online, received_on,
                                               due_on, finished_on, withdrawn_on, stopped_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierCode, fact.agencyCode(), fact.procedureCode(), fact.online(),
                        Date.valueOf(fact.receivedOn()), sqlDate(fact.dueOn()), sqlDate(fact.finishedOn()),
                        sqlDate(fact.withdrawnOn()), sqlDate(fact.stoppedOn()))
                .update());
    }

    private static void plus(long[] sum, long[] delta) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += delta[i];
        }
    }

    private void change(Fact key, Map<LocalDate, long[]> days) {
        Map<LocalDate, long[]> months = new TreeMap<>();
        days.forEach((day, delta) -> plus(months.computeIfAbsent(day.withDayOfMonth(1), k -> new long[Counters.SIZE]),
                delta));
        days.forEach((day, delta) -> add("statistics_day", "day", key, day, delta));
        days.forEach((day, delta) -> add("statistics_agency_day", "day", key, day, delta));
        months.forEach((month, delta) -> add("statistics_month", "month", key, month, delta));
        months.forEach((month, delta) -> add("statistics_agency_month", "month", key, month, delta));
    }

    private void add(String table, String key, Fact fact, LocalDate at, long[] delta) {
        boolean nothing = true;
        for (long d : delta) {
            nothing &= d == 0;
        }
        if (nothing) {
            return;
        }
        StringBuilder update = new StringBuilder();
        for (String column : COLUMNS.split(", ")) {
            update.append(update.isEmpty() ? "" : ", ").append(column).append(" = ").append(table).append('.')
                    .append(column).append(" + excluded.").append(column);
        }
        boolean perAgency = table.startsWith("statistics_agency_");
        List<Object> params = new ArrayList<>();
        params.add(fact.agencyCode());
        if (!perAgency) {
            params.add(fact.procedureCode());
        }
        params.add(Date.valueOf(at));
        for (long d : delta) {
            params.add(d);
        }
        String keys = perAgency ? "agency_code, " + key : "agency_code, procedure_code, " + key;
        String conflict = perAgency ? "agency_code, " + key : "agency_code, " + key + ", procedure_code";
        jdbc.sql("insert into " + table + "(" + keys + ", " + COLUMNS + ") values ("
                + String.join(", ", Collections.nCopies(params.size(), "?")) + ") on conflict (" + conflict
                + ") do update set " + update)
                .params(params).update();
    }

    /**
     * Rebuilds everything from the dossier table with the same rules as {@link Fact#of}. Incremental updates
     * wait for it (table locks); readers keep seeing the old figures until it commits.
     */
    long recompute() {
        jdbc.sql("lock table statistics_dossier, statistics_day, statistics_month, statistics_agency_day, "
                + "statistics_agency_month in exclusive mode").update();
        jdbc.sql("delete from statistics_agency_month").update();
        jdbc.sql("delete from statistics_agency_day").update();
        jdbc.sql("delete from statistics_month").update();
        jdbc.sql("delete from statistics_day").update();
        jdbc.sql("delete from statistics_dossier").update();
        // A withdrawn (stopped) dossier counts from the time of its withdrawal (stop) in its timeline (the last one:
        // a dossier is withdrawn or stopped once); without it, it counts nothing, as Fact.of says.
        long dossiers = jdbc.sql("""
                insert into statistics_dossier(dossier_code, agency_code, procedure_code, online, received_on,
                                               due_on, finished_on, withdrawn_on, stopped_on)
                select code, agency_code, procedure_code, channel = 'ONLINE', r,
                       -- greatest() skips nulls: keep a missing due, finished, withdrawal or stop day missing
                       case when due_at is not null
                            then greatest((due_at at time zone 'Asia/Ho_Chi_Minh')::date, r) end,
                       case when finished_at is not null
                            then greatest((finished_at at time zone 'Asia/Ho_Chi_Minh')::date, r) end,
                       case when status = 7 and w is not null
                            then greatest((w at time zone 'Asia/Ho_Chi_Minh')::date, r) end,
                       case when status = 8 and w is not null
                            then greatest((w at time zone 'Asia/Ho_Chi_Minh')::date, r) end
                  from (select d.*, (d.received_at at time zone 'Asia/Ho_Chi_Minh')::date as r,
                               case when d.status in (7, 8)
                                    then (select max(e.occurred_at) from dossier_event e
                                           where e.dossier_id = d.id and e.to_status = d.status) end as w
                          from dossier d
                         where d.received_at is not null and d.status <> 3) d
                 where status not in (7, 8) or w is not null""").update();
        String sums = Arrays.stream(COLUMNS.split(", ")).map(c -> "sum(" + c + ")").collect(Collectors.joining(", "));
        jdbc.sql("insert into statistics_day(agency_code, procedure_code, day, " + COLUMNS + ") "
                + """
                select agency_code, procedure_code, day, sum(a), sum(b), sum(c), sum(d), sum(e), sum(f), sum(g),
                       sum(h), sum(i), sum(j), sum(k), sum(l), sum(m)
                  from (select agency_code, procedure_code, received_on as day,
                               case when online then 1 else 0 end a, case when online then 0 else 1 end b,
                               0 c, 0 d, 0 e, 0 f, 0 g, 0 h, 0 i, 0 j, 0 k, 0 l, 0 m
                          from statistics_dossier
                        union all
                        select agency_code, procedure_code, finished_on, 0, 0,
                               case when finished_on < due_on then 1 else 0 end,
                               case when due_on is null or finished_on = due_on then 1 else 0 end,
                               case when finished_on > due_on then 1 else 0 end, 0, 0, 0, 0, 0, 0, 0, 0
                          from statistics_dossier where finished_on is not null
                        union all
                        select agency_code, procedure_code, withdrawn_on, 0, 0, 0, 0, 0, 0, 0, 1,
                               case when withdrawn_on >= due_on then 1 else 0 end, 0, 0, 0, 0
                          from statistics_dossier where withdrawn_on is not null
                        union all
                        select agency_code, procedure_code, stopped_on, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                               case when stopped_on >= due_on then 1 else 0 end, 0
                          from statistics_dossier where stopped_on is not null
                        union all
                        select agency_code, procedure_code, due_on, 0, 0, 0, 0, 0, 1,
                               case when finished_on < due_on then 1 else 0 end, 0, 0,
                               case when withdrawn_on < due_on then 1 else 0 end, 0, 0,
                               case when stopped_on < due_on then 1 else 0 end
                          from statistics_dossier where due_on is not null) x
                 group by agency_code, procedure_code, day""").update();
        jdbc.sql("insert into statistics_month(agency_code, procedure_code, month, " + COLUMNS + ") "
                + "select agency_code, procedure_code, date_trunc('month', day)::date, " + sums
                + " from statistics_day group by agency_code, procedure_code, date_trunc('month', day)").update();
        jdbc.sql("insert into statistics_agency_month(agency_code, month, " + COLUMNS + ") "
                + "select agency_code, month, " + sums + " from statistics_month group by agency_code, month")
                .update();
        jdbc.sql("insert into statistics_agency_day(agency_code, day, " + COLUMNS + ") "
                + "select agency_code, day, " + sums + " from statistics_day group by agency_code, day").update();
        return dossiers;
    }

    /**
     * The counters of the days {@code from}..{@code to} (inclusive) per agency: whole months from a month
     * table (per agency, or per agency and procedure when one is asked), the days at either end from the
     * day table.
     */
    Map<String, Counters> sum(LocalDate from, LocalDate to, String agency, String procedure) {
        Map<String, Counters> sums = new HashMap<>();
        if (to.isBefore(from)) {
            return sums;
        }
        LocalDate end = to.plusDays(1);
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate monthsEnd = end.withDayOfMonth(1);
        // without a procedure, the per-agency tables (one row per agency and month or day)
        String days = procedure == null ? "statistics_agency_day" : "statistics_day";
        if (firstMonth.isBefore(monthsEnd)) {
            sum(procedure == null ? "statistics_agency_month" : "statistics_month", "month", firstMonth, monthsEnd,
                    agency, procedure, sums);
            sum(days, "day", from, firstMonth, agency, procedure, sums);
            sum(days, "day", monthsEnd, end, agency, procedure, sums);
        } else {
            sum(days, "day", from, end, agency, procedure, sums);
        }
        return sums;
    }

    private void sum(String table, String key, LocalDate from, LocalDate end, String agency, String procedure,
            Map<String, Counters> sums) {
        if (!from.isBefore(end)) {
            return;
        }
        StringBuilder sql = new StringBuilder("select agency_code");
        for (String column : COLUMNS.split(", ")) {
            sql.append(", sum(").append(column).append(')');
        }
        sql.append(" from ").append(table).append(" where ").append(key).append(" >= ? and ").append(key)
                .append(" < ?");
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(end)));
        if (agency != null) {
            sql.append(" and agency_code = ?");
            params.add(agency);
        }
        if (procedure != null) {
            sql.append(" and procedure_code = ?");
            params.add(procedure);
        }
        sql.append(" group by agency_code");
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            long[] values = new long[Counters.SIZE];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 2);
            }
            sums.merge(rs.getString(1), Counters.of(values), Counters::plus);
        });
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Date sqlDate(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
