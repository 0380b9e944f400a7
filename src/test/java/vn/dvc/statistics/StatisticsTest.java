package vn.dvc.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Channel;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierStatusChanged;
import vn.dvc.shared.VietnamTime;

/**
 * The statistics on generated dossiers (varied statuses, channels and dates, written straight into the
 * dossier table): the figures against the definitions of RULES.md §4 computed here row by row, the
 * identities of form II.06a, incremental counters against a full recompute, the API, CSV and XLSX.
 */
@IntegrationTest
class StatisticsTest {

    private static final AtomicInteger RUN = new AtomicInteger((int) (System.nanoTime() % 9000));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessingStatistics statistics;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ObjectMapper json;

    /** A generated dossier as the oracle sees it (times in Vietnam local time). */
    static final class Row {
        String code;
        String agency;
        boolean online;
        int status;
        LocalDateTime received;
        LocalDateTime due;
        LocalDateTime finished;
        /** When a withdrawn dossier (status 7) was withdrawn: a line of its timeline. */
        LocalDateTime withdrawn;
        /** When a stopped dossier (status 8) was stopped: a line of its timeline (ADR 0029). */
        LocalDateTime stopped;
    }

    /** Generated data: one procedure code of its own, so other tests' dossiers do not count. */
    final class Data {
        final String procedure = "TK-" + System.nanoTime();
        final List<String> agencies = jdbc.sql("select code from agency where valid_to is null order by code limit 2")
                .query(String.class).list();
        final List<Row> rows = new ArrayList<>();
        final Random random;
        final int run = RUN.incrementAndGet() % 10000;

        Data(long seed) {
            random = new Random(seed);
        }

        Row row() {
            Row r = new Row();
            r.code = agencies.get(rows.size() % 2) + String.format("-99%04d-%04d", run, rows.size());
            r.agency = agencies.get(rows.size() % 2);
            r.online = random.nextInt(3) == 0;
            randomise(r);
            rows.add(r);
            return r;
        }

        void randomise(Row r) {
            int kind = random.nextInt(10);
            LocalDateTime received = LocalDate.of(2024, 11, 1).plusDays(random.nextInt(600))
                    .atTime(random.nextInt(24), random.nextInt(60));
            r.received = kind == 0 ? null : received;
            r.due = r.received == null || kind == 1 ? null
                    : received.toLocalDate().plusDays(random.nextInt(25)).atTime(17, 0);
            boolean finished = r.received != null && kind >= 5;
            r.finished = finished ? received.plusDays(random.nextInt(35)).withHour(random.nextInt(24)) : null;
            r.status = r.received == null ? (kind == 0 && random.nextBoolean() ? 3 : 1)
                    : finished ? (random.nextBoolean() ? 9 : 10)
                    : new int[] {2, 4, 5, 6, 7, 8}[random.nextInt(6)];
            r.withdrawn = r.status == 7 ? received.plusDays(random.nextInt(40)).withHour(random.nextInt(24)) : null;
            r.stopped = r.status == 8 ? received.plusDays(random.nextInt(40)).withHour(random.nextInt(24)) : null;
        }

        void write(Row r, boolean insert) {
            if (insert) {
                jdbc.sql("""
                        insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code,
                                            applicant_id, channel, status, form, submitted_at, received_at, due_at,
                                            finished_at)
                        values (?, (select min(id) from procedure_version), ?, 'Thủ tục thống kê (kiểm thử)', ?,
                                (select min(id) from account), ?, ?, '{}'::jsonb, ?, ?, ?, ?)""")
                        .params(r.code, procedure, r.agency,
                                r.online ? "ONLINE" : random.nextBoolean() ? "DIRECT" : "POSTAL", r.status,
                                ts(r.received == null ? LocalDateTime.of(2026, 1, 5, 9, 0) : r.received.minusHours(3)),
                                ts(r.received), ts(r.due), ts(r.finished))
                        .update();
            } else {
                jdbc.sql("update dossier set status = ?, received_at = ?, due_at = ?, finished_at = ? where code = ?")
                        .params(r.status, ts(r.received), ts(r.due), ts(r.finished), r.code).update();
                jdbc.sql("delete from dossier_event where dossier_id = (select id from dossier where code = ?)")
                        .param(r.code).update();
            }
            if (r.withdrawn != null) {
                jdbc.sql("""
                        insert into dossier_event(dossier_id, occurred_at, actor, kind, from_status, to_status)
                        values ((select id from dossier where code = ?), ?, 'applicant', 'WITHDRAWN', 4, 7)""")
                        .params(r.code, ts(r.withdrawn)).update();
            }
            if (r.stopped != null) {
                jdbc.sql("""
                        insert into dossier_event(dossier_id, occurred_at, actor, kind, from_status, to_status, message)
                        values ((select id from dossier where code = ?), ?, 'lanhdao', 'STOPPED', 4, 8, 'Lý do')""")
                        .params(r.code, ts(r.stopped)).update();
            }
        }

        /** Generates and counts {@code n} dossiers, then changes a third of them and counts them again. */
        Data generate(int n) {
            for (int i = 0; i < n; i++) {
                Row r = row();
                write(r, true);
                statistics.refresh(r.code);
            }
            for (int i = 0; i < n; i += 3) {
                Row r = rows.get(i);
                randomise(r);
                write(r, false);
                statistics.refresh(r.code);
            }
            return this;
        }

        /** The figures by the definitions, dossier by dossier. */
        ProcessingFigures expected(String agency, LocalDate from, LocalDate to) {
            long online = 0, offline = 0, carried = 0, early = 0, onTime = 0, late = 0, open = 0, overdue = 0;
            long withdrawals = 0;
            long stops = 0;
            for (Row r : rows) {
                if ((agency != null && !agency.equals(r.agency)) || r.received == null || r.status == 3) {
                    continue;
                }
                LocalDate received = r.received.toLocalDate();
                LocalDate due = r.due == null ? null : max(r.due.toLocalDate(), received);
                // A withdrawal ends a dossier like a result, without resolving it (ADR 0028).
                LocalDate withdrawn = r.withdrawn == null ? null : max(r.withdrawn.toLocalDate(), received);
                // So does a stop (ADR 0029).
                LocalDate stopped = r.stopped == null ? null : max(r.stopped.toLocalDate(), received);
                LocalDate finished = r.finished == null ? null : max(r.finished.toLocalDate(), received);
                LocalDate ended = finished != null ? finished : withdrawn != null ? withdrawn : stopped;
                if (withdrawn != null && !withdrawn.isBefore(from) && !withdrawn.isAfter(to)) {
                    withdrawals++;
                }
                if (stopped != null && !stopped.isBefore(from) && !stopped.isAfter(to)) {
                    stops++;
                }
                if (!received.isBefore(from) && !received.isAfter(to)) {
                    if (r.online) {
                        online++;
                    } else {
                        offline++;
                    }
                }
                if (received.isBefore(from) && (ended == null || !ended.isBefore(from))) {
                    carried++;
                }
                if (finished != null && !finished.isBefore(from) && !finished.isAfter(to)) {
                    if (due == null || finished.equals(due)) {
                        onTime++;
                    } else if (finished.isBefore(due)) {
                        early++;
                    } else {
                        late++;
                    }
                }
                if (!received.isAfter(to) && (ended == null || ended.isAfter(to))) {
                    open++;
                    if (due != null && !due.isAfter(to)) {
                        overdue++;
                    }
                }
            }
            long received = online + offline + carried;
            long resolved = early + onTime + late;
            return new ProcessingFigures(agency, from, to, online, offline, carried, received, early, onTime, late,
                    resolved, open - overdue, overdue, open, resolved == 0 ? null : (double) (early + onTime) / resolved,
                    received == 0 ? null : (double) online / received, withdrawals, stops);
        }

        List<String> counters() {
            return jdbc.sql("""
                    select concat_ws(',', 'd', agency_code, day, received_online, received_offline, resolved_early,
                                     resolved_on_time, resolved_late, due, due_after_resolved, withdrawn,
                                     withdrawn_overdue, due_after_withdrawn, stopped, stopped_overdue, due_after_stopped)
                      from statistics_day
                     where procedure_code = ? and (received_online, received_offline, resolved_early, resolved_on_time,
                           resolved_late, due, due_after_resolved, withdrawn, withdrawn_overdue,
                           due_after_withdrawn, stopped, stopped_overdue, due_after_stopped)
                           <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                    union all
                    select concat_ws(',', 'm', agency_code, month, received_online, received_offline, resolved_early,
                                     resolved_on_time, resolved_late, due, due_after_resolved, withdrawn,
                                     withdrawn_overdue, due_after_withdrawn, stopped, stopped_overdue, due_after_stopped)
                      from statistics_month
                     where procedure_code = ? and (received_online, received_offline, resolved_early, resolved_on_time,
                           resolved_late, due, due_after_resolved, withdrawn, withdrawn_overdue,
                           due_after_withdrawn, stopped, stopped_overdue, due_after_stopped)
                           <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                    union all
                    select concat_ws(',', 'a', agency_code, month, received_online, received_offline, resolved_early,
                                     resolved_on_time, resolved_late, due, due_after_resolved, withdrawn,
                                     withdrawn_overdue, due_after_withdrawn, stopped, stopped_overdue, due_after_stopped)
                      from statistics_agency_month
                     where agency_code in (?, ?) and (received_online, received_offline, resolved_early,
                           resolved_on_time, resolved_late, due, due_after_resolved, withdrawn, withdrawn_overdue,
                           due_after_withdrawn, stopped, stopped_overdue, due_after_stopped)
                           <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                    union all
                    select concat_ws(',', 'ad', agency_code, day, received_online, received_offline, resolved_early,
                                     resolved_on_time, resolved_late, due, due_after_resolved, withdrawn,
                                     withdrawn_overdue, due_after_withdrawn, stopped, stopped_overdue, due_after_stopped)
                      from statistics_agency_day
                     where agency_code in (?, ?) and (received_online, received_offline, resolved_early,
                           resolved_on_time, resolved_late, due, due_after_resolved, withdrawn, withdrawn_overdue,
                           due_after_withdrawn, stopped, stopped_overdue, due_after_stopped)
                           <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                    order by 1""").params(procedure, procedure, agencies.get(0), agencies.get(1), agencies.get(0),
                    agencies.get(1))
                    .query(String.class).list();
        }
    }

    static final List<LocalDate[]> PERIODS = List.of(
            new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)}, // a year
            new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)}, // a quarter
            new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)}, // a month
            new LocalDate[] {LocalDate.of(2025, 2, 10), LocalDate.of(2026, 4, 20)}, // any range
            new LocalDate[] {LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 15)}, // one day
            new LocalDate[] {LocalDate.of(2020, 1, 1), LocalDate.of(2027, 12, 31)}); // everything

    static Timestamp ts(LocalDateTime local) {
        return local == null ? null : Timestamp.from(local.atZone(VietnamTime.ZONE).toInstant());
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? b : a;
    }

    static void assertIdentities(ProcessingFigures f) {
        assertThat(f.totalReceived()).isEqualTo(f.receivedOnline() + f.receivedOffline() + f.carriedOver());
        assertThat(f.totalResolved()).isEqualTo(f.resolvedEarly() + f.resolvedOnTime() + f.resolvedLate());
        assertThat(f.totalInProgress()).isEqualTo(f.inProgressOnTime() + f.inProgressOverdue());
        assertThat(f.totalReceived()).isEqualTo(f.totalResolved() + f.totalInProgress() + f.withdrawn() + f.stopped());
        assertThat(f.inProgressOverdue()).isNotNegative();
        assertThat(f.inProgressOnTime()).isNotNegative();
    }

    void assertAgrees(Data data) {
        for (LocalDate[] period : PERIODS) {
            for (String agency : new String[] {data.agencies.get(0), data.agencies.get(1), null}) {
                ProcessingFigures actual = statistics.figures(agency, data.procedure, period[0], period[1]);
                assertThat(actual).as("%s %s..%s", agency, period[0], period[1])
                        .isEqualTo(data.expected(agency, period[0], period[1]));
                assertIdentities(actual);
            }
        }
    }

    @Test
    void incrementalFiguresFollowTheDefinitionsAndAgreeWithARecompute() {
        Data data = new Data(20261125L).generate(600);
        ProcessingFigures all = statistics.figures(null, data.procedure, PERIODS.get(3)[0], PERIODS.get(3)[1]);
        // The generated data reach every column, so the comparisons below compare something.
        assertThat(List.of(all.receivedOnline(), all.receivedOffline(), all.carriedOver(), all.resolvedEarly(),
                all.resolvedOnTime(), all.resolvedLate(), all.inProgressOnTime(), all.inProgressOverdue(), all.withdrawn(),
                all.stopped()))
                .allMatch(n -> n > 0);
        assertAgrees(data);

        List<String> incremental = data.counters();
        assertThat(incremental).isNotEmpty();
        statistics.recompute();
        assertThat(data.counters()).isEqualTo(incremental);
        assertAgrees(data);
    }

    @Test
    void aDossierEventUpdatesTheFiguresAfterCommit() throws Exception {
        Data data = new Data(7L);
        Row r = data.row();
        r.received = LocalDateTime.of(2025, 5, 6, 9, 30);
        r.due = LocalDateTime.of(2025, 5, 20, 17, 0);
        r.finished = null;
        r.status = 4;
        transactions.executeWithoutResult(tx -> {
            data.write(r, true);
            events.publishEvent(new DossierStatusChanged(r.code, r.agency, data.procedure, Channel.ONLINE,
                    DossierStatus.NEWLY_SUBMITTED, DossierStatus.IN_PROGRESS, Instant.now()));
        });
        LocalDate day = LocalDate.of(2025, 5, 6);
        for (int i = 0; i < 200 && statistics.figures(r.agency, data.procedure, day, day).totalReceived() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(statistics.figures(r.agency, data.procedure, day, day))
                .isEqualTo(data.expected(r.agency, day, day));
        assertThat(statistics.figures(r.agency, data.procedure, day, day).totalReceived()).isEqualTo(1);
    }

    @Test
    void theApiAnswersForAnAgencyAndTheProvince() throws Exception {
        Data data = new Data(99L).generate(150);
        String agency = data.agencies.get(0);
        String body = mvc.perform(get("/api/v1/statistics/processing").param("agency", agency)
                        .param("procedure", data.procedure).param("from", "2025-01-01").param("to", "2025-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        ProcessingFigures expected = data.expected(agency, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        JsonNode answer = json.readTree(body);
        assertThat(answer.get("totalReceived").asLong()).isEqualTo(expected.totalReceived()).isPositive();
        assertThat(answer.get("receivedOnline").asLong()).isEqualTo(expected.receivedOnline());
        assertThat(answer.get("carriedOver").asLong()).isEqualTo(expected.carriedOver());
        assertThat(answer.get("resolvedLate").asLong()).isEqualTo(expected.resolvedLate());
        assertThat(answer.get("inProgressOverdue").asLong()).isEqualTo(expected.inProgressOverdue());
        assertThat(answer.get("totalInProgress").asLong()).isEqualTo(expected.totalInProgress());

        // The province: the sum of every agency, and more than the one agency's procedure.
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        String province = mvc.perform(get("/api/v1/statistics/processing").param("from", "2025-01-01")
                        .param("to", "2025-12-31"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.agency").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        ProcessingFigures total = ProcessingStatistics.total(statistics.byAgency(null, from, to), from, to);
        JsonNode p = json.readTree(province);
        assertThat(p.get("totalReceived").asLong()).isEqualTo(total.totalReceived())
                .isGreaterThan(expected.totalReceived());
        assertThat(p.get("totalResolved").asLong()).isEqualTo(total.totalResolved());
        assertThat(p.get("totalInProgress").asLong()).isEqualTo(total.totalInProgress());
        assertThat(p.get("totalReceived").asLong()).isEqualTo(p.get("receivedOnline").asLong()
                + p.get("receivedOffline").asLong() + p.get("carriedOver").asLong());

        mvc.perform(get("/api/v1/statistics/processing").param("from", "2025-13-01").param("to", "2025-01-01")
                        .param("agency", "000.00.00.X99").param("level", "GALAXY"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'from')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'agency')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'level')]").exists());
        mvc.perform(get("/api/v1/statistics/processing").param("from", "2025-02-01").param("to", "2025-01-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void theCsvAndXlsxHaveOneRowPerAgency() throws Exception {
        Data data = new Data(5L).generate(100);
        byte[] csv = mvc.perform(get("/api/v1/statistics/processing.csv").param("from", "2025-01-01")
                        .param("to", "2025-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records.get(0).getParser().getHeaderNames()).isEqualTo(StatisticsExport.HEADERS);
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        for (String agency : data.agencies) {
            CSVRecord row = records.stream().filter(r -> r.get("agencyCode").equals(agency)).findFirst().orElseThrow();
            ProcessingFigures f = statistics.figures(agency, null, from, to);
            assertThat(Long.parseLong(row.get("totalReceived"))).isEqualTo(f.totalReceived()).isPositive();
            assertThat(Long.parseLong(row.get("resolvedOnTime"))).isEqualTo(f.resolvedOnTime());
            assertThat(Long.parseLong(row.get("inProgressOverdue"))).isEqualTo(f.inProgressOverdue());
            assertThat(row.get("agencyName")).isNotBlank();
        }
        assertThat(records.stream().map(r -> r.get("agencyCode")).distinct().count()).isEqualTo(records.size());

        byte[] xlsx = mvc.perform(get("/api/v1/statistics/processing.xlsx").param("from", "2025-01-01")
                        .param("to", "2025-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("agencyCode");
            assertThat(sheet.getLastRowNum()).isEqualTo(records.size());
        }
    }

    @Test
    void theCsvAndXlsxOfOneAgencyHaveItsRowOnlyAndAnUnknownAgencyIsRefused() throws Exception {
        // CONTRACT.md: processing.csv takes the same parameters as the JSON call, agency included.
        String agency = "000.00.02.H21";
        byte[] csv = mvc.perform(get("/api/v1/statistics/processing.csv").param("agency", agency)
                        .param("from", "2025-01-01").param("to", "2025-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).singleElement().satisfies(r -> assertThat(r.get("agencyCode")).isEqualTo(agency));
        byte[] xlsx = mvc.perform(get("/api/v1/statistics/processing.xlsx").param("agency", agency))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(agency);
        }
        mvc.perform(get("/api/v1/statistics/processing.csv").param("agency", "nope"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("agency"));
        mvc.perform(get("/api/v1/statistics/processing.xlsx").param("agency", "nope"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheSystemAdministratorRecomputes() throws Exception {
        mvc.perform(post("/api/v1/admin/statistics/recompute").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/admin/statistics/recompute").with(csrf())
                .with(DemoAccounts.as(accounts, "quantri.stp"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/statistics/recompute").with(csrf())
                        .with(DemoAccounts.as(accounts, "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dossiers").isNumber());
    }

    @Test
    void thePublicPageShowsEveryAgencyAndTheProvince() throws Exception {
        Data data = new Data(11L).generate(60);
        String page = mvc.perform(get("/statistics").param("from", "2025-01-01").param("to", "2025-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Toàn tỉnh", "Tỷ lệ đúng hạn", "/agencies/" + data.agencies.get(0),
                "<meter class=\"bar\"");
        assertThat(page).doesNotContain("style=");
        // The province's summary adds what the form has no column for: withdrawn and stopped dossiers.
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        ProcessingFigures province = ProcessingStatistics.total(statistics.byAgency(null, from, to), from, to);
        assertThat(province.withdrawn() + province.stopped()).as("the generated data holds some").isPositive();
        assertThat(page).contains("<dt>Người nộp rút hồ sơ</dt><dd>" + province.withdrawn() + "</dd>",
                "<dt>Dừng xử lý</dt><dd>" + province.stopped() + "</dd>");
        String bad = mvc.perform(get("/statistics").param("from", "2025-02-30").param("to", "2025-12-31"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("Ngày không hợp lệ", "value=\"2025-02-30\"");
    }

    @Test
    void thePrintableSheetShowsTheFiguresOfEveryAgencyOnA4() throws Exception {
        Data data = new Data(23L).generate(120);
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        byte[] pdf = mvc.perform(get("/api/v1/statistics/processing.pdf").param("from", "2025-01-01")
                        .param("to", "2025-12-31"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isEqualTo(org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getWidth());
            assertThat(box.getHeight()).isEqualTo(org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getHeight());
        }
        String text = pdfText(pdf);
        String printed = LocalDate.now(VietnamTime.ZONE).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(text).contains("THỐNG KÊ TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ", "Toàn tỉnh Gia Lai",
                "Từ 01/01/2025 đến 31/12/2025", "(3)", "(13)",
                "In lúc", printed, "Trang 1/");
        ProcessingFigures total = ProcessingStatistics.total(statistics.byAgency(null, from, to), from, to);
        for (String code : data.agencies) {
            ProcessingFigures f = statistics.figures(code, null, from, to);
            assertThat(f.totalReceived()).isPositive();
            assertThat(text).contains(row(f));
        }
        assertThat(text).contains(row(total));

        // One agency: its row only, named in the heading.
        String agency = data.agencies.get(0);
        String one = pdfText(mvc.perform(get("/api/v1/statistics/processing.pdf").param("agency", agency)
                        .param("from", "2025-01-01").param("to", "2025-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(one).contains("Cơ quan: ", row(statistics.figures(agency, null, from, to)))
                .doesNotContain("Toàn tỉnh Gia Lai");
        mvc.perform(get("/api/v1/statistics/processing.pdf").param("from", "2025-02-30"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));

        String page = mvc.perform(get("/statistics").param("from", "2025-01-01").param("to", "2025-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/api/v1/statistics/processing.pdf?from=2025-01-01&amp;to=2025-12-31");
    }

    /** The eleven counts of a row as pdftotext -layout prints them: separated by spaces, Vietnamese grouping. */
    private static String row(ProcessingFigures f) {
        java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi"));
        return java.util.stream.LongStream.of(f.receivedOnline(), f.receivedOffline(), f.carriedOver(),
                        f.totalReceived(), f.resolvedEarly(), f.resolvedOnTime(), f.resolvedLate(), f.totalResolved(),
                        f.inProgressOnTime(), f.inProgressOverdue(), f.totalInProgress())
                .mapToObj(n::format).collect(java.util.stream.Collectors.joining(" "));
    }

    /** The text of a PDF by poppler's pdftotext -layout (rows on one line), spaces collapsed. */
    static String pdfText(byte[] pdf) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("thong-ke-", ".pdf");
        java.nio.file.Path out = java.nio.file.Files.createTempFile("thong-ke-", ".txt");
        try {
            java.nio.file.Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(),
                    out.toString()).redirectErrorStream(true).start();
            assertThat(process.waitFor()).isZero();
            return java.nio.file.Files.readString(out, StandardCharsets.UTF_8).replaceAll("[ \\t]+", " ");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(out);
        }
    }
}
