package vn.dvc.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.dvc.IntegrationTest;

@IntegrationTest
class AgencyAdminPagesTests {

    static final String PLEIKU = "000.00.30.H21";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    AgencyAdministration administration;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/agencies")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void applicantsAreForbidden() throws Exception {
        mvc.perform(get("/admin/agencies").with(as("congdan"))).andExpect(status().isForbidden());
    }

    @Test
    void anAgencyAdministratorSeesOnlyTheirOwnAgency() throws Exception {
        mvc.perform(get("/admin/agencies").with(as("quantri.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sở Tư pháp tỉnh Gia Lai")))
                .andExpect(content().string(not(containsString(PLEIKU))))
                .andExpect(content().string(not(containsString("/admin/agencies/new"))));
    }

    @Test
    void anAgencyAdministratorCannotEditAnotherAgency() throws Exception {
        Map<String, Object> before = pleikuRow();
        mvc.perform(get("/admin/agencies/" + PLEIKU + "/edit").with(as("quantri.stp")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/agencies/" + PLEIKU + "/edit").with(as("quantri.stp")).with(csrf())
                        .param("version", String.valueOf(before.get("version")))
                        .param("address", "Chiếm quyền").param("email", "x@example.org"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/agencies/" + PLEIKU + "/rename").with(as("quantri.pleiku")).with(csrf())
                        .param("version", String.valueOf(before.get("version")))
                        .param("name", "Tên khác").param("effective", "2026-01-01"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/agencies/" + PLEIKU + "/rename").with(as("quantri.pleiku")))
                .andExpect(status().isNotFound());
        assertThat(pleikuRow()).isEqualTo(before);
        assertThat(agencies.changes(PLEIKU)).extracting(AgencyChange::actor).containsOnly("demo-data");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsForbidden() throws Exception {
        String code = new AgencyFixtures(administration).agency("Sở CSRF");
        mvc.perform(post("/admin/agencies/" + code + "/edit").with(as("admin"))
                        .param("version", "0").param("address", "Không được lưu"))
                .andExpect(status().isForbidden());
        assertThat(agencies.find(code).orElseThrow().address()).isNull();
    }

    @Test
    void aCoordinatorCreatesAnAgencyThroughTheForm() throws Exception {
        String code = AgencyFixtures.unusedCode();
        mvc.perform(get("/admin/agencies/new").with(as("dieuphoi.stttt"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/admin/agencies/new").with(as("dieuphoi.stttt")).with(csrf())
                        .param("code", code).param("level", "PROVINCIAL").param("parentCode", "000.00.00.H21")
                        .param("name", "Sở Ngoại vụ tỉnh Gia Lai").param("validFrom", "2026-01-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/agencies"))
                .andExpect(flash().attribute("notice", "organisation.admin.created"));
        assertThat(agencies.findAsOf(code, java.time.LocalDate.of(2026, 1, 1)).orElseThrow().name())
                .isEqualTo("Sở Ngoại vụ tỉnh Gia Lai");
        assertThat(agencies.changes(code).get(0).actor()).isEqualTo("dieuphoi.stttt");
    }

    @Test
    void anInvalidFormIsShownAgainWithTheInputAndTheReasons() throws Exception {
        mvc.perform(post("/admin/agencies/new").with(as("admin")).with(csrf())
                        .param("code", "abc").param("level", "PROVINCIAL").param("parentCode", "000.00.00.H21")
                        .param("name", "Sở <b>giữ nguyên</b>").param("validFrom", "2026-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("value=\"abc\"")))
                .andExpect(content().string(containsString("value=\"Sở &lt;b&gt;giữ nguyên&lt;/b&gt;\"")))
                .andExpect(content().string(containsString("aria-describedby=\"code-error\"")))
                .andExpect(content().string(containsString("id=\"code-error\"")))
                .andExpect(content().string(containsString("Mã cơ quan phải có dạng VVV.ZZ.YY.H21")));
    }

    @Test
    void anAgencyAdministratorEditsTheirOwnContactDetails() throws Exception {
        String code = new AgencyFixtures(administration).agency("Sở của quản trị");
        // Agency administrators are bound to demo agencies; a coordinator edits this fresh one the same way.
        String form = mvc.perform(get("/admin/agencies/" + code + "/edit").with(as("dieuphoi.stttt")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"version\" value=\"0\"");
        mvc.perform(post("/admin/agencies/" + code + "/edit").with(as("dieuphoi.stttt")).with(csrf())
                        .param("version", "0").param("phone", "không phải số"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Số điện thoại không hợp lệ")));
        mvc.perform(post("/admin/agencies/" + code + "/edit").with(as("dieuphoi.stttt")).with(csrf())
                        .param("version", "0").param("phone", "0269 3824 123"))
                .andExpect(redirectedUrl("/admin/agencies"));
        mvc.perform(post("/admin/agencies/" + code + "/edit").with(as("dieuphoi.stttt")).with(csrf())
                        .param("version", "0").param("phone", "0269 0000 000"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("vừa được người khác thay đổi")));
        assertThat(agencies.find(code).orElseThrow().phone()).isEqualTo("0269 3824 123");
    }

    @Test
    void aMergeOfAnAgencyWithActiveChildrenIsRefusedWithAClearMessage() throws Exception {
        AgencyFixtures fixtures = new AgencyFixtures(administration);
        String parent = fixtures.agency("Sở mẹ");
        fixtures.agencyUnder(parent, "Chi cục con");
        String successor = fixtures.agency("Sở tiếp nhận");
        mvc.perform(post("/admin/agencies/" + parent + "/merge").with(as("admin")).with(csrf())
                        .param("version", "0").param("successorCode", successor).param("effective", "2025-07-01"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("còn 1 cơ quan trực thuộc đang hoạt động")));
        mvc.perform(post("/admin/agencies/" + successor + "/rename").with(as("admin")).with(csrf())
                        .param("version", "0").param("name", "Sở tiếp nhận mới").param("effective", "2025-07-01"))
                .andExpect(redirectedUrl("/admin/agencies"))
                .andExpect(flash().attribute("notice", "organisation.admin.renamed"));
        mvc.perform(get("/admin/agencies/" + successor + "/dissolve").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giải thể Sở tiếp nhận mới")));
    }

    private Map<String, Object> pleikuRow() {
        return jdbc.sql("select a.version, a.address, a.email, a.valid_to, n.name from agency a "
                + "join agency_name n on n.agency_id = a.id and n.valid_to is null where a.code = ?")
                .param(PLEIKU).query().singleRow();
    }
}
