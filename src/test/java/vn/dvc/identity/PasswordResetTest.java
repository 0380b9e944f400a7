package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.DemoAccounts.as;
import static vn.dvc.identity.ApplicantForms.citizen;
import static vn.dvc.identity.ApplicantForms.from;
import static vn.dvc.identity.ApplicantForms.register;
import static vn.dvc.identity.ApplicantForms.tokenMailedTo;
import static vn.dvc.identity.ApplicantForms.uniqueClient;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;

@IntegrationTest
class PasswordResetTest {

    static final String NEW_PASSWORD = "Biển Hồ mùa nước lên 2026";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    Map<String, String> registered() throws Exception {
        Map<String, String> form = citizen();
        mvc.perform(register("/register", form)).andExpect(redirectedUrl("/register/done"));
        return form;
    }

    ResultActions askForReset(String email) throws Exception {
        return mvc.perform(post("/forgot-password").param("email", email).with(csrf()).with(from(uniqueClient())));
    }

    ResultActions signIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()));
    }

    static java.util.List<String> subjects(java.util.List<jakarta.mail.internet.MimeMessage> mails) throws Exception {
        java.util.List<String> subjects = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage mail : mails) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    @Test
    void resetsAForgottenPasswordFromTheMailedLink() throws Exception {
        Map<String, String> form = registered();
        String email = form.get("email");
        askForReset(email).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nếu email này thuộc một tài khoản trên Cổng")));
        String token = tokenMailedTo(email, 2, "/reset-password");
        // Mails of one address may arrive in any order (they leave from separate dispatches).
        assertThat(subjects(TestMail.awaitMessagesTo(email, 2)))
                .contains("Đặt lại mật khẩu tài khoản Cổng Dịch vụ công tỉnh Gia Lai");

        mvc.perform(get("/reset-password").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"token\"")));
        mvc.perform(post("/reset-password").param("token", token).param("password", "matkhau123")
                        .param("passwordConfirmation", "matkhau123").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("quá phổ biến")));
        mvc.perform(post("/reset-password").param("token", token).param("password", NEW_PASSWORD)
                .param("passwordConfirmation", NEW_PASSWORD).with(csrf())).andExpect(redirectedUrl("/login?reset"));

        signIn(form.get("citizenId"), ApplicantForms.PASSWORD).andExpect(redirectedUrl("/login?error"));
        signIn(form.get("citizenId"), NEW_PASSWORD).andExpect(redirectedUrl("/"));
        assertThat(subjects(TestMail.awaitMessagesTo(email, 3))).contains("Mật khẩu tài khoản của bạn đã được thay đổi");

        // The link works once.
        mvc.perform(get("/reset-password").param("token", token)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("đã hết hạn hoặc đã được sử dụng")));
        mvc.perform(post("/reset-password").param("token", token).param("password", "một mật khẩu mới khác")
                        .param("passwordConfirmation", "một mật khẩu mới khác").with(csrf()))
                .andExpect(status().isBadRequest());
        signIn(form.get("citizenId"), NEW_PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void answersTheSameForAnAddressWithoutAnAccountAndSendsNothing() throws Exception {
        String unknown = "khong.ai.ca." + ApplicantForms.serial() + "@example.vn";
        String known = registered().get("email");
        String forUnknown = askForReset(unknown).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String forKnown = askForReset(known).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(forUnknown.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""))
                .isEqualTo(forKnown.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(unknown).query(Long.class)
                .single()).isZero();
    }

    @Test
    void resettingUnlocksTheAccountAndEndsOtherResetLinks() throws Exception {
        Map<String, String> form = registered();
        String email = form.get("email");
        for (int i = 0; i < 5; i++) {
            signIn(form.get("citizenId"), "sai-mat-khau-" + i);
        }
        signIn(form.get("citizenId"), ApplicantForms.PASSWORD).andExpect(redirectedUrl("/login?locked"));

        askForReset(email);
        String first = tokenMailedTo(email, 2, "/reset-password");
        askForReset(email);
        String second = tokenMailedTo(email, 3, "/reset-password");
        mvc.perform(post("/reset-password").param("token", second).param("password", NEW_PASSWORD)
                .param("passwordConfirmation", NEW_PASSWORD).with(csrf())).andExpect(redirectedUrl("/login?reset"));

        signIn(form.get("citizenId"), NEW_PASSWORD).andExpect(redirectedUrl("/"));
        mvc.perform(get("/reset-password").param("token", first)).andExpect(status().isBadRequest());
    }

    @Test
    void mailsAtMostThreeResetLinksAnHourToOneAccount() throws Exception {
        String email = registered().get("email");
        for (int i = 0; i < 5; i++) {
            askForReset(email).andExpect(status().isOk())
                    .andExpect(content().string(containsString("Nếu email này thuộc một tài khoản trên Cổng")));
        }
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like 'Đặt lại%'")
                .param(email).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void limitsRequestsFromOneClientAddressWithoutSayingAnythingAboutTheAccount() throws Exception {
        String client = uniqueClient();
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/forgot-password").param("email", "ai.do" + i + "@example.vn").with(csrf())
                    .with(from(client))).andExpect(status().isOk());
        }
        mvc.perform(post("/forgot-password").param("email", "ai.do@example.vn").with(csrf()).with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Có quá nhiều yêu cầu từ địa chỉ mạng của bạn")));
    }

    @Test
    void aSignedInApplicantChangesThePasswordWithTheCurrentOne() throws Exception {
        Map<String, String> form = registered();
        var applicant = as(users, form.get("citizenId"));
        mvc.perform(post("/account/password").param("currentPassword", "không đúng đâu")
                        .param("password", NEW_PASSWORD).param("passwordConfirmation", NEW_PASSWORD)
                        .with(applicant).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Mật khẩu hiện tại không đúng.")));
        signIn(form.get("citizenId"), ApplicantForms.PASSWORD).andExpect(redirectedUrl("/"));

        mvc.perform(post("/account/password").param("currentPassword", ApplicantForms.PASSWORD)
                        .param("password", NEW_PASSWORD).param("passwordConfirmation", NEW_PASSWORD)
                        .with(applicant).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        signIn(form.get("citizenId"), ApplicantForms.PASSWORD).andExpect(redirectedUrl("/login?error"));
        signIn(form.get("citizenId"), NEW_PASSWORD).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("""
                select c.fields from applicant_change c join account a on a.id = c.account_id
                 where a.username = ? and c.action = 'PASSWORD_CHANGED'""").param(form.get("citizenId"))
                .query((rs, row) -> java.util.List.of((String[]) rs.getArray(1).getArray())).single())
                .containsExactly("password");
    }
}
