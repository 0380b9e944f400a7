package vn.dvc.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.TestCodes;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.TestApplicants;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyAdministration;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.VietnamTime;

/**
 * The rating rules (only the owner, only once, only after the result was delivered; bad input refused with a
 * Vietnamese message and nothing stored), the form on the dossier page, and the figures per agency and
 * procedure. Dossiers are put in status 10 (or 9) by SQL: the demo data has none delivered.
 */
@IntegrationTest
class SatisfactionTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9000));
    private static final String DOJ = "000.00.03.H21";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    SatisfactionStatistics statistics;
    @Autowired
    AgencyAdministration administration;

    /** A dossier of this applicant at this agency, in this national status, inserted as the test needs it. */
    String dossier(long applicantId, String agency, int status, String procedureCode) {
        int n = NEXT.incrementAndGet() % 10000;
        String code = agency + String.format("-990101-%04d", n);
        jdbc.sql("""
                insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code,
                                    applicant_id, channel, status, form, submitted_at, received_at, due_at,
                                    finished_at, returned_at)
                values (?, (select min(id) from procedure_version), ?, ?, ?, ?, 'ONLINE', ?, '{}'::jsonb,
                        now() - interval '10 days', now() - interval '9 days', now() - interval '2 days',
                        case when ? >= 9 then now() - interval '3 days' end,
                        case when ? = 10 then now() - interval '1 day' end)""")
                .params(code, procedureCode, "Thủ tục " + procedureCode, agency, applicantId, status, status, status)
                .update();
        return code;
    }

    long ratings(String code) {
        return jdbc.sql("select count(*) from satisfaction_rating where dossier_code = ?").param(code)
                .query(Long.class).single();
    }

    String user(String prefix) {
        return prefix + NEXT.incrementAndGet();
    }

    @Test
    void theOwnerRatesADeliveredDossierOnceAndAnotherApplicantSeesNothing() throws Exception {
        String owner = user("hailong");
        String other = user("nguoikhac");
        long ownerId = TestApplicants.create(jdbc, owner);
        TestApplicants.create(jdbc, other);
        String code = dossier(ownerId, DOJ, 10, "1.000001");

        mvc.perform(get("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rated").value(false))
                .andExpect(jsonPath("$.rateable").value(true));

        String body = """
                {"rating":"VERY_SATISFIED","comment":"  Cán bộ hướng dẫn tận tình  ",
                 "indicators":{"staffAttitude":2,"totalTime":"1","counterReception":""}}""";
        // another applicant: as if the dossier did not exist, and nothing stored
        mvc.perform(post("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, other)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
        // an officer is not an applicant
        mvc.perform(post("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, "tiepnhan.stp"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        assertThat(ratings(code)).isZero();

        mvc.perform(post("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rating").value("VERY_SATISFIED"))
                .andExpect(jsonPath("$.comment").value("Cán bộ hướng dẫn tận tình"))
                .andExpect(jsonPath("$.indicators.staffAttitude").value(2))
                .andExpect(jsonPath("$.indicators.totalTime").value(1))
                .andExpect(jsonPath("$.indicators.counterReception").doesNotExist())
                .andExpect(jsonPath("$.indicatorTotal").value(3));
        Map<String, Object> row = jdbc.sql("""
                select agency_code, procedure_code, rating, staff_attitude, total_time, counter_reception
                  from satisfaction_rating where dossier_code = ?""").param(code).query().singleRow();
        assertThat(row).containsEntry("agency_code", DOJ).containsEntry("procedure_code", "1.000001")
                .containsEntry("rating", "VERY_SATISFIED").containsEntry("staff_attitude", 2)
                .containsEntry("total_time", 1).containsEntry("counter_reception", null);

        // only once
        mvc.perform(post("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"NOT_SATISFIED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Hồ sơ " + code
                        + " đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần."));
        assertThat(ratings(code)).isEqualTo(1);
        mvc.perform(get("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rated").value(true))
                .andExpect(jsonPath("$.rateable").value(false))
                .andExpect(jsonPath("$.rating.rating").value("VERY_SATISFIED"));
    }

    @Test
    void onlyAfterTheResultWasDelivered() throws Exception {
        String owner = user("chuatra");
        long ownerId = TestApplicants.create(jdbc, owner);
        for (int status : new int[] {4, 9}) {
            String code = dossier(ownerId, DOJ, status, "1.000002");
            mvc.perform(post("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner))
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"SATISFIED\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value("Hồ sơ " + code
                            + " chưa được trả kết quả; chỉ đánh giá được sau khi nhận kết quả."));
            assertThat(ratings(code)).isZero();
            mvc.perform(get("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner)))
                    .andExpect(jsonPath("$.rateable").value(false));
        }
    }

    @Test
    void invalidValuesAreRefusedInVietnameseAndNothingIsStored() throws Exception {
        String owner = user("sai");
        long ownerId = TestApplicants.create(jdbc, owner);
        String code = dossier(ownerId, DOJ, 10, "1.000003");
        String tooLong = "a".repeat(1001);
        Map<String, String> cases = Map.of(
                "{\"rating\":\"RAT_HAI_LONG\"}",
                "Mức độ hài lòng không hợp lệ; chọn không hài lòng, hài lòng hoặc rất hài lòng.",
                "{\"comment\":\"thiếu mức\"}", "Hãy chọn mức độ hài lòng.",
                "{\"rating\":\"SATISFIED\",\"indicators\":{\"staffAttitude\":3}}",
                "Điểm của tiêu chí chỉ được là 0, 1 hoặc 2 (hoặc để trống nếu không áp dụng).",
                "{\"rating\":\"SATISFIED\",\"indicators\":{\"thaiDo\":1}}", "Không có tiêu chí đánh giá \"thaiDo\".",
                "{\"rating\":\"SATISFIED\",\"comment\":\"" + tooLong + "\"}",
                "Ý kiến không được dài quá 1000 ký tự.");
        for (var c : cases.entrySet()) {
            mvc.perform(post("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner))
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(c.getKey()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value(c.getValue()));
        }
        assertThat(ratings(code)).isZero();
        // exactly 1000 characters is fine
        mvc.perform(post("/api/v1/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":\"satisfied\",\"comment\":\"" + "ă".repeat(1000) + "\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void theFormOnTheDossierPageRatesAndTheCommentIsEscaped() throws Exception {
        String owner = user("trang");
        long ownerId = TestApplicants.create(jdbc, owner);
        String code = dossier(ownerId, DOJ, 10, "1.000004");
        String waiting = dossier(ownerId, DOJ, 9, "1.000004");

        String page = mvc.perform(get("/dossiers/" + code).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"send-rating\"", "Đánh giá mức độ hài lòng", "Thái độ của cán bộ, công chức");
        assertThat(mvc.perform(get("/dossiers/" + waiting).with(DemoAccounts.as(users, owner))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("send-rating");

        // a bad score: back to the page with the message beside the field, nothing stored
        mvc.perform(post("/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner)).with(csrf())
                .param("rating", "SATISFIED").param("indicator.staffAttitude", "5"))
                .andExpect(redirectedUrl("/dossiers/" + code + "#rating"))
                .andExpect(flash().attribute("ratingErrors", Map.of("indicators.staffAttitude",
                        "Điểm của tiêu chí chỉ được là 0, 1 hoặc 2 (hoặc để trống nếu không áp dụng).")));
        assertThat(ratings(code)).isZero();

        mvc.perform(post("/dossiers/" + code + "/rating").with(DemoAccounts.as(users, owner)).with(csrf())
                .param("rating", "SATISFIED").param("indicator.staffAttitude", "2").param("indicator.contacts", "")
                .param("comment", "<script>alert(1)</script>"))
                .andExpect(redirectedUrl("/dossiers/" + code + "#rating"))
                .andExpect(flash().attribute("done", "satisfaction.done"));
        page = mvc.perform(get("/dossiers/" + code).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"rating-given\">Hài lòng<", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "2 / 2 điểm").doesNotContain("<script>alert(1)", "id=\"send-rating\"");
        // another applicant's form post changes nothing
        String other = user("khac");
        TestApplicants.create(jdbc, other);
        String second = dossier(ownerId, DOJ, 10, "1.000004");
        mvc.perform(post("/dossiers/" + second + "/rating").with(DemoAccounts.as(users, other)).with(csrf())
                .param("rating", "NOT_SATISFIED")).andExpect(status().isNotFound());
        assertThat(ratings(second)).isZero();
    }

    @Test
    void figuresPerAgencyAndProcedure() throws Exception {
        String agency = administration.create(AgencyScope.PROVINCE, new AgencyAdministration.NewAgency(
                TestCodes.provincialAgency(), AgencyLevel.PROVINCIAL,
                "000.00.00.H21", "Sở Hài Lòng (kiểm thử)", null, LocalDate.of(2020, 1, 1)));
        long applicant = TestApplicants.create(jdbc, user("tonghop"));
        rate(dossier(applicant, agency, 10, "1.100001"), "VERY_SATISFIED", 2, 2, LocalDateTime.of(2025, 2, 1, 9, 0));
        rate(dossier(applicant, agency, 10, "1.100001"), "SATISFIED", 1, null, LocalDateTime.of(2025, 6, 30, 9, 0));
        rate(dossier(applicant, agency, 10, "1.100002"), "NOT_SATISFIED", 0, 1, LocalDateTime.of(2025, 12, 31, 23, 30));
        rate(dossier(applicant, agency, 10, "1.100002"), "SATISFIED", null, null, LocalDateTime.of(2025, 7, 1, 8, 0));
        // the evening of 31/12/2024 in Vietnam: last year
        rate(dossier(applicant, agency, 10, "1.100001"), "VERY_SATISFIED", 2, 2, LocalDateTime.of(2024, 12, 31, 23, 30));

        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        SatisfactionFigures row = statistics.byAgency(from, to).stream().filter(f -> f.agencyCode().equals(agency))
                .findFirst().orElseThrow();
        assertThat(row.agencyName()).isEqualTo("Sở Hài Lòng (kiểm thử)");
        assertThat(List.of(row.ratings(), row.notSatisfied(), row.satisfied(), row.verySatisfied()))
                .containsExactly(4L, 1L, 2L, 1L);
        assertThat(row.satisfactionRatio()).isEqualTo(0.75);
        assertThat(row.indicatorAverages()).containsEntry("staffAttitude", 1.0).containsEntry("totalTime", 1.5)
                .containsEntry("contacts", null);
        assertThat(statistics.total(agency, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)).ratings())
                .isEqualTo(5);

        List<SatisfactionFigures> procedures = statistics.byProcedure(agency, from, to);
        assertThat(procedures).extracting(SatisfactionFigures::procedureCode).containsExactly("1.100001", "1.100002");
        assertThat(procedures).extracting(SatisfactionFigures::ratings).containsExactly(2L, 2L);
        assertThat(procedures).extracting(SatisfactionFigures::satisfactionRatio).containsExactly(1.0, 0.5);

        mvc.perform(get("/api/v1/statistics/satisfaction").param("agency", agency).param("from", "2025-01-01")
                .param("to", "2025-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.ratings").value(4))
                .andExpect(jsonPath("$.total.satisfactionRatio").value(0.75))
                .andExpect(jsonPath("$.rows[0].procedureCode").value("1.100001"))
                .andExpect(jsonPath("$.rows[1].notSatisfied").value(1));
        mvc.perform(get("/api/v1/statistics/satisfaction").param("from", "2025-12-31").param("to", "2025-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Ngày kết thúc không được trước ngày bắt đầu."));

        String csv = mvc.perform(get("/api/v1/statistics/satisfaction.csv").param("agency", agency)
                .param("from", "2025-01-01").param("to", "2025-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get("procedureCode")).isEqualTo("1.100002");
        assertThat(records.get(1).get("ratings")).isEqualTo("2");
        assertThat(records.get(1).get("satisfactionRatio")).isEqualTo("0.5");
        assertThat(records.get(1).get("staffAttitude")).isEqualTo("0.0");

        String page = mvc.perform(get("/statistics/satisfaction").param("from", "2025-01-01")
                .param("to", "2025-12-31")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Sở Hài Lòng (kiểm thử)", "75,0%");
        mvc.perform(get("/statistics/satisfaction").param("from", "hôm qua")).andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ngày không hợp lệ")));
    }

    private void rate(String code, String rating, Integer staffAttitude, Integer totalTime, LocalDateTime at) {
        jdbc.sql("""
                insert into satisfaction_rating(dossier_code, agency_code, procedure_code, procedure_name,
                                                applicant_id, rating, staff_attitude, total_time, rated_at)
                select code, agency_code, procedure_code, procedure_name, applicant_id, ?, ?, ?, ?
                  from dossier where code = ?""")
                .params(rating, staffAttitude, totalTime, Timestamp.from(at.atZone(VietnamTime.ZONE).toInstant()),
                        code)
                .update();
    }
}
