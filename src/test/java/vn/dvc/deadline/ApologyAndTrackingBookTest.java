package vn.dvc.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import jakarta.mail.internet.MimeMessage;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.Dossiers;

@IntegrationTest
class ApologyAndTrackingBookTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;

    private DeadlineFixtures fixtures() {
        return new DeadlineFixtures(jdbc, catalogue, documents, submission);
    }

    private ResultActions apologise(String code, String who, String reason, String date) throws Exception {
        String body = "{" + (reason == null ? "" : "\"reason\":\"" + reason + "\",")
                + "\"newDueDate\":" + (date == null ? "null" : "\"" + date + "\"") + "}";
        return mvc.perform(post("/api/v1/dossiers/" + code + "/actions/apologise").with(DemoAccounts.as(users, who))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anApologyMovesTheAppointmentOnceAndReachesTheApplicant() throws Exception {
        DeadlineFixtures fixtures = fixtures();
        String username = DeadlineFixtures.unique("xin-loi");
        Dossier d = fixtures.submitted(username);
        // Due Friday 5 March 2027 at 17:00 (far enough ahead of today for an apology).
        fixtures.inProcessing(d, DeadlineFixtures.at(2027, 3, 1, 9, 0), DeadlineFixtures.at(2027, 3, 5, 17, 0));
        int timeline = dossiers.timeline(d.id()).size();

        // Bad input changes nothing: no reason, a date not after the due date, a Saturday, not a date.
        apologise(d.code(), "chuyenvien.stp", null, "2027-03-10").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        apologise(d.code(), "chuyenvien.stp", "Chờ xác minh", "2027-03-05").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Ngày hẹn mới phải sau hạn giải quyết hiện tại (05/03/2027)."));
        apologise(d.code(), "chuyenvien.stp", "Chờ xác minh", "2027-03-06").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "Ngày 06/03/2027 không phải ngày làm việc")));
        apologise(d.code(), "chuyenvien.stp", "Chờ xác minh", "10/03/2027").andExpect(status().isBadRequest());
        // Another agency's officer does not see the dossier.
        apologise(d.code(), "chuyenvien.pleiku", "Chờ xác minh", "2027-03-10").andExpect(status().isNotFound());
        assertThat(dossiers.timeline(d.id())).hasSize(timeline);
        assertThat(jdbc.sql("select count(*) from deadline_apology where dossier_id = ?").param(d.id())
                .query(Integer.class).single()).isZero();

        apologise(d.code(), "chuyenvien.stp", "Chờ kết quả xác minh của Công an tỉnh", "2027-03-10")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.originalDueAt").value("2027-03-05T17:00:00+07:00"))
                .andExpect(jsonPath("$.newDueAt").value("2027-03-10T17:00:00+07:00"))
                .andExpect(jsonPath("$.pdfUrl").value("/reception/dossiers/" + d.code() + "/apology.pdf"));

        // Once only.
        apologise(d.code(), "tiepnhan.stp", "Lần nữa", "2027-03-12").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Hồ sơ " + d.code()
                        + " đã có phiếu xin lỗi và hẹn lại; thời hạn chỉ được hẹn lại một lần."));

        // The dossier keeps its original due date (statistics count lateness against it); the timeline has it.
        assertThat(dossiers.findByCode(d.code()).orElseThrow().dueAt()).isEqualTo(DeadlineFixtures.at(2027, 3, 5, 17, 0));
        Dossiers.TimelineEntry last = dossiers.timeline(d.id()).get(dossiers.timeline(d.id()).size() - 1);
        assertThat(last.kind()).isEqualTo("APOLOGY_ISSUED");
        assertThat(last.message()).isEqualTo("Hẹn lại ngày trả kết quả: 10/03/2027. Lý do: Chờ kết quả xác minh của Công an tỉnh");

        // The applicant's mail.
        String address = username + "@example.vn";
        List<MimeMessage> mails = TestMail.awaitMessagesTo(address, 2).stream()
                .filter(m -> subject(m).startsWith("Phiếu xin lỗi")).toList();
        assertThat(mails).hasSize(1);
        assertThat(subject(mails.get(0))).isEqualTo("Phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ " + d.code());
        assertThat(TestMail.text(mails.get(0))).contains("05/03/2027", "10/03/2027",
                "Chờ kết quả xác minh của Công an tỉnh", "/dossiers/" + d.code() + "/apology.pdf");

        // Form 04 for the officer and for the applicant; nobody else.
        byte[] pdf = mvc.perform(get("/reception/dossiers/" + d.code() + "/apology.pdf")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = DeadlineFixtures.pdfText(pdf);
        assertThat(text).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mã hồ sơ: " + d.code(),
                "Kính gửi: Người nộp " + username, "01/03/2027", "Thời hạn giải quyết hồ sơ theo quy định là ngày 05/03/2027",
                "Lý do: Chờ kết quả xác minh của Công an tỉnh", "Ngày hẹn trả kết quả mới: 10/03/2027", "Sở Tư pháp",
                "Lê Văn Cường", d.procedureName());
        assertThat(DeadlineFixtures.pageSize(pdf)[0]).isLessThan(DeadlineFixtures.pageSize(pdf)[1]);
        mvc.perform(get("/dossiers/" + d.code() + "/apology.pdf").with(DemoAccounts.as(users, username)))
                .andExpect(status().isOk());
        mvc.perform(get("/reception/dossiers/" + d.code() + "/apology.pdf").with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isNotFound());

        String page = mvc.perform(get("/dossiers/" + d.code()).with(DemoAccounts.as(users, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("10/03/2027 17:00", "Chờ kết quả xác minh của Công an tỉnh", "id=\"apology-link\"");
        String officerPage = mvc.perform(get("/reception/dossiers/" + d.code())
                        .with(DemoAccounts.as(users, "lanhdao.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(officerPage).contains("05/03/2027 17:00", "10/03/2027 17:00").doesNotContain("id=\"apology-form\"");
    }

    @Test
    void theApologyFormOnTheOfficerPageShowsItsProblems() throws Exception {
        DeadlineFixtures fixtures = fixtures();
        Dossier d = fixtures.submitted(DeadlineFixtures.unique("xin-loi-trang"));
        fixtures.inProcessing(d, DeadlineFixtures.at(2027, 5, 3, 9, 0), DeadlineFixtures.at(2027, 5, 7, 17, 0));
        String page = mvc.perform(get("/reception/dossiers/" + d.code()).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"apology-form\"");
        var flash = mvc.perform(post("/reception/dossiers/" + d.code() + "/apologise")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf())
                        .param("reason", "Thiếu ý kiến").param("newDueDate", "2027-05-07"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(flash.get("deadlineErrors").toString()).contains("Ngày hẹn mới phải sau hạn giải quyết hiện tại");
        assertThat(jdbc.sql("select count(*) from deadline_apology where dossier_id = ?").param(d.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theTrackingBookListsTheDeskDossiersOfThePeriodAsPdfAndSpreadsheet() throws Exception {
        DeadlineFixtures fixtures = fixtures();
        String first = DeadlineFixtures.unique("so-mot");
        Dossier early = fixtures.submitted(first);
        fixtures.finished(early, DeadlineFixtures.at(2018, 6, 4, 9, 0), DeadlineFixtures.at(2018, 6, 11, 17, 0),
                DeadlineFixtures.at(2018, 6, 8, 10, 30));
        jdbc.sql("update dossier set status = 10, returned_at = ? where id = ?")
                .params(Timestamp.from(DeadlineFixtures.at(2018, 6, 9, 8, 15)), early.id()).update();
        jdbc.sql("""
                insert into deadline_delivery(dossier_id, agency_code, method, address, tracking_number, postal_status,
                                              returned_at, officer) values (?, ?, 'POST', '45 Trần Phú', 'EL000111222VN',
                                              'DELIVERED', ?, 'tiepnhan.stp')""")
                .params(early.id(), DeadlineFixtures.JUSTICE, Timestamp.from(DeadlineFixtures.at(2018, 6, 9, 8, 15)))
                .update();
        String second = DeadlineFixtures.unique("so-hai");
        Dossier late = fixtures.submitted(second);
        fixtures.finished(late, DeadlineFixtures.at(2018, 6, 5, 14, 30), DeadlineFixtures.at(2018, 6, 12, 17, 0),
                DeadlineFixtures.at(2018, 6, 14, 9, 0));
        Dossier outside = fixtures.submitted(DeadlineFixtures.unique("so-ngoai"));
        fixtures.inProcessing(outside, DeadlineFixtures.at(2018, 7, 2, 9, 0), DeadlineFixtures.at(2018, 7, 9, 17, 0));

        byte[] xlsx = mvc.perform(get("/api/v1/reception/tracking-book.xlsx?from=2018-06-04&to=2018-06-30")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", DeadlineForms.XLSX_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Mẫu 06");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("SỔ THEO DÕI HỒ SƠ - Sở Tư pháp tỉnh Gia Lai - Từ ngày 04/06/2018 đến ngày 30/06/2018");
            for (Row row : sheet) {
                if (row.getRowNum() < 1) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf((int) c.getNumericCellValue()) : c.getStringCellValue()));
                rows.add(cells);
            }
        }
        assertThat(rows.get(0)).containsExactly("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức",
                "Ngày nhận hồ sơ", "Ngày hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết",
                "Nhận kết quả từ cơ quan giải quyết", "Trả kết quả cho cá nhân, tổ chức", "Ghi chú");
        List<List<String>> mine = rows.stream()
                .filter(r -> r.get(1).equals(early.code()) || r.get(1).equals(late.code())).toList();
        assertThat(mine).containsExactly(
                List.of(mine.get(0).get(0), early.code(), early.procedureName(), "Người nộp " + first,
                        "04/06/2018 09:00", "11/06/2018 17:00", "04/06/2018 09:00", "08/06/2018 10:30",
                        "09/06/2018 08:15", "Trước hạn; Qua dịch vụ bưu chính công ích EL000111222VN"),
                List.of(mine.get(1).get(0), late.code(), late.procedureName(), "Người nộp " + second,
                        "05/06/2018 14:30", "12/06/2018 17:00", "05/06/2018 14:30", "14/06/2018 09:00", "", "Quá hạn"));
        assertThat(Integer.parseInt(mine.get(1).get(0))).isEqualTo(Integer.parseInt(mine.get(0).get(0)) + 1);
        assertThat(rows.stream().map(r -> r.get(1))).doesNotContain(outside.code());

        byte[] pdf = mvc.perform(get("/api/v1/reception/tracking-book.pdf?from=2018-06-04&to=2018-06-30")
                        .with(DemoAccounts.as(users, "lanhdao.stp")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        float[] size = DeadlineFixtures.pageSize(pdf);
        assertThat(size[0]).isGreaterThan(size[1]); // A4 landscape
        assertThat(Math.round(size[0])).isEqualTo(842);
        String text = DeadlineFixtures.pdfText(pdf);
        assertThat(text).contains("SỔ THEO DÕI HỒ SƠ", "Từ ngày 04/06/2018 đến ngày 30/06/2018", early.code(),
                late.code(), "Người nộp " + first, "EL000111222VN", "Trước hạn", "Quá hạn")
                .doesNotContain(outside.code());

        // Only the officer's agency; bad periods are refused.
        String other = DeadlineFixtures.pdfText(mvc.perform(get("/api/v1/reception/tracking-book.pdf?from=2018-06-04&to=2018-06-30")
                        .with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(other).contains("Từ ngày 04/06/2018").doesNotContain(early.code(), late.code());
        mvc.perform(get("/api/v1/reception/tracking-book.xlsx?from=2018-06-30&to=2018-06-01")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/reception/tracking-book.xlsx?from=2018-01-01&to=2019-06-01")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reception/tracking-book.pdf?from=2018-06-04&to=2018-06-30")
                        .with(DemoAccounts.as(users, "congdan")))
                .andExpect(status().isForbidden());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
