package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.DemoAccounts.as;
import static vn.dvc.identity.ApplicantForms.citizen;
import static vn.dvc.identity.ApplicantForms.register;
import static vn.dvc.identity.ApplicantForms.tokenMailedTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;

@IntegrationTest
class ApplicantAccountTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired Applicants applicants;

    long id(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void theDemoCitizenHasACompleteVerifiedProfileForPrefilling() {
        ApplicantProfile congdan = applicants.profile(id("congdan")).orElseThrow();
        assertThat(congdan.kind()).isEqualTo(ApplicantKind.CITIZEN);
        assertThat(congdan.emailVerified()).isTrue();
        assertThat(congdan.prefillData()).containsEntry("applicant.fullName", "Nguyễn Văn An")
                .containsEntry("applicant.citizenId", "064085000001")
                .containsEntry("applicant.dateOfBirth", "1985-03-12")
                .containsEntry("applicant.phone", "0912000001")
                .containsEntry("applicant.email", "congdan@demo.dichvucong.invalid")
                .containsKey("applicant.address")
                .doesNotContainKeys("applicant.taxCode", "applicant.organisationName", "applicant.representative");
        assertThat(vn.dvc.shared.CitizenId.parse(congdan.citizenId()).mismatch(congdan.dateOfBirth(),
                vn.dvc.shared.CitizenId.Sex.valueOf(congdan.sex()))).isEmpty();
        assertThat(applicants.maySubmitDossiers(congdan.accountId())).isTrue();
        assertThat(congdan.toString()).doesNotContain("064085000001", "Nguyễn");
    }

    @Test
    void theDemoOrganisationHasAValidTaxCodeAndItsRepresentative() {
        ApplicantProfile company = applicants.profile(id("doanhnghiep")).orElseThrow();
        assertThat(company.kind()).isEqualTo(ApplicantKind.ORGANISATION);
        assertThat(vn.dvc.shared.TaxCode.isValid(company.taxCode())).isTrue();
        assertThat(company.emailVerified()).isTrue();
        // The person fields are the representative's, never the organisation's name.
        assertThat(company.prefillData()).containsEntry("applicant.taxCode", "5999999982")
                .containsEntry("applicant.representative", "Lê Thị Hoa")
                .containsEntry("applicant.fullName", "Lê Thị Hoa")
                .containsEntry("applicant.citizenId", company.representativeCitizenId())
                .containsEntry("applicant.organisationName", company.organisationName())
                .containsEntry("applicant.address", company.address())
                .doesNotContainKeys("applicant.dateOfBirth", "applicant.sex");
        assertThat(company.prefillData().get("applicant.fullName")).isNotEqualTo(company.organisationName());
    }

    @Test
    void officersHaveNoApplicantProfile() {
        assertThat(applicants.profile(id("tiepnhan.stp"))).isEmpty();
        assertThat(applicants.maySubmitDossiers(id("tiepnhan.stp"))).isFalse();
    }

    @Test
    void theAccountApiAnswersOnlyTheSignedInApplicantsOwnProfile() throws Exception {
        mvc.perform(get("/api/v1/account")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/account").with(as(users, "congdan"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("CITIZEN"))
                .andExpect(jsonPath("$.citizenId").value("064085000001"))
                .andExpect(jsonPath("$.dateOfBirth").value("1985-03-12"))
                .andExpect(jsonPath("$.emailVerified").value(true))
                .andExpect(jsonPath("$.taxCode").doesNotExist())
                .andExpect(jsonPath("$.prefillData").doesNotExist());
        mvc.perform(get("/api/v1/account").with(as(users, "doanhnghiep"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ORGANISATION"))
                .andExpect(jsonPath("$.taxCode").value("5999999982"))
                .andExpect(content().string(not(containsString("064085000001"))));
        mvc.perform(get("/api/v1/account").with(as(users, "tiepnhan.stp"))).andExpect(status().isForbidden());
    }

    @Test
    void theAccountPageNeedsAnApplicant() throws Exception {
        mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/account").with(as(users, "lanhdao.stp"))).andExpect(status().isForbidden());
        mvc.perform(get("/account").with(as(users, "congdan"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("064085000001")))
                .andExpect(content().string(containsString("Đã xác thực")));
    }

    @Test
    void anApplicantUpdatesContactDetailsAndTheAuditNamesOnlyTheFields() throws Exception {
        Map<String, String> form = citizen();
        mvc.perform(register("/register", form)).andExpect(redirectedUrl("/register/done"));
        var applicant = as(users, form.get("citizenId"));
        long id = id(form.get("citizenId"));

        mvc.perform(post("/account/contacts").param("phone", "12").param("address", "Số 9 Phạm Văn Đồng")
                        .with(applicant).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Số điện thoại di động gồm số 0 và 9 chữ số")))
                .andExpect(content().string(containsString("value=\"Số 9 Phạm Văn Đồng\"")));
        assertThat(applicants.profile(id).orElseThrow().address()).isEqualTo(form.get("address"));

        mvc.perform(post("/account/contacts").param("phone", "+84 389 000 111").param("address", form.get("address"))
                .with(applicant).with(csrf())).andExpect(redirectedUrl("/account"));
        assertThat(applicants.profile(id).orElseThrow().phone()).isEqualTo("0389000111");

        List<Map<String, Object>> audit = jdbc.sql("""
                select action, array_to_string(fields, ',') as fields, actor from applicant_change
                 where account_id = ? and action = 'CONTACTS_UPDATED'""").param(id).query().listOfRows();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("fields", "phone").containsEntry("actor", form.get("citizenId"));
        assertThat(audit.get(0).toString()).doesNotContain("0389000111");

        mvc.perform(get("/account").with(applicant)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cập nhật thông tin liên hệ</span>:")))
                .andExpect(content().string(containsString("Chưa xác thực")));
    }

    @Test
    void aNewEmailTakesEffectOnlyOnceVerifiedAndTheOldAddressIsTold() throws Exception {
        Map<String, String> form = citizen();
        mvc.perform(register("/register", form)).andExpect(redirectedUrl("/register/done"));
        var applicant = as(users, form.get("citizenId"));
        long id = id(form.get("citizenId"));
        String oldEmail = form.get("email");
        String newEmail = "doi.email" + ApplicantForms.serial() + "@example.org";

        mvc.perform(post("/account/email").param("email", "congdan@demo.dichvucong.invalid").with(applicant)
                .with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Email này đã được dùng cho một tài khoản khác")));
        mvc.perform(post("/account/email").param("email", newEmail).with(applicant).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        assertThat(applicants.profile(id).orElseThrow().email()).isEqualTo(oldEmail);
        mvc.perform(get("/account").with(applicant))
                .andExpect(content().string(containsString("Đang chờ xác thực địa chỉ mới " + newEmail)));

        String token = tokenMailedTo(newEmail, 1, "/verify-email");
        mvc.perform(get("/verify-email").param("token", token)).andExpect(status().isOk());
        ApplicantProfile changed = applicants.profile(id).orElseThrow();
        assertThat(changed.email()).isEqualTo(newEmail);
        assertThat(changed.emailVerified()).isTrue();
        assertThat(jdbc.sql("select email from account where id = ?").param(id).query(String.class).single())
                .isEqualTo(newEmail);
        mvc.perform(get("/account").with(applicant))
                .andExpect(content().string(containsString("Đổi email")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Đổi email</span>:"))));
        assertThat(TestMail.awaitMessagesTo(oldEmail, 2)).extracting(m -> m.getSubject())
                .contains("Email của tài khoản đã được thay đổi");
        // The first verification link was for the old address: it no longer verifies anything.
        mvc.perform(get("/verify-email").param("token", tokenMailedTo(oldEmail, 1, "/verify-email")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/login").param("username", newEmail).param("password", ApplicantForms.PASSWORD)
                .with(csrf())).andExpect(redirectedUrl("/"));
    }
}
