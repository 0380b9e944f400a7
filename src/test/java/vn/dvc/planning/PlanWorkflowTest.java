package vn.dvc.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.DemoAccounts.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.Procedures;
import vn.dvc.organisation.AgencyAdministration;
import vn.dvc.organisation.AgencyLevel;

/**
 * The yearly plan through the API, role by role: agency administrators register before the deadline
 * and see only their agency's entries; the coordinator consolidates, confirms the proposed rejection
 * of centrally provided procedures, approves the rest and publishes; every step out of order is
 * refused with a problem that names the status needed. Years used here: 2041–2052.
 */
@IntegrationTest
class PlanWorkflowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JsonMapper json;
    @Autowired
    Plans plans;
    @Autowired
    Procedures procedures;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    AgencyAdministration agencies;

    PlanFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlanFixtures(catalogue, agencies);
    }

    ResultActions open(int year, LocalDate deadline) throws Exception {
        return mvc.perform(post("/api/v1/admin/plans").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":" + year + ",\"registrationDeadline\":\"" + deadline + "\"}")
                .with(as(users, "dieuphoi.stttt")).with(csrf()));
    }

    ResultActions register(String account, int year, String code, String kind) throws Exception {
        return mvc.perform(post("/api/v1/admin/plans/" + year + "/entries").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"procedureCode":"%s","kind":"%s","estimatedBudgetVnd":150000000,
                         "owner":"Phòng Hành chính tư pháp","note":"Dùng chung nền tảng thanh toán"}
                        """.formatted(code, kind))
                .with(as(users, account)).with(csrf()));
    }

    ResultActions act(int year, String action) throws Exception {
        return mvc.perform(post("/api/v1/admin/plans/" + year + "/actions/" + action)
                .with(as(users, "dieuphoi.stttt")).with(csrf()));
    }

    ResultActions reject(int year, long id, String reason) throws Exception {
        return mvc.perform(post("/api/v1/admin/plans/" + year + "/entries/" + id + "/reject")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("reason", reason)))
                .with(as(users, "dieuphoi.stttt")).with(csrf()));
    }

    long id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id")
                .asLong();
    }

    JsonNode entries(String account, int year) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/admin/plans/" + year + "/entries").with(as(users, account)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static LocalDate inAMonth() {
        return LocalDate.now(vn.dvc.shared.VietnamTime.ZONE).plusMonths(1);
    }

    @Test
    void agencyAdministratorRegistersOwnProceduresBeforeTheDeadline() throws Exception {
        int year = 2041;
        open(year, inAMonth()).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REGISTRATION_OPEN"));
        String upgrade = fixtures.procedure(PlanFixtures.JUSTICE, 3, false);
        String newBuild = fixtures.procedure(PlanFixtures.JUSTICE, 2, false);

        register("quantri.stp", year, upgrade, "UPGRADE").andExpect(status().isCreated())
                .andExpect(jsonPath("$.agencyCode").value(PlanFixtures.JUSTICE))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.estimatedBudgetVnd").value(150000000))
                .andExpect(jsonPath("$.registeredBy").value("quantri.stp"));
        long second = id(register("quantri.stp", year, newBuild, "NEW_BUILD").andExpect(status().isCreated()));
        assertThat(entries("quantri.stp", year).valueStream().map(e -> e.get("procedureCode").asString()))
                .containsExactlyInAnyOrder(upgrade, newBuild);

        mvc.perform(delete("/api/v1/admin/plans/" + year + "/entries/" + second).with(as(users, "quantri.stp"))
                .with(csrf())).andExpect(status().isNoContent());
        assertThat(plans.entries(year, vn.dvc.identity.AgencyScope.PROVINCE)).extracting(PlanEntry::procedureCode)
                .containsExactly(upgrade);
        assertThat(plans.audit(year)).extracting(PlanAuditEntry::action, PlanAuditEntry::actor, PlanAuditEntry::procedureCode)
                .containsExactly(org.assertj.core.api.Assertions.tuple("OPENED", "dieuphoi.stttt", null),
                        org.assertj.core.api.Assertions.tuple("REGISTERED", "quantri.stp", upgrade),
                        org.assertj.core.api.Assertions.tuple("REGISTERED", "quantri.stp", newBuild),
                        org.assertj.core.api.Assertions.tuple("WITHDRAWN", "quantri.stp", newBuild));
    }

    @Test
    void refusesRegistrationAfterTheDeadlineAndChangesNothing() throws Exception {
        int year = 2042;
        open(year, LocalDate.now(vn.dvc.shared.VietnamTime.ZONE).minusDays(1)).andExpect(status().isCreated());
        String code = fixtures.procedure(PlanFixtures.JUSTICE, 3, false);
        register("quantri.stp", year, code, "UPGRADE").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("conflict"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "Đã hết hạn đăng ký kế hoạch năm 2042 (hạn cuối: ")));
        assertThat(plans.entries(year, vn.dvc.identity.AgencyScope.PROVINCE)).isEmpty();

        // The coordinator moves the deadline; then registration works.
        mvc.perform(put("/api/v1/admin/plans/" + year + "/deadline").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"registrationDeadline\":\"" + inAMonth() + "\"}")
                        .with(as(users, "dieuphoi.stttt")).with(csrf()))
                .andExpect(status().isOk());
        register("quantri.stp", year, code, "UPGRADE").andExpect(status().isCreated());
    }

    @Test
    void anAgencyAdministratorNeitherSeesNorTouchesAnotherAgencysDraft() throws Exception {
        int year = 2043;
        open(year, inAMonth()).andExpect(status().isCreated());
        String justice = fixtures.procedure(PlanFixtures.JUSTICE, 3, false);
        String pleiku = fixtures.procedure(PlanFixtures.PLEIKU, AgencyLevel.DISTRICT, 3);
        long justiceEntry = id(register("quantri.stp", year, justice, "UPGRADE").andExpect(status().isCreated()));
        register("quantri.pleiku", year, pleiku, "UPGRADE").andExpect(status().isCreated());

        assertThat(entries("quantri.pleiku", year).valueStream().map(e -> e.get("procedureCode").asString()))
                .containsExactly(pleiku);
        assertThat(entries("quantri.stp", year).valueStream().map(e -> e.get("procedureCode").asString()))
                .containsExactly(justice);
        assertThat(entries("dieuphoi.stttt", year)).hasSize(2);
        mvc.perform(get("/admin/plans/" + year + "/registration").with(as(users, "quantri.pleiku")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(justice))));

        mvc.perform(delete("/api/v1/admin/plans/" + year + "/entries/" + justiceEntry)
                .with(as(users, "quantri.pleiku")).with(csrf())).andExpect(status().isNotFound());
        register("quantri.pleiku", year, fixtures.procedure(PlanFixtures.JUSTICE, 2, false), "NEW_BUILD")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("procedureCode"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        org.hamcrest.Matchers.endsWith("không có trong danh mục thủ tục của cơ quan.")));
        // Only agency administrators register; the coordinator and officers do not.
        register("dieuphoi.stttt", year, justice, "UPGRADE").andExpect(status().isForbidden());
        register("tiepnhan.stp", year, justice, "UPGRADE").andExpect(status().isForbidden());
        assertThat(plans.entries(year, vn.dvc.identity.AgencyScope.PROVINCE)).hasSize(2);
    }

    @Test
    void refusesWhatIsAlreadyLevel4AndAnUpgradeBelowLevel3() throws Exception {
        int year = 2044;
        open(year, inAMonth()).andExpect(status().isCreated());
        String live = fixtures.procedure(PlanFixtures.JUSTICE, 4, false);
        String level2 = fixtures.procedure(PlanFixtures.JUSTICE, 2, false);
        register("quantri.stp", year, live, "NEW_BUILD").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Thủ tục " + live + " đã được cung cấp ở mức độ 4."));
        register("quantri.stp", year, level2, "UPGRADE").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        register("quantri.stp", year, level2, "NEW_BUILD").andExpect(status().isCreated());
        register("quantri.stp", year, level2, "NEW_BUILD").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Cơ quan đã đăng ký thủ tục " + level2 + " cho năm này."));
        mvc.perform(post("/api/v1/admin/plans/" + year + "/entries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureCode\":\"\",\"kind\":\"REBUILD\",\"estimatedBudgetVnd\":-5,\"owner\":\" \"}")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void theCoordinatorRejectsACentrallyProvidedProcedureApprovesTheRestAndPublishes() throws Exception {
        int year = 2047;
        open(year, inAMonth()).andExpect(status().isCreated());
        String local = fixtures.procedure(PlanFixtures.JUSTICE, 3, false);
        String central = fixtures.procedure(PlanFixtures.JUSTICE, 2, true);
        register("quantri.stp", year, local, "UPGRADE").andExpect(status().isCreated());
        long centralId = id(register("quantri.stp", year, central, "NEW_BUILD").andExpect(status().isCreated()));

        act(year, "consolidate").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONSOLIDATED"));
        JsonNode consolidated = entries("dieuphoi.stttt", year);
        assertThat(consolidated.valueStream().filter(e -> e.get("proposedForRejection").asBoolean())
                .map(e -> e.get("procedureCode").asString())).containsExactly(central);

        act(year, "approve").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Chưa phê duyệt được: các thủ tục " + central
                        + " đã được Trung ương cung cấp theo ngành dọc; hãy xác nhận từ chối trước."));
        reject(year, centralId, "  ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Phải ghi lý do từ chối."));
        reject(year, centralId, "Bộ Tư pháp đã cung cấp theo ngành dọc").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decidedBy").value("dieuphoi.stttt"));
        reject(year, centralId, "lần nữa").andExpect(status().isConflict());

        act(year, "approve").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(plans.entries(year, vn.dvc.identity.AgencyScope.PROVINCE))
                .extracting(PlanEntry::procedureCode, PlanEntry::status)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(local, EntryStatus.APPROVED),
                        org.assertj.core.api.Assertions.tuple(central, EntryStatus.REJECTED));
        // Approved is not public yet.
        mvc.perform(get("/api/v1/plans/" + year)).andExpect(jsonPath("$.agencies", hasSize(0)));

        act(year, "publish").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/v1/plans/" + year)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.levels[0].level").value("PROVINCIAL"))
                .andExpect(jsonPath("$.levels[0].upgrades").value(1))
                .andExpect(jsonPath("$.agencies", hasSize(1)))
                .andExpect(jsonPath("$.agencies[0].agencyCode").value(PlanFixtures.JUSTICE))
                .andExpect(jsonPath("$.agencies[0].services", hasSize(1)))
                .andExpect(jsonPath("$.agencies[0].services[0].procedureCode").value(local));
        assertThat(plans.audit(year)).extracting(PlanAuditEntry::action).containsExactly("OPENED", "REGISTERED",
                "REGISTERED", "CONSOLIDATED", "REJECTED", "APPROVED", "PUBLISHED");
        mvc.perform(get("/api/v1/admin/plans/" + year + "/audit").with(as(users, "dieuphoi.stttt")))
                .andExpect(jsonPath("$[4].detail").value("Bộ Tư pháp đã cung cấp theo ngành dọc"));
    }

    @Test
    void aProcedureTheCatalogueMarksAsCentralAfterRegistrationIsProposedForRejectionOnConsolidation() throws Exception {
        int year = 2048;
        open(year, inAMonth()).andExpect(status().isCreated());
        String code = fixtures.procedure(PlanFixtures.JUSTICE, 3, false);
        register("quantri.stp", year, code, "UPGRADE").andExpect(status().isCreated())
                .andExpect(jsonPath("$.proposedForRejection").value(false));
        fixtures.reviseLevel(code, 1, PlanFixtures.JUSTICE, 3, true);
        act(year, "consolidate").andExpect(status().isOk());
        assertThat(entries("dieuphoi.stttt", year).get(0).get("proposedForRejection").asBoolean()).isTrue();
    }

    @Test
    void stepsOutOfOrderAreRefusedWithAProblemNamingTheStatusNeeded() throws Exception {
        int year = 2049;
        open(year, inAMonth()).andExpect(status().isCreated());
        open(year, inAMonth()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Kế hoạch năm 2049 đã có."));
        String code = fixtures.procedure(PlanFixtures.JUSTICE, 3, false);
        long entry = id(register("quantri.stp", year, code, "UPGRADE").andExpect(status().isCreated()));

        act(year, "publish").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Kế hoạch năm 2049 đang ở trạng thái «Đang nhận đăng ký»: chỉ "
                        + "công bố khi kế hoạch ở trạng thái «Đã phê duyệt»."));
        act(year, "approve").andExpect(status().isConflict());
        reject(year, entry, "không phù hợp").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Kế hoạch năm 2049 đang ở trạng thái «Đang nhận đăng ký»: chỉ "
                        + "từ chối thủ tục khi kế hoạch ở trạng thái «Đã tổng hợp»."));

        act(year, "consolidate").andExpect(status().isOk());
        act(year, "consolidate").andExpect(status().isConflict());
        register("quantri.stp", year, fixtures.procedure(PlanFixtures.JUSTICE, 2, false), "NEW_BUILD")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Kế hoạch năm 2049 đang ở trạng thái «Đã tổng hợp»: chỉ "
                        + "đăng ký, sửa hoặc rút thủ tục khi kế hoạch ở trạng thái «Đang nhận đăng ký»."));
        mvc.perform(delete("/api/v1/admin/plans/" + year + "/entries/" + entry).with(as(users, "quantri.stp"))
                .with(csrf())).andExpect(status().isConflict());
        mvc.perform(put("/api/v1/admin/plans/" + year + "/deadline").contentType(MediaType.APPLICATION_JSON)
                .content("{\"registrationDeadline\":\"" + inAMonth() + "\"}")
                .with(as(users, "dieuphoi.stttt")).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/admin/plans/" + year + "/actions/skip").with(as(users, "dieuphoi.stttt"))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/2049/checks")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/plans/2099/checks").param("lang", "en")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no plan or plan document for 2099."));

        act(year, "approve").andExpect(status().isOk());
        act(year, "approve").andExpect(status().isConflict());
        act(year, "publish").andExpect(status().isOk());
        act(year, "publish").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Kế hoạch năm 2049 đang ở trạng thái «Đã công bố»: chỉ "
                        + "công bố khi kế hoạch ở trạng thái «Đã phê duyệt»."));
        assertThat(plans.find(year).orElseThrow().status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(plans.entries(year, vn.dvc.identity.AgencyScope.PROVINCE)).hasSize(1);
    }

    @Test
    void onlyTheCoordinatorMovesThePlan() throws Exception {
        int year = 2050;
        open(year, inAMonth()).andExpect(status().isCreated());
        for (String account : List.of("quantri.stp", "lanhdao.stp", "congdan", "admin")) {
            mvc.perform(post("/api/v1/admin/plans/" + year + "/actions/consolidate").with(as(users, account))
                    .with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/admin/plans").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2051,\"registrationDeadline\":\"2050-12-31\"}")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().isForbidden());
        assertThat(plans.find(year).orElseThrow().status()).isEqualTo(PlanStatus.REGISTRATION_OPEN);
        assertThat(plans.find(2051)).isEmpty();
    }
}
