package vn.dvc.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;
import vn.dvc.calendar.TimeUnitKind;
import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.Dossiers;
import vn.dvc.dossier.OriginalOrCopy;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.VietnamTime;

@IntegrationTest
class ReceptionTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;
    @Autowired Reception reception;
    @Autowired ReceptionForms forms;
    @Autowired WorkingCalendar calendar;
    @Autowired JsonMapper json;

    private ReceptionFixtures fixtures() {
        return new ReceptionFixtures(jdbc, catalogue, documents, submission);
    }

    private Dossier newDossier(String prefix) {
        ReceptionFixtures fixtures = fixtures();
        String username = ReceptionFixtures.unique(prefix);
        long id = fixtures.applicant(username);
        return fixtures.dossier(id, username, fixtures.procedure(BigDecimal.valueOf(5)));
    }

    private AccountPrincipal officer(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @Test
    void theReceptionOfficerReceivesADossierOfTheirAgencyWithADueDateAndAReceipt() throws Exception {
        Dossier d = newDossier("tiep-nhan");
        String username = jdbc.sql("select username from account where id = ?").param(d.applicantId())
                .query(String.class).single();

        String body = mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/receive")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(4))
                .andExpect(jsonPath("$.receiptUrl").value("/reception/dossiers/" + d.code() + "/receipt.pdf"))
                .andReturn().getResponse().getContentAsString();
        JsonNode answer = json.readTree(body);
        ZonedDateTime receivedAt = OffsetDateTime.parse(answer.get("receivedAt").asString())
                .atZoneSameInstant(VietnamTime.ZONE);
        OffsetDateTime dueAt = OffsetDateTime.parse(answer.get("dueAt").asString());
        assertThat(dueAt.toInstant()).isEqualTo(
                calendar.due(receivedAt, 5, TimeUnitKind.DAYS, ReceptionFixtures.JUSTICE, true).dueAt().toInstant());

        // Twice: the lifecycle refuses, nothing changes.
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/receive")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Hồ sơ " + d.code() + " không ở trạng thái có thể tiếp nhận."));
        assertThat(dossiers.timeline(d.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsExactly("SUBMITTED", "RECEIVED", "PROCESSING_STARTED");

        // The applicant gets the link to the receipt by mail and may download it.
        assertThat(TestMail.awaitMessagesTo(username + "@example.vn", 2).stream().map(m -> {
            try {
                return TestMail.text(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).anyMatch(text -> text.contains("/dossiers/" + d.code() + "/receipt.pdf"));
        mvc.perform(get("/dossiers/" + d.code() + "/receipt.pdf").with(DemoAccounts.as(users, username)))
                .andExpect(status().isOk());
        byte[] pdf = mvc.perform(get("/reception/dossiers/" + d.code() + "/receipt.pdf")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        String text = pdfText(pdf);
        ZonedDateTime due = dueAt.atZoneSameInstant(VietnamTime.ZONE);
        assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + d.code(),
                "Nguyễn Văn " + username, "45 Trần Phú", "0987654321", username + "@example.vn",
                d.procedureName(), "Tờ khai yêu cầu cấp phiếu", "Bản sao căn cước công dân", "5 ngày làm việc",
                String.format("%02d giờ %02d phút, ngày %02d/%02d/%d", receivedAt.getHour(), receivedAt.getMinute(),
                        receivedAt.getDayOfMonth(), receivedAt.getMonthValue(), receivedAt.getYear()),
                String.format("%02d giờ %02d phút, ngày %02d/%02d/%d", due.getHour(), due.getMinute(),
                        due.getDayOfMonth(), due.getMonthValue(), due.getYear()),
                "Sở Tư pháp", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Thị Bình", "số thứ tự");
    }

    @Test
    void theDueDateSkipsTheWeekendAndTheHolidays() {
        Dossier d = newDossier("han-xu-ly");
        // Friday 24 April 2026, 16:00: Hùng Kings' day falls on Sunday 26 (Monday 27 off), then 30/4 and 1/5.
        ZonedDateTime friday = LocalDateTime.of(2026, 4, 24, 16, 0).atZone(VietnamTime.ZONE);
        Dossier received = reception.receive(d.code(), officer("tiepnhan.stp"), friday.toInstant());
        assertThat(received.receivedAt()).isEqualTo(friday.toInstant());
        assertThat(received.dueAt()).isEqualTo(
                calendar.due(friday, 5, TimeUnitKind.DAYS, ReceptionFixtures.JUSTICE, true).dueAt().toInstant());
        assertThat(received.dueAt().atZone(VietnamTime.ZONE).toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2026, 5, 6));
        assertThat(reception.receipt(received.id())).get()
                .satisfies(r -> assertThat(r.dueAt()).isEqualTo(received.dueAt()));
    }

    @Test
    void aProcedureWithoutAProcessingTimeCannotBeReceived() throws Exception {
        ReceptionFixtures fixtures = fixtures();
        String username = ReceptionFixtures.unique("khong-han");
        Procedure procedure = fixtures.procedure(null);
        Dossier d = fixtures.dossier(fixtures.applicant(username), username, procedure);
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/receive")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", startsWith("Không tiếp nhận được hồ sơ " + d.code())));
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);
    }

    @Test
    void anOfficerOfAnotherAgencyFindsNothingAndOtherRolesMayNotAct() throws Exception {
        Dossier d = newDossier("co-lap");
        String applicant = jdbc.sql("select username from account where id = ?").param(d.applicantId())
                .query(String.class).single();
        String other = "tiepnhan.pleiku";
        mvc.perform(get("/api/v1/queue/" + d.code()).with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
        for (String action : List.of("receive", "request-supplement", "refuse")) {
            mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/" + action)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"items\":[\"Giấy tờ\"],\"reason\":\"Thiếu\",\"reasonCode\":\"NOT_ELIGIBLE\"}")
                            .with(DemoAccounts.as(users, other)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/reception/dossiers/" + d.code() + "/documents/1").with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reception/dossiers/" + d.code() + "/receipt.pdf").with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> reception.receive(d.code(), officer(other)))
                .isInstanceOf(vn.dvc.shared.NotFoundException.class);
        mvc.perform(get("/api/v1/queue?status=1&size=100").with(DemoAccounts.as(users, other)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.agencyCode != '000.00.30.H21')]").isEmpty());

        // The applicant is no officer; a specialist may not receive or refuse; a leader may not ask for more.
        mvc.perform(get("/api/v1/queue").with(DemoAccounts.as(users, applicant))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/queue/" + d.code()).with(DemoAccounts.as(users, applicant)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/receive")
                        .with(DemoAccounts.as(users, applicant)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/receive")
                        .with(DemoAccounts.as(users, "chuyenvien.stp")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/refuse").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasonCode\":\"NOT_ELIGIBLE\"}")
                        .with(DemoAccounts.as(users, "chuyenvien.stp")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/request-supplement")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[\"x\"],\"reason\":\"y\"}")
                        .with(DemoAccounts.as(users, "lanhdao.stp")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);

        // The own agency's officer sees it in full.
        mvc.perform(get("/api/v1/queue/" + d.code()).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.form.contactName").value("Nguyễn Văn Tiếp"))
                .andExpect(jsonPath("$.documents.length()").value(2))
                .andExpect(jsonPath("$.allowedActions[0]").value("receive"));
        long documentRow = dossiers.documents(d.id()).get(0).id();
        mvc.perform(get("/reception/dossiers/" + d.code() + "/documents/" + documentRow)
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk());
        mvc.perform(get("/reception/dossiers/" + d.code() + "/documents/" + documentRow)
                        .with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusingNeedsAReasonFromTheListAndHappensOnce() throws Exception {
        Dossier d = newDossier("tu-choi");
        String url = "/api/v1/dossiers/" + d.code() + "/actions/refuse";
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\":\"NO_SUCH\"}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasonCode"));
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\":\"OTHER\",\"text\":\" \"}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);

        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasonCode\":\"NOT_COMPETENT\",\"text\":\"Thuộc thẩm quyền UBND cấp xã\"}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(3));
        assertThat(reception.refusal(d.id())).get().satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo("NOT_COMPETENT");
            assertThat(r.reasonLabel()).startsWith("Hồ sơ không thuộc thẩm quyền");
        });
        assertThat(dossiers.timeline(d.id()).get(1).message())
                .isEqualTo("Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan: Thuộc thẩm quyền UBND cấp xã");
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\":\"NOT_COMPETENT\"}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isConflict());
        assertThatThrownBy(() -> reception.receive(d.code(), officer("tiepnhan.stp")))
                .isInstanceOf(ConflictException.class);
        mvc.perform(get("/reception/dossiers/" + d.code() + "/receipt.pdf").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isNotFound());

        // Form 03, for the officer and the applicant; nobody else.
        byte[] pdf = mvc.perform(get("/reception/dossiers/" + d.code() + "/refusal.pdf")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(pdf).replaceAll("\\s+", " ")).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                d.code(), d.procedureName(), "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan",
                "Thuộc thẩm quyền UBND cấp xã", "Trần Thị Bình");
        String applicant = jdbc.sql("select username from account where id = ?").param(d.applicantId())
                .query(String.class).single();
        mvc.perform(get("/dossiers/" + d.code() + "/refusal.pdf").with(DemoAccounts.as(users, applicant)))
                .andExpect(status().isOk());
        mvc.perform(get("/reception/dossiers/" + d.code() + "/refusal.pdf").with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRefusalForAnOtherReasonPrintsTheTypedReasonNotTheLabel() throws Exception {
        Dossier d = newDossier("tu-choi-khac");
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/refuse").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasonCode\":\"OTHER\",\"text\":\"Người nộp đã nộp hồ sơ này tại xã\"}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk());
        byte[] pdf = mvc.perform(get("/reception/dossiers/" + d.code() + "/refusal.pdf")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Lý do: Người nộp đã nộp hồ sơ này tại xã").doesNotContain("Lý do khác");
        assertThat(dossiers.timeline(d.id()).get(1).message()).isEqualTo("Người nộp đã nộp hồ sơ này tại xã");
    }

    @Test
    void aSupplementRequestListsEveryMissingItemWithAReason() throws Exception {
        Dossier earlier = newDossier("bo-sung-truoc");
        reception.requestSupplement(earlier.code(), officer("tiepnhan.stp"), List.of("Tờ khai"), "Thiếu");
        Dossier d = newDossier("bo-sung");
        String url = "/api/v1/dossiers/" + d.code() + "/actions/request-supplement";
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"items\":[\" \"],\"reason\":\"Thiếu\"}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items"));
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"items\":[\"Giấy khai sinh\"]}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[\"Giấy khai sinh\",\"Giấy ủy quyền\"],\"itemForms\":[\"COPY\"],"
                                + "\"reason\":\"Thiếu giấy tờ\"}")
                        .with(DemoAccounts.as(users, "chuyenvien.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("itemForms"));
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[\"Giấy khai sinh\",\"Giấy ủy quyền\",\"Sửa ngày sinh trong tờ khai\"],"
                                + "\"itemForms\":[\"CERTIFIED_COPY\",\"ORIGINAL\"],\"reason\":\"Thiếu giấy tờ\"}")
                        .with(DemoAccounts.as(users, "chuyenvien.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(5));
        assertThat(dossiers.supplements(d.id())).singleElement().satisfies(s -> {
            assertThat(s.items()).containsExactly("Giấy khai sinh", "Giấy ủy quyền", "Sửa ngày sinh trong tờ khai");
            assertThat(s.itemForms()).containsExactly(OriginalOrCopy.CERTIFIED_COPY, OriginalOrCopy.ORIGINAL, null);
            assertThat(s.number()).isEqualTo(1);
        });
        mvc.perform(get("/api/v1/queue/" + d.code()).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supplements[0].number").value(1))
                .andExpect(jsonPath("$.supplements[0].itemForms[0]").value("CERTIFIED_COPY"));

        // Form 02 lists every item with the reason and the officer to contact, numbered within the form and the
        // dossier (not by the request's database id), saying which paper each item asks for.
        long id = dossiers.supplements(d.id()).get(0).id();
        assertThat(id).isGreaterThan(1);
        byte[] pdf = mvc.perform(get("/reception/dossiers/" + d.code() + "/supplements/" + id + "/request.pdf")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Số: 1/BSHS",
                d.code(), "Bản chính/bản sao", "1 Giấy khai sinh Bản sao có chứng thực", "2 Giấy ủy quyền Bản chính",
                "3 Sửa ngày sinh trong tờ khai —", "Lý do: Thiếu giấy tờ", "Lê Văn Cường");
        assertThat(text).doesNotContain("Số: " + id + "/BSHS");
        String applicant = jdbc.sql("select username from account where id = ?").param(d.applicantId())
                .query(String.class).single();
        mvc.perform(get("/dossiers/" + d.code() + "/supplements/" + id + "/request.pdf")
                        .with(DemoAccounts.as(users, applicant)))
                .andExpect(status().isOk());
        mvc.perform(get("/reception/dossiers/" + d.code() + "/supplements/" + id + "/request.pdf")
                        .with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theQueueShowsTheAgencysNewDossiersAndFiltersByDueDate() throws Exception {
        Dossier d = newDossier("hang-doi");
        boolean found = false;
        for (int page = 0; page < 50 && !found; page++) {
            String body = mvc.perform(get("/api/v1/queue?status=1&size=100&page=" + page)
                            .with(DemoAccounts.as(users, "tiepnhan.stp")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode items = json.readTree(body).get("items");
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode item : items) {
                assertThat(item.get("agencyCode").asString()).isEqualTo(ReceptionFixtures.JUSTICE);
                found |= item.get("dossierCode").asString().equals(d.code());
            }
        }
        assertThat(found).isTrue();

        // Received long ago: overdue now, and the filter shows only overdue dossiers.
        Dossier old = newDossier("qua-han");
        reception.receive(old.code(), officer("tiepnhan.stp"),
                LocalDateTime.of(2026, 3, 2, 9, 0).atZone(VietnamTime.ZONE).toInstant());
        String body = mvc.perform(get("/api/v1/queue?due=overdue&size=100").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode items = json.readTree(body).get("items");
        assertThat(items.valueStream().map(i -> i.get("overdue").asBoolean())).containsOnly(true);
        mvc.perform(get("/api/v1/queue?due=later").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isBadRequest());
    }

    /** The text of a PDF by poppler's pdftotext (as a reader sees it), or PDFBox's extractor without poppler. */
    static String pdfText(byte[] pdf) throws Exception {
        boolean poppler = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "pdftotext")));
        if (!poppler) {
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            }
        }
        Path file = Files.createTempFile("mau-01-", ".pdf");
        Path out = Files.createTempFile("mau-01-", ".txt");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), out.toString())
                    .redirectErrorStream(true).start();
            assertThat(process.waitFor()).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
        }
    }
}
