package vn.dvc.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.TestCodes;
import vn.dvc.IntegrationTest;
import vn.dvc.TestApplicants;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.ComponentCase;
import vn.dvc.catalogue.DossierComponent;
import vn.dvc.catalogue.Fee;
import vn.dvc.catalogue.Implementation;
import vn.dvc.catalogue.OnlineMode;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.ProcedureContent;
import vn.dvc.catalogue.ServiceLevel;
import vn.dvc.catalogue.TimeUnit;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyAdministration;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.ranking.ServiceIndex.PartKind;
import vn.dvc.ranking.YearlyRanking.RankingReport;
import vn.dvc.shared.VietnamTime;
import vn.dvc.statistics.ProcessingStatistics;

/**
 * The ranking of 2018 (a year no other test writes to) from two agencies' dossiers, payments and ratings,
 * inserted here; every expected figure is computed by hand in the comments.
 *
 * <pre>
 * P: P1 online, received 05/03, due 20/03, finished 10/03 (early), paid online
 *    P2 online, finished 20/03 (on time), payment pending only
 *    P3 in person, finished 25/03 (late);  P4 in person, in progress
 *    on time 2/3, online 2/4, online payment 1/3 (all three resolved have a fee), satisfaction 1/2
 *    score (30×2/3 + 20×1/2 + 10×1/3 + 20×1/2) / 80 × 100 = 43.333…/80 × 100 = 54.17
 * Q: Q1 in person, due 10/04, finished 09/04 (early);  Q2 in person, finished 10/04 (on time)
 *    on time 2/2, online 0/2, online payment 0/2, satisfaction 1/1
 *    score (30 + 0 + 0 + 20) / 80 × 100 = 62.50
 * </pre>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingTest {

    static final int YEAR = 2018;
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9000));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    YearlyRanking ranking;
    @Autowired
    ProcessingStatistics statistics;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    AgencyAdministration administration;
    @Autowired
    Clock clock;

    String p;
    String q;

    @BeforeAll
    void data() {
        p = agency(TestCodes.provincialAgency(), "Sở Xếp Hạng P (kiểm thử)");
        q = agency(TestCodes.provincialAgency(), "Sở Xếp Hạng Q (kiểm thử)");
        long applicant = TestApplicants.create(jdbc, "xephang" + NEXT.incrementAndGet());
        Procedure pVersion = procedure(p);
        Procedure qVersion = procedure(q);

        String p1 = dossier(p, pVersion, applicant, "ONLINE", 10, at(3, 5, 10), at(3, 20, 17), at(3, 10, 9));
        String p2 = dossier(p, pVersion, applicant, "ONLINE", 10, at(3, 5, 10), at(3, 20, 17), at(3, 20, 15));
        dossier(p, pVersion, applicant, "DIRECT", 9, at(3, 5, 10), at(3, 20, 17), at(3, 25, 9));
        dossier(p, pVersion, applicant, "DIRECT", 4, at(3, 5, 10), at(3, 20, 17), null);
        String q1 = dossier(q, qVersion, applicant, "DIRECT", 10, at(4, 2, 8), at(4, 10, 17), at(4, 9, 16));
        dossier(q, qVersion, applicant, "DIRECT", 10, at(4, 2, 8), at(4, 10, 17), at(4, 10, 16));

        payment(p1, p, "PAID");
        payment(p2, p, "PENDING");
        rate(p1, "VERY_SATISFIED");
        rate(p2, "NOT_SATISFIED");
        rate(q1, "SATISFIED");
    }

    @Test
    void theYearIsRankedByTheWeightedScore() {
        RankingReport report = ranking.ranking(YEAR);
        assertThat(report.from()).isEqualTo(LocalDate.of(YEAR, 1, 1));
        assertThat(report.to()).isEqualTo(LocalDate.of(YEAR, 12, 31));
        assertThat(report.provisional()).isFalse();
        assertThat(report.agencies()).extracting(RankedAgency::agencyCode).containsExactly(q, p);
        RankedAgency qRow = report.agencies().get(0);
        RankedAgency pRow = report.agencies().get(1);
        assertThat(qRow.rank()).isEqualTo(1);
        assertThat(qRow.score()).isEqualTo(new BigDecimal("62.50"));
        assertThat(pRow.rank()).isEqualTo(2);
        assertThat(pRow.score()).isEqualTo(new BigDecimal("54.17"));
        assertThat(pRow.agencyName()).isEqualTo("Sở Xếp Hạng P (kiểm thử)");
        assertThat(pRow.components()).containsEntry(RankingComponent.ON_TIME, new Fraction(2, 3))
                .containsEntry(RankingComponent.ONLINE, new Fraction(2, 4))
                .containsEntry(RankingComponent.ONLINE_PAYMENT, new Fraction(1, 3))
                .containsEntry(RankingComponent.SATISFACTION, new Fraction(1, 2))
                .doesNotContainKey(RankingComponent.DEPLOYMENT);
        assertThat(qRow.components()).containsEntry(RankingComponent.ONLINE_PAYMENT, new Fraction(0, 2))
                .containsEntry(RankingComponent.ONLINE, new Fraction(0, 2));

        // P's index: 20×2/3 + 12×1/2 + 10×1/3 + 18×1/2 = 13.333 + 6 + 3.333 + 9 = 31.67
        assertThat(pRow.serviceIndex().part(PartKind.PROGRESS_AND_RESULTS).points()).isEqualTo(new BigDecimal("13.33"));
        assertThat(pRow.serviceIndex().computedPoints()).isEqualTo(new BigDecimal("31.67"));
        // the province: 20×4/5 + 12×2/6 + 10×1/5 + 18×2/3 = 16 + 4 + 2 + 12 = 34
        assertThat(report.provinceInputs()).containsEntry(RankingComponent.ON_TIME, new Fraction(4, 5))
                .containsEntry(RankingComponent.ONLINE_PAYMENT, new Fraction(1, 5));
        assertThat(report.province().computedPoints()).isEqualTo(new BigDecimal("34.00"));
        assertThat(report.province().part(PartKind.DIGITISATION).points()).isNull();
    }

    @Test
    void otherWeightsChangeTheOrder() {
        // online 50, online payment 50: P (50×1/2 + 50×1/3) / 100 × 100 = 41.67; Q 0
        RankingReport report = ranking.ranking(YEAR, new RankingWeights(Map.of(RankingComponent.ONLINE,
                BigDecimal.valueOf(50), RankingComponent.ONLINE_PAYMENT, BigDecimal.valueOf(50))));
        assertThat(report.agencies()).extracting(RankedAgency::agencyCode).containsExactly(p, q);
        assertThat(report.agencies()).extracting(RankedAgency::score).containsExactly(new BigDecimal("41.67"),
                new BigDecimal("0.00"));
        assertThat(report.weights()).containsEntry(RankingComponent.ON_TIME, BigDecimal.ZERO);
    }

    @Test
    void theApiThePageAndTheExports() throws Exception {
        mvc.perform(get("/api/v1/ranking/" + YEAR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies[1].agencyCode").value(p))
                .andExpect(jsonPath("$.agencies[1].score").value(54.17))
                .andExpect(jsonPath("$.agencies[1].components.ON_TIME.part").value(2))
                .andExpect(jsonPath("$.agencies[1].components.ON_TIME.whole").value(3))
                .andExpect(jsonPath("$.agencies[1].components.ON_TIME.percent").value(66.67))
                .andExpect(jsonPath("$.weights.ON_TIME").value(30))
                .andExpect(jsonPath("$.province.computedPoints").value(34.0));
        int thisYear = LocalDate.now(clock.withZone(VietnamTime.ZONE)).getYear();
        mvc.perform(get("/api/v1/ranking/1999")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Năm không hợp lệ; chọn một năm từ 2015 đến "
                        + thisYear + "."));

        String csv = mvc.perform(get("/api/v1/ranking/" + YEAR + ".csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows).hasSize(2);
        CSVRecord pRow = rows.get(1);
        assertThat(pRow.get("agencyCode")).isEqualTo(p);
        assertThat(pRow.get("rank")).isEqualTo("2");
        assertThat(pRow.get("onTimePart")).isEqualTo("2");
        assertThat(pRow.get("onTimeWhole")).isEqualTo("3");
        assertThat(pRow.get("onTimePercent")).isEqualTo("66.67");
        assertThat(pRow.get("onlinePaymentPercent")).isEqualTo("33.33");
        assertThat(pRow.get("deploymentWhole")).isEmpty();
        assertThat(pRow.get("score")).isEqualTo("54.17");
        assertThat(pRow.get("index766.PROGRESS_AND_RESULTS")).isEqualTo("13.33");
        assertThat(pRow.get("index766.computed")).isEqualTo("31.67");
        assertThat(rows.get(0).get("score")).isEqualTo("62.50");

        byte[] xlsx = mvc.perform(get("/api/v1/ranking/" + YEAR + ".xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            int score = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if (header.getCell(c).getStringCellValue().equals("score")) {
                    score = c;
                }
            }
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo(p);
            assertThat(sheet.getRow(2).getCell(score).getNumericCellValue()).isEqualTo(54.17);
            assertThat(sheet.getRow(1).getCell(score).getNumericCellValue()).isEqualTo(62.5);
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("deployment");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(20.0);
        }

        String page = mvc.perform(get("/ranking/" + YEAR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Xếp hạng cơ quan năm 2018", "Sở Xếp Hạng P (kiểm thử)", "54.17", "62.50",
                "2 / 3 = 66,67%", "Không tính được từ dữ liệu của hệ thống", "Chưa có số liệu", "34.00");
        assertThat(page.indexOf("Sở Xếp Hạng Q")).isLessThan(page.indexOf("Sở Xếp Hạng P"));
        mvc.perform(get("/ranking/hai-nghin")).andExpect(status().isBadRequest());
        mvc.perform(get("/ranking")).andExpect(redirectedUrl("/ranking/" + thisYear));
        // the demo data's years (the seed plan covers 2020-2021; this year is provisional)
        for (int year : new int[] {2021, thisYear}) {
            mvc.perform(get("/ranking/" + year)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/ranking/" + year)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.provisional").value(year == thisYear));
        }
    }

    private String agency(String code, String name) {
        return administration.create(AgencyScope.PROVINCE, new AgencyAdministration.NewAgency(code,
                AgencyLevel.PROVINCIAL, "000.00.00.H21", name, null, LocalDate.of(2020, 1, 1)));
    }

    private Procedure procedure(String agency) {
        String code = TestCodes.procedure("9.7");
        List<Fee> fees = List.of(new Fee(50_000, "Lệ phí thử nghiệm"));
        ProcedureContent content = new ProcedureContent(code, "Thủ tục xếp hạng " + code, "Thử nghiệm",
                "000.00.03.H21", List.of(new Implementation(AgencyLevel.PROVINCIAL, agency)), ServiceLevel.LEVEL_3,
                OnlineMode.PARTIAL, false,
                List.of(new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, fees, null),
                        new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, fees, null)),
                List.of(new ComponentCase("Trường hợp chung",
                        List.of(new DossierComponent("Tờ khai", 1, 0, true, null)))),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        return catalogue.add(content, AgencyScope.PROVINCE, "test");
    }

    private static LocalDateTime at(int month, int day, int hour) {
        return LocalDateTime.of(YEAR, month, day, hour, 0);
    }

    private static Timestamp ts(LocalDateTime at) {
        return at == null ? null : Timestamp.from(at.atZone(VietnamTime.ZONE).toInstant());
    }

    private String dossier(String agency, Procedure version, long applicant, String channel, int status,
            LocalDateTime received, LocalDateTime due, LocalDateTime finished) {
        String code = agency + String.format("-18%04d-%04d", NEXT.incrementAndGet() % 10000, 1);
        jdbc.sql("""
                insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code,
                                    applicant_id, channel, status, form, submitted_at, received_at, due_at, finished_at)
                values (?, ?, ?, 'Thủ tục xếp hạng', ?, ?, ?, ?,
                        '{}'::jsonb, ?, ?, ?, ?)""")
                .params(code, version.versionId(), version.code(), agency, applicant, channel, status, ts(received.minusHours(1)),
                        ts(received), ts(due), ts(finished))
                .update();
        statistics.refresh(code);
        return code;
    }

    private void payment(String dossier, String agency, String status) {
        jdbc.sql("""
                insert into payment(order_ref, dossier_code, agency_code, tmn_code, amount_vnd, purpose, status,
                                    paid_at, expires_at, created_at, updated_at)
                values (?, ?, ?, 'TESTTMN', 50000, 'Lệ phí', ?, ?, ?, ?, ?)""")
                .params("RK" + System.nanoTime(), dossier, agency, status,
                        status.equals("PAID") ? ts(at(3, 6, 9)) : null, ts(at(3, 6, 10)), ts(at(3, 6, 9)),
                        ts(at(3, 6, 9)))
                .update();
    }

    private void rate(String dossier, String rating) {
        jdbc.sql("""
                insert into satisfaction_rating(dossier_code, agency_code, procedure_code, procedure_name,
                                                applicant_id, rating, rated_at)
                select code, agency_code, procedure_code, procedure_name, applicant_id, ?, ?
                  from dossier where code = ?""")
                .params(rating, ts(at(5, 1, 9)), dossier).update();
    }
}
