package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;

@IntegrationTest
class SignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CsrfTokenRepository csrfTokens;

    String newApplicant(String password) {
        String username = "test-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, encoder.encode(password), "Người thử", null, null, EnumSet.of(Role.APPLICANT), false);
        return username;
    }

    @Test
    void signsInWithTheFormAndGivesTheCsrfTokenToScripts() throws Exception {
        // MockMvc's csrf() swaps the shared filter's repository for a session one; put the configured one back.
        mvc.perform(get("/login").with(request -> {
            WebTestUtils.setCsrfTokenRepository(request, csrfTokens);
            return request;
        })).andExpect(status().isOk()).andExpect(cookie().exists("XSRF-TOKEN"))
                .andExpect(cookie().httpOnly("XSRF-TOKEN", false));
        String username = newApplicant("Mật-khẩu-đủ-dài-1");
        mvc.perform(post("/login").param("username", username).param("password", "Mật-khẩu-đủ-dài-1").with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void refusesSignInWithoutCsrfToken() throws Exception {
        String username = newApplicant("secret-123456");
        mvc.perform(post("/login").param("username", username).param("password", "secret-123456"))
                .andExpect(status().isForbidden());
    }

    @Test
    void storesPasswordsAsArgon2Hashes() {
        String username = newApplicant("secret-123456");
        String hash = jdbc.sql("select password_hash from account where username = ?").param(username)
                .query(String.class).single();
        assertThat(hash).startsWith("{argon2}").doesNotContain("secret-123456");
    }

    @Test
    void locksAnAccountAfterFiveWrongPasswordsEvenForTheRightOne() throws Exception {
        String username = newApplicant("right-password-1");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", username).param("password", "wrong-" + i).with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").param("username", username).param("password", "right-password-1").with(csrf()))
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(jdbc.sql("select count(*) from login_event where username = ? and not succeeded").param(username)
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() throws Exception {
        mvc.perform(post("/login").param("username", "no-such-user").param("password", "x").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aVeryLongNameTypedIsAnOrdinaryFailure() throws Exception {
        mvc.perform(post("/login").param("username", "x".repeat(500)).param("password", "x").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void keepsTheTypedNameButNotThePasswordAfterAFailedSignInOnce() throws Exception {
        String username = newApplicant("right-password-2");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("username", username).param("password", "wrong-password-2")
                .with(csrf())).andExpect(redirectedUrl("/login?error"));
        String page = mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + username + "\"").doesNotContain("wrong-password-2")
                .doesNotContain("?error&amp;username").contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        String again = mvc.perform(get("/login").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain(username);
    }
}
