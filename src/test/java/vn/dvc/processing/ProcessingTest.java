package vn.dvc.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.calendar.TimeUnitKind;
import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierFinished;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.dossier.Dossiers;
import vn.dvc.shared.VietnamTime;

@IntegrationTest
@RecordApplicationEvents
class ProcessingTest {

    static final String SPECIALIST = "chuyenvien.stp";
    static final String LEADER = "lanhdao.stp";
    static final String RECEPTION = "tiepnhan.stp";
    static final String ADMIN = "quantri.stp";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired DossierTransitions transitions;
    @Autowired Dossiers dossiers;
    @Autowired Processing processing;
    @Autowired WorkingCalendar calendar;
    @Autowired JsonMapper json;
    @Autowired ApplicationEvents events;

    private ProcessingFixtures fixtures() {
        return new ProcessingFixtures(jdbc, catalogue, documents, submission);
    }

    /** A dossier of the Department of Justice received through the reception API (5 working days). */
    private Dossier received() throws Exception {
        return received(fixtures().procedure(ProcessingFixtures.JUSTICE, 5));
    }

    private Dossier received(Procedure procedure) throws Exception {
        Dossier d = fixtures().dossier(procedure);
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/receive").with(DemoAccounts.as(users, RECEPTION))
                .with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.nationalStatus").value(4));
        return dossiers.findByCode(d.code()).orElseThrow();
    }

    private ResultActions act(String who, String code, String action, String body) throws Exception {
        return mvc.perform(post("/api/v1/dossiers/" + code + "/actions/" + action).with(DemoAccounts.as(users, who))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body == null ? "{}" : body));
    }

    private ResultActions uploadResult(String who, String code) throws Exception {
        return mvc.perform(multipart("/api/v1/dossiers/" + code + "/result")
                .file(new MockMultipartFile("file", "ket-qua.pdf", "application/pdf", ProcessingFixtures.pdfBytes()))
                .with(DemoAccounts.as(users, who)).with(csrf()));
    }

    private JsonNode steps(String who, String code) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/dossiers/" + code + "/steps").with(DemoAccounts.as(users, who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void receivingOpensTheFirstStepInThePoolOfSpecialistsWithItsShareOfTheTime() throws Exception {
        Dossier d = received();

        JsonNode view = steps(SPECIALIST, d.code());
        assertThat(view.get("steps")).hasSize(1);
        JsonNode first = view.get("currentStep");
        assertThat(first.get("ordinal").asInt()).isEqualTo(1);
        assertThat(first.get("name").asString()).isEqualTo("Thụ lý, xử lý hồ sơ");
        assertThat(first.get("role").asString()).isEqualTo("SPECIALIST");
        assertThat(first.get("assignee").isNull()).isTrue();
        assertThat(first.get("startedBy").asString()).isEqualTo(RECEPTION);
        assertThat(OffsetDateTime.parse(first.get("startedAt").asString()).toInstant()).isEqualTo(d.receivedAt());
        // 70% of the working time from receipt to the due time, counted on from the receipt.
        long minutes = calendar.workingTimeBetween(d.receivedAt().atZone(VietnamTime.ZONE),
                d.dueAt().atZone(VietnamTime.ZONE), ProcessingFixtures.JUSTICE).toMinutes();
        assertThat(minutes).isEqualTo(5 * 8 * 60 + calendar.workingTimeBetween(d.receivedAt().atZone(VietnamTime.ZONE),
                d.receivedAt().atZone(VietnamTime.ZONE).toLocalDate().plusDays(1).atStartOfDay(VietnamTime.ZONE),
                ProcessingFixtures.JUSTICE).toMinutes());
        Instant due = calendar.addWorkingTime(d.receivedAt().atZone(VietnamTime.ZONE),
                java.time.Duration.ofMinutes(Math.round(minutes * 70 / 100.0)), ProcessingFixtures.JUSTICE).toInstant();
        assertThat(OffsetDateTime.parse(first.get("dueAt").asString()).toInstant()).isEqualTo(due);
        assertThat(view.get("allowedActions")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("take", "result", "forward");
        assertThat(jdbc.sql("select count(*) from processing_dossier where dossier_id = ?").param(d.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void stepDueTimesAreCountedOnTheWorkingCalendarAcrossHolidays() {
        Dossier d = fixtures().dossier(fixtures().procedure(ProcessingFixtures.JUSTICE, 5));
        // Friday 24 April 2026, 16:00: Monday 27 is off (Hùng Kings' day on Sunday 26), then 30/4 and 1/5.
        ZonedDateTime friday = LocalDateTime.of(2026, 4, 24, 16, 0).atZone(VietnamTime.ZONE);
        Instant due = calendar.due(friday, 5, TimeUnitKind.DAYS, ProcessingFixtures.JUSTICE, false).dueAt().toInstant();
        assertThat(due).isEqualTo(LocalDateTime.of(2026, 5, 6, 17, 0).atZone(VietnamTime.ZONE).toInstant());
        transitions.receive(d.code(), ProcessingFixtures.JUSTICE, RECEPTION, friday.toInstant(), due);

        DossierStep first = processing.current(d.id()).orElseThrow();
        // 41 working hours (1 on Friday, 8 on each of 28, 29 April and 4, 5, 6 May); 70% = 28 h 42 min:
        // Friday 1 h, 28/4 8 h, 29/4 8 h, 4/5 8 h, then 3 h 42 min on Tuesday 5 May from 07:00.
        assertThat(processing.process(d.id()).orElseThrow().workingMinutes()).isEqualTo(41 * 60);
        assertThat(first.startedAt()).isEqualTo(friday.toInstant());
        assertThat(first.dueAt().atZone(VietnamTime.ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 5, 5, 10, 42));
        assertThat(first.dueAt()).isEqualTo(calendar.addWorkingTime(friday, java.time.Duration.ofMinutes(1722),
                ProcessingFixtures.JUSTICE).toInstant());
    }

    @Test
    void aDossierGoesThroughItsStepsAndTheLeaderFinishesItWithItsResult() throws Exception {
        Dossier d = received();
        String code = d.code();

        act(SPECIALIST, code, "take", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.assignee").value(SPECIALIST));
        // The first step may not be sent back.
        act(SPECIALIST, code, "send-back", "{\"reason\":\"Thiếu\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(
                        "Quy trình không cho phép trả lại hồ sơ " + code + " từ bước \"Thụ lý, xử lý hồ sơ\"."));
        // A named officer must have the next step's role.
        act(SPECIALIST, code, "forward", "{\"assignee\":\"tiepnhan.stp\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        act(SPECIALIST, code, "forward", "{\"assignee\":\"lanhdao.stp\",\"note\":\"Đủ điều kiện\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.ordinal").value(2))
                .andExpect(jsonPath("$.currentStep.name").value("Phê duyệt kết quả"))
                .andExpect(jsonPath("$.currentStep.assignee").value(LEADER));

        // No result yet: approval is refused and nothing changes.
        act(LEADER, code, "approve", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Hồ sơ " + code
                        + " chưa có kết quả giải quyết: hãy tải lên tệp kết quả (PDF) trước khi phê duyệt."));
        assertThat(processing.current(d.id()).orElseThrow().ordinal()).isEqualTo(2);

        // Send back (allowed from the approval step) needs a reason, and returns to the specialist who forwarded.
        act(LEADER, code, "send-back", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Hãy nhập lý do trả lại."));
        act(LEADER, code, "send-back", "{\"reason\":\"Thiếu kết quả\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.ordinal").value(1))
                .andExpect(jsonPath("$.currentStep.assignee").value(SPECIALIST));

        // A text file is not a result.
        mvc.perform(multipart("/api/v1/dossiers/" + code + "/result")
                        .file(new MockMultipartFile("file", "ket-qua.pdf", "application/pdf",
                                "không phải PDF".getBytes(StandardCharsets.UTF_8)))
                        .with(DemoAccounts.as(users, SPECIALIST)).with(csrf()))
                .andExpect(status().isBadRequest());
        uploadResult(SPECIALIST, code).andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("RESULT"));
        uploadResult(SPECIALIST, code).andExpect(status().isOk()); // a second upload replaces the first
        String applicant = jdbc.sql("select username from account where id = ?").param(d.applicantId())
                .query(String.class).single();
        // The applicant does not see results before the dossier is finished.
        mvc.perform(get("/api/v1/dossiers/" + code).with(DemoAccounts.as(users, applicant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents[?(@.kind == 'RESULT')]").isEmpty());
        act(SPECIALIST, code, "forward", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.assignee").doesNotExist());

        // The specialist cannot approve; the leader can.
        act(SPECIALIST, code, "approve", null).andExpect(status().isForbidden());
        act(LEADER, code, "approve", "{\"note\":\"Đồng ý\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(9))
                .andExpect(jsonPath("$.currentStep").doesNotExist())
                .andExpect(jsonPath("$.finishedAt").exists());

        Dossier finished = dossiers.findByCode(code).orElseThrow();
        assertThat(finished.status()).isEqualTo(DossierStatus.FINISHED);
        assertThat(finished.finishedAt()).isNotNull();
        List<Dossiers.DossierDocument> results = dossiers.documents(finished.id()).stream()
                .filter(doc -> "RESULT".equals(doc.kind())).toList();
        assertThat(results).hasSize(2);
        // Once finished, the applicant gets the signed electronic result made from the latest upload, and
        // never the agency's working files.
        mvc.perform(get("/api/v1/dossiers/" + code).with(DemoAccounts.as(users, applicant)))
                .andExpect(jsonPath("$.documents[?(@.kind == 'RESULT')]").isEmpty());
        mvc.perform(get("/api/v1/dossiers/" + code + "/results").with(DemoAccounts.as(users, applicant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].resultCode").value(code + "-KQ1"));
        assertThat(dossiers.timeline(finished.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsExactly("SUBMITTED", "RECEIVED", "PROCESSING_STARTED", "RESULT_ATTACHED", "RESULT_ATTACHED",
                        "FINISHED");
        // Every officer's action is in the tamper-evident audit trail, in order.
        assertThat(jdbc.sql("select action from audit_entry where subject = ? order by sequence").param(code)
                .query(String.class).list()).containsSubsequence("DOSSIER_SUBMITTED", "DOSSIER_STATUS_CHANGED",
                        "STEP_TAKEN", "DOSSIER_RESULT_ATTACHED", "STEP_FORWARDED", "DOSSIER_STATUS_CHANGED",
                        "RESULT_ISSUED");
        assertThat(events.stream(DossierFinished.class).filter(e -> e.dossierCode().equals(code)).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.agencyCode()).isEqualTo(ProcessingFixtures.JUSTICE);
                    assertThat(e.resultDocumentId()).isEqualTo(results.get(1).documentId());
                    assertThat(e.actor()).isEqualTo(LEADER);
                    assertThat(e.at()).isEqualTo(finished.finishedAt());
                });

        List<DossierStep> steps = processing.steps(finished.id());
        assertThat(steps).extracting(DossierStep::ordinal).containsExactly(1, 2, 1, 2);
        assertThat(steps).extracting(DossierStep::outcome).containsExactly(DossierStep.Outcome.FORWARDED,
                DossierStep.Outcome.SENT_BACK, DossierStep.Outcome.FORWARDED, DossierStep.Outcome.APPROVED);
        assertThat(steps).extracting(DossierStep::endedBy).containsExactly(SPECIALIST, LEADER, SPECIALIST, LEADER);
        assertThat(steps).allSatisfy(s -> assertThat(s.endedAt()).isNotNull());
        assertThat(steps.get(1).note()).isEqualTo("Thiếu kết quả");
        // Approved: nothing more can be done.
        act(LEADER, code, "approve", null).andExpect(status().isConflict());

        // Form 05 from the record.
        byte[] pdf = mvc.perform(get("/api/v1/dossiers/" + code + "/forms/05.pdf").with(DemoAccounts.as(users, LEADER)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf).replaceAll("\\s+", " "); // cells wrap: compare words, not lines
        ZonedDateTime received = finished.receivedAt().atZone(VietnamTime.ZONE);
        ZonedDateTime approved = steps.get(3).endedAt().atZone(VietnamTime.ZONE);
        assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + code, "Sở Tư pháp",
                "Giao: Bộ phận tiếp nhận và trả kết quả", "Nhận: Thụ lý, xử lý hồ sơ", "Nhận: Phê duyệt kết quả",
                "Lê Văn Cường", "Phạm Thị Dung", "Trần Thị Bình", "Đã tiếp nhận", "Trước hạn",
                "Trả lại bước trước: Thiếu kết quả", "Phê duyệt: Đồng ý",
                String.format("%02d giờ %02d phút", received.getHour(), received.getMinute()),
                String.format("ngày %02d/%02d/%d", received.getDayOfMonth(), received.getMonthValue(),
                        received.getYear()),
                String.format("%02d giờ %02d phút", approved.getHour(), approved.getMinute()),
                "Kết quả giải quyết hồ sơ: Trước hạn");
        assertThat(text.split("Nhận:", -1)).hasSize(6); // 5 hand-overs: reception, 3 between steps, the result
    }

    @Test
    void onlyTheStepsRoleActsAndOnlyLeadersReassign() throws Exception {
        Dossier d = received();
        String code = d.code();
        String second = fixtures().officer(ProcessingFixtures.JUSTICE, "SPECIALIST", "Võ Thị Hai");

        act(LEADER, code, "forward", null).andExpect(status().isForbidden());
        act(RECEPTION, code, "forward", null).andExpect(status().isForbidden());
        act(SPECIALIST, code, "reassign", "{\"assignee\":\"" + second + "\"}").andExpect(status().isForbidden());
        act(LEADER, code, "reassign", "{\"assignee\":\"lanhdao.pleiku\"}").andExpect(status().isBadRequest());
        act(LEADER, code, "reassign", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Hãy chọn cán bộ nhận hồ sơ."));

        act(LEADER, code, "reassign", "{\"assignee\":\"" + second + "\",\"note\":\"Chia việc\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.ordinal").value(1))
                .andExpect(jsonPath("$.currentStep.assignee").value(second));
        List<DossierStep> steps = processing.steps(d.id());
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).outcome()).isEqualTo(DossierStep.Outcome.REASSIGNED);
        assertThat(steps.get(1).dueAt()).isEqualTo(steps.get(0).dueAt()); // the step keeps its due time
        assertThat(steps.get(1).startedBy()).isEqualTo(LEADER);

        // The step is now held by the other specialist.
        act(SPECIALIST, code, "forward", null).andExpect(status().isForbidden());
        act(SPECIALIST, code, "take", null).andExpect(status().isConflict());
        act(second, code, "forward", null).andExpect(status().isOk());
        // Agency administrators reassign too.
        act(ADMIN, code, "reassign", "{\"assignee\":\"" + LEADER + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.assignee").value(LEADER));
    }

    @Test
    void anOfficerOfAnotherAgencyFindsNothing() throws Exception {
        Dossier d = received();
        mvc.perform(get("/api/v1/dossiers/" + d.code() + "/steps").with(DemoAccounts.as(users, "chuyenvien.pleiku")))
                .andExpect(status().isNotFound());
        act("chuyenvien.pleiku", d.code(), "forward", null).andExpect(status().isNotFound());
        act("lanhdao.pleiku", d.code(), "reassign", "{\"assignee\":\"chuyenvien.pleiku\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/" + d.code() + "/forms/05.pdf")
                .with(DemoAccounts.as(users, "chuyenvien.pleiku"))).andExpect(status().isNotFound());
        mvc.perform(get("/processing/dossiers/" + d.code() + "/form05.pdf")
                .with(DemoAccounts.as(users, "chuyenvien.pleiku"))).andExpect(status().isNotFound());
        assertThat(processing.current(d.id()).orElseThrow().assignee()).isNull();
    }

    @Test
    void aProcedureOwnProcessIsValidatedAndReplacesTheDefault() throws Exception {
        Procedure procedure = fixtures().procedure(ProcessingFixtures.JUSTICE, 10);
        String url = "/api/v1/admin/processes/" + ProcessingFixtures.JUSTICE + "/procedures/" + procedure.code();
        mvc.perform(put(url).with(DemoAccounts.as(users, ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"steps":[{"name":"Thụ lý","role":"SPECIALIST","budgetPercent":50},
                                          {"name":"Phê duyệt","role":"LEADER","budgetPercent":40,"maySendBack":true}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Tổng thời gian các bước phải bằng 100% thời gian giải quyết (hiện là 90%)."));
        mvc.perform(put(url).with(DemoAccounts.as(users, ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"steps":[{"name":"","role":"SPECIALIST","budgetPercent":50,"maySendBack":true},
                                          {"name":"Kiểm tra","role":"SPECIALIST","budgetPercent":50}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "Hãy nhập tên bước 1.", "Bước đầu tiên không có bước trước để trả lại.",
                        "Bước cuối cùng phải do lãnh đạo phê duyệt.")));
        // Another agency's administrator cannot touch it.
        mvc.perform(put(url).with(DemoAccounts.as(users, "quantri.pleiku")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"steps\":[]}"))
                .andExpect(status().isNotFound());
        mvc.perform(put(url).with(DemoAccounts.as(users, ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"steps":[{"name":"Thụ lý","role":"SPECIALIST","budgetPercent":50},
                                          {"name":"Thẩm định","role":"SPECIALIST","budgetPercent":30},
                                          {"name":"Phê duyệt","role":"LEADER","budgetPercent":20,"maySendBack":true}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps.length()").value(3))
                .andExpect(jsonPath("$.builtIn").value(false));
        // Only the accepted definition is in the audit trail, by its administrator.
        assertThat(jdbc.sql("select actor || ' ' || action from audit_entry where subject = ? order by sequence")
                .param(procedure.code()).query(String.class).list())
                .containsExactly(ADMIN + " PROCESS_DEFINITION_SAVED");

        Dossier d = received(procedure);
        act(SPECIALIST, d.code(), "forward", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.name").value("Thẩm định"));
        // "Thẩm định" does not allow sending back.
        act(SPECIALIST, d.code(), "send-back", "{\"reason\":\"Sai\"}").andExpect(status().isConflict());
        assertThat(processing.current(d.id()).orElseThrow().name()).isEqualTo("Thẩm định");
        act(SPECIALIST, d.code(), "forward", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.name").value("Phê duyệt"));
        act(SPECIALIST, d.code(), "forward", null).andExpect(status().isForbidden());
        act(LEADER, d.code(), "forward", null).andExpect(status().isConflict());
        // Another procedure of the agency follows the default.
        Dossier other = received();
        assertThat(processing.current(other.id()).orElseThrow().name()).isEqualTo("Thụ lý, xử lý hồ sơ");
    }

    @Test
    void bulkForwardReportsEachDossier() throws Exception {
        Dossier one = received();
        Dossier two = received();
        Dossier atLeader = received();
        act(SPECIALIST, atLeader.code(), "forward", "{\"assignee\":\"lanhdao.stp\"}").andExpect(status().isOk());
        String unknown = ProcessingFixtures.JUSTICE + "-000101-9999";

        mvc.perform(post("/api/v1/processing/bulk-forward").with(DemoAccounts.as(users, SPECIALIST)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dossierCodes\":[\"" + one.code() + "\",\"" + atLeader.code() + "\",\"" + unknown
                                + "\",\"" + two.code() + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.forwarded").value(2))
                .andExpect(jsonPath("$.failed").value(2))
                .andExpect(jsonPath("$.results[0].ok").value(true))
                .andExpect(jsonPath("$.results[1].ok").value(false))
                .andExpect(jsonPath("$.results[1].code").value("forbidden"))
                .andExpect(jsonPath("$.results[2].code").value("not-found"))
                .andExpect(jsonPath("$.results[3].dossierCode").value(two.code()))
                .andExpect(jsonPath("$.results[3].ok").value(true));
        assertThat(processing.current(one.id()).orElseThrow().ordinal()).isEqualTo(2);
        assertThat(processing.current(two.id()).orElseThrow().ordinal()).isEqualTo(2);
        DossierStep leaderStep = processing.current(atLeader.id()).orElseThrow();
        assertThat(leaderStep.ordinal()).isEqualTo(2);
        assertThat(processing.steps(atLeader.id())).hasSize(2);

        mvc.perform(post("/api/v1/processing/bulk-forward").with(DemoAccounts.as(users, SPECIALIST)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dossierCodes\":[]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theWorkListShowsMyStepsAndThePoolOfMyRole() throws Exception {
        Dossier pool = received();
        Dossier mine = received();
        act(SPECIALIST, mine.code(), "take", null).andExpect(status().isOk());
        Dossier leaders = received();
        act(SPECIALIST, leaders.code(), "forward", null).andExpect(status().isOk());

        String all = mvc.perform(get("/api/v1/processing/work?size=100").with(DemoAccounts.as(users, SPECIALIST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(all).contains(pool.code(), mine.code()).doesNotContain(leaders.code());
        String onlyMine = mvc.perform(get("/api/v1/processing/work?scope=mine&size=100")
                .with(DemoAccounts.as(users, SPECIALIST))).andReturn().getResponse().getContentAsString();
        assertThat(onlyMine).contains(mine.code()).doesNotContain(pool.code());
        String leader = mvc.perform(get("/api/v1/processing/work?size=100&step=Phê duyệt kết quả")
                .with(DemoAccounts.as(users, LEADER))).andReturn().getResponse().getContentAsString();
        assertThat(leader).contains(leaders.code()).doesNotContain(pool.code());
        mvc.perform(get("/api/v1/processing/work?scope=agency").with(DemoAccounts.as(users, SPECIALIST)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/processing/work?scope=agency&size=100").with(DemoAccounts.as(users, LEADER)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(pool.code())));
        mvc.perform(get("/api/v1/processing/work").with(DemoAccounts.as(users, "chuyenvien.pleiku")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        pool.code()))));

        // The pages.
        mvc.perform(get("/processing").with(DemoAccounts.as(users, SPECIALIST))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(pool.code())));
        mvc.perform(get("/reception/dossiers/" + mine.code()).with(DemoAccounts.as(users, SPECIALIST)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"form05-link\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"forward\"")));
        mvc.perform(post("/processing/dossiers/" + mine.code() + "/forward").param("assignee", LEADER)
                        .with(DemoAccounts.as(users, SPECIALIST)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(processing.current(mine.id()).orElseThrow().assignee()).isEqualTo(LEADER);
        mvc.perform(post("/processing/bulk-forward").param("code", pool.code()).with(DemoAccounts.as(users, SPECIALIST))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("đã chuyển sang bước tiếp theo")));
        assertThat(processing.current(pool.id()).orElseThrow().ordinal()).isEqualTo(2);
        mvc.perform(get("/admin/processes/edit").param("agency", ProcessingFixtures.JUSTICE)
                        .with(DemoAccounts.as(users, ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"process-form\"")));
        mvc.perform(get("/admin/processes").with(DemoAccounts.as(users, ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Thụ lý, xử lý hồ sơ")));
        mvc.perform(post("/admin/processes/save").with(DemoAccounts.as(users, ADMIN)).with(csrf())
                        .param("agency", ProcessingFixtures.JUSTICE).param("procedure", "")
                        .param("name", "Thụ lý", "", "Ký").param("role", "SPECIALIST", "", "SPECIALIST")
                        .param("budgetPercent", "60", "", "40"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Bước cuối cùng phải do lãnh đạo phê duyệt.")));
    }

    @Test
    void aProcessForAProcedureTheAgencyDoesNotReceiveIsRefusedAndNothingIsSaved() throws Exception {
        Procedure elsewhere = fixtures().procedure("000.00.04.H21", 10);
        mvc.perform(post("/admin/processes/save").with(DemoAccounts.as(users, ADMIN)).with(csrf())
                        .param("agency", ProcessingFixtures.JUSTICE).param("procedure", elsewhere.code())
                        .param("name", "Thụ lý", "Ký").param("role", "SPECIALIST", "LEADER")
                        .param("budgetPercent", "60", "40"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Thủ tục " + elsewhere.code() + " không do")));
        mvc.perform(put("/api/v1/admin/processes/" + ProcessingFixtures.JUSTICE + "/procedures/" + elsewhere.code())
                        .with(DemoAccounts.as(users, ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"steps":[{"name":"Thụ lý","role":"SPECIALIST","budgetPercent":60},
                                          {"name":"Ký","role":"LEADER","budgetPercent":40}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("procedureCode"));
        assertThat(jdbc.sql("select count(*) from processing_definition where procedure_code = ?")
                .param(elsewhere.code()).query(Long.class).single()).isZero();
    }

    /** The text of a PDF by poppler's pdftotext (as a reader sees it). */
    static String pdfText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("mau-05-", ".pdf");
        Path out = Files.createTempFile("mau-05-", ".txt");
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
