package vn.dvc.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.DemoAccounts.as;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyAdministration;

/** The public and administration pages of the plan. Years used here: 2057–2058. */
@IntegrationTest
class PlanningPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Plans plans;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    AgencyAdministration agencies;

    PlanFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlanFixtures(catalogue, agencies);
    }

    @Test
    void thePublicPagesShowTheSeedPlanItsChecksAndTheCoverageChart() throws Exception {
        mvc.perform(get("/plans")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/plans/2021\"")))
                .andExpect(content().string(containsString("2575/KH-UBND")));
        mvc.perform(get("/plans/2020")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Văn bản 2575/KH-UBND (như đã ghi)")))
                .andExpect(content().string(containsString("id=\"checks\"")))
                .andExpect(content().string(containsString("<svg class=\"coverage-chart\"")))
                .andExpect(content().string(containsString("Theo 2575/KH-UBND, đến hết năm 2020 phải có 321 dịch vụ mức độ 4")))
                .andExpect(content().string(not(containsString("style="))));
        mvc.perform(get("/plans/2020").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("The document states 90, but its parts (22 + 28 + 41) add up to 91.")));
        mvc.perform(get("/plans/2099")).andExpect(status().isNotFound());
    }

    @Test
    void anAgencyAdministratorRegistersThroughThePageAndSeesMistakesNextToTheFields() throws Exception {
        int year = 2057;
        mvc.perform(post("/admin/plans").param("year", String.valueOf(year)).param("registrationDeadline", "2099-12-31")
                        .with(as(users, "dieuphoi.stttt")).with(csrf()))
                .andExpect(redirectedUrl("/admin/plans/" + year + "/consolidation"));
        String code = fixtures.procedure(PlanFixtures.JUSTICE, 3, false);

        mvc.perform(get("/admin/plans/" + year + "/registration").param("q", code).with(as(users, "quantri.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + code + "\"")));
        mvc.perform(post("/admin/plans/" + year + "/registration").param("procedureCode", code).param("kind", "UPGRADE")
                        .param("estimatedBudgetVnd", "một trăm triệu").param("owner", "").param("note", "Ghi chú giữ lại")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kinh phí dự kiến phải là số đồng, ví dụ 150.000.000.")))
                .andExpect(content().string(containsString("Trường này là bắt buộc.")))
                .andExpect(content().string(containsString("Ghi chú giữ lại")))
                .andExpect(content().string(containsString("value=\"một trăm triệu\"")));
        assertThat(plans.entries(year, AgencyScope.PROVINCE)).isEmpty();

        mvc.perform(post("/admin/plans/" + year + "/registration").param("procedureCode", code).param("kind", "UPGRADE")
                        .param("estimatedBudgetVnd", "120.000.000").param("owner", "Phòng Hành chính tư pháp")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(redirectedUrl("/admin/plans/" + year + "/registration"));
        assertThat(plans.entries(year, AgencyScope.PROVINCE)).singleElement()
                .satisfies(e -> assertThat(e.estimatedBudgetVnd()).isEqualTo(120_000_000L));
        mvc.perform(get("/admin/plans/" + year + "/consolidation").with(as(users, "quantri.stp")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCoordinatorSeesARefusedStepExplainedOnTheConsolidationPage() throws Exception {
        int year = 2058;
        mvc.perform(post("/admin/plans").param("year", "năm sau").param("registrationDeadline", "2099-12-31")
                        .with(as(users, "dieuphoi.stttt")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Năm phải từ 2000 đến 2100.")));
        mvc.perform(post("/admin/plans").param("year", String.valueOf(year)).param("registrationDeadline", "2099-12-31")
                .with(as(users, "dieuphoi.stttt")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/plans/" + year + "/publish").with(as(users, "dieuphoi.stttt")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Kế hoạch năm 2058 đang ở trạng thái «Đang nhận đăng ký»: "
                        + "chỉ công bố khi kế hoạch ở trạng thái «Đã phê duyệt».")));
        mvc.perform(post("/admin/plans/" + year + "/consolidate").with(as(users, "dieuphoi.stttt")).with(csrf()))
                .andExpect(redirectedUrl("/admin/plans/" + year + "/consolidation"));
        mvc.perform(get("/admin/plans/" + year + "/consolidation").with(as(users, "dieuphoi.stttt")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approve\"")))
                .andExpect(content().string(containsString("dieuphoi.stttt")));
        mvc.perform(get("/admin").with(as(users, "dieuphoi.stttt")))
                .andExpect(content().string(containsString("href=\"/admin/plans\"")));
        mvc.perform(get("/admin/plans").with(as(users, "quantri.pleiku"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"register-" + year + "\"")))
                .andExpect(content().string(not(containsString("id=\"consolidate-" + year + "\""))));
    }
}
