package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.identity.ApplicantForms.citizen;
import static vn.dvc.identity.ApplicantForms.organisation;
import static vn.dvc.identity.ApplicantForms.register;
import static vn.dvc.identity.ApplicantForms.tokenMailedTo;
import static vn.dvc.DemoAccounts.as;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;

@IntegrationTest
class ApplicantRegistrationTest {

    @Autowired MockMvc mvc;
    @Autowired Applicants applicants;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    long accountOf(String email) {
        return jdbc.sql("select account_id from applicant where email = ?").param(email).query(Long.class).single();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void registersACitizenWhoVerifiesTheAddressFromTheMail() throws Exception {
        Map<String, String> form = citizen();
        String email = form.get("email");
        mvc.perform(register("/register", form)).andExpect(redirectedUrl("/register/done"));

        long id = accountOf(email);
        ApplicantProfile profile = applicants.profile(id).orElseThrow();
        assertThat(profile.kind()).isEqualTo(ApplicantKind.CITIZEN);
        assertThat(profile.citizenId()).isEqualTo(form.get("citizenId"));
        assertThat(profile.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 20));
        assertThat(profile.phone()).isEqualTo(form.get("phone").replace(" ", ""));
        assertThat(profile.emailVerified()).isFalse();
        assertThat(applicants.maySubmitDossiers(id)).isFalse();
        assertThat(jdbc.sql("select username from account where id = ?").param(id).query(String.class).single())
                .isEqualTo(form.get("citizenId"));
        assertThat(jdbc.sql("select role from account_role where account_id = ?").param(id).query(String.class).list())
                .containsExactly("APPLICANT");

        var mail = TestMail.awaitMessagesTo(email, 1);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Xác thực email tài khoản Cổng Dịch vụ công tỉnh Gia Lai");
        assertThat(TestMail.text(mail.get(0))).contains("Kính gửi Rơ Mah Thử Nghiệm", "24 giờ");
        String token = tokenMailedTo(email, 1, "/verify-email");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 bits in base64url
        assertThat(count("select count(*) from account_token where token_hash = ?", token)).as("stored in clear")
                .isZero();

        mvc.perform(get("/verify-email").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Email của bạn đã được xác thực")));
        assertThat(applicants.profile(id).orElseThrow().emailVerified()).isTrue();
        assertThat(applicants.maySubmitDossiers(id)).isTrue();
        assertThat(applicants.changes(id, 10)).extracting(Applicants.Change::action)
                .containsExactly("EMAIL_VERIFIED", "REGISTERED");

        // Opening the link again (a mail scanner may have opened it first) only says it is done.
        mvc.perform(get("/verify-email").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Email này đã được xác thực trước đó")));
    }

    @Test
    void theApplicantSignsInWithTheCitizenIdOrTheEmailBeforeVerifying() throws Exception {
        Map<String, String> form = citizen();
        mvc.perform(register("/register", form)).andExpect(redirectedUrl("/register/done"));
        for (String name : List.of(form.get("citizenId"), form.get("email").toUpperCase(),
                " " + form.get("citizenId").substring(0, 6) + " " + form.get("citizenId").substring(6))) {
            mvc.perform(post("/login").param("username", name).param("password", ApplicantForms.PASSWORD).with(csrf()))
                    .andExpect(redirectedUrl("/"));
        }
        mvc.perform(post("/login").param("username", form.get("email")).param("password", "sai mật khẩu rồi")
                .with(csrf())).andExpect(redirectedUrl("/login?error"));
        assertThat(count("select failed_attempts from account where username = ?", form.get("citizenId")))
                .as("a failure by e-mail counts on the account").isEqualTo(1);
    }

    static Stream<Arguments> invalidCitizenInputs() {
        String tooYoung = LocalDate.now().minusYears(10).toString();
        return Stream.of(
                Arguments.of("fullName", "", "Trường này là bắt buộc."),
                Arguments.of("fullName", "Nguyễn <b>An</b>", "Họ và tên chỉ gồm chữ cái (có dấu), dấu cách"),
                Arguments.of("fullName", "Nguyễn Văn An 😀", "không có chữ số, biểu tượng hay ký hiệu khác"),
                Arguments.of("fullName", "Nguyễn Văn 2", "không có chữ số, biểu tượng hay ký hiệu khác"),
                Arguments.of("fullName", " A ", "Họ và tên phải có ít nhất 2 ký tự."),
                Arguments.of("fullName", "Ấ".repeat(101), "Không được dài quá 100 ký tự."),
                Arguments.of("citizenId", "06409012345", "Số CCCD phải gồm đúng 12 chữ số."),
                Arguments.of("citizenId", "099090123456", "mã tỉnh nơi đăng ký khai sinh, từ 001 đến 096"),
                Arguments.of("citizenId", "064190123456", "Số CCCD không khớp với giới tính đã khai"),
                Arguments.of("citizenId", "064091123456", "Số CCCD không khớp với năm sinh đã khai"),
                Arguments.of("citizenId", "064290123456", "Số CCCD không khớp với năm sinh đã khai"),
                Arguments.of("dateOfBirth", "2999-01-01", "Ngày sinh không thể ở tương lai."),
                Arguments.of("dateOfBirth", tooYoung, "Người đăng ký phải đủ 14 tuổi."),
                Arguments.of("dateOfBirth", "31/02/1990", "Ngày này không có trong lịch"),
                Arguments.of("dateOfBirth", "1990-02-30", "Ngày này không có trong lịch"),
                Arguments.of("dateOfBirth", "12/05/1800", "Năm sinh không hợp lý: ngày sinh phải từ năm 1900 trở đi."),
                Arguments.of("dateOfBirth", "hôm qua", "Ngày không hợp lệ"),
                Arguments.of("sex", null, "Trường này là bắt buộc."),
                Arguments.of("phone", "0112345678", "Số điện thoại di động gồm số 0 và 9 chữ số"),
                Arguments.of("email", "khong-phai-email", "Địa chỉ email không hợp lệ"),
                Arguments.of("address", "   ", "Trường này là bắt buộc."),
                Arguments.of("password", "ngắn quá", "Mật khẩu phải có ít nhất 10 ký tự."),
                Arguments.of("password", "matkhau@123", "Mật khẩu này quá phổ biến"),
                Arguments.of("passwordConfirmation", "một mật khẩu khác hẳn", "Hai lần nhập mật khẩu không giống nhau."),
                Arguments.of("termsAccepted", null, "Bạn cần đồng ý với điều khoản sử dụng"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidCitizenInputs")
    void refusesInvalidInputWithItsMessageAndCreatesNothing(String field, String value, String message)
            throws Exception {
        Map<String, String> form = citizen();
        form.put(field, value);
        mvc.perform(register("/register", form))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("id=\"" + field + "-error\"")))
                // What the user typed stays, except passwords.
                .andExpect(content().string(containsString("value=\"" + form.get("address") + "\"")))
                .andExpect(content().string(not(containsString(ApplicantForms.PASSWORD))));
        assertThat(count("select count(*) from account where username = ?", form.get("citizenId"))).isZero();
        assertThat(count("select count(*) from applicant where email = ?", form.get("email"))).isZero();
        assertThat(count("select count(*) from mail_outbox where recipient = ?", form.get("email"))).isZero();
    }

    @Test
    void aNameTypedDecomposedIsStoredComposedWithSpacesCollapsed() throws Exception {
        Map<String, String> form = citizen();
        form.put("fullName", java.text.Normalizer.normalize("  Rơ Mah   Thử  Nghiệm ", java.text.Normalizer.Form.NFD));
        mvc.perform(register("/register", form)).andExpect(redirectedUrl("/register/done"));
        ApplicantProfile profile = applicants.profile(accountOf(form.get("email"))).orElseThrow();
        assertThat(profile.fullName()).isEqualTo("Rơ Mah Thử Nghiệm");
        assertThat(jdbc.sql("select full_name from account where username = ?").param(form.get("citizenId"))
                .query(String.class).single()).isEqualTo("Rơ Mah Thử Nghiệm");

        Map<String, String> organisation = ApplicantForms.organisation();
        organisation.put("representativeName", "Siu H'Lan 007");
        mvc.perform(register("/register/organisation", organisation)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"representativeName-error\"")));
    }

    @Test
    void aPasswordMayNotContainTheApplicantsOwnEmail() throws Exception {
        Map<String, String> form = citizen();
        String local = form.get("email").substring(0, form.get("email").indexOf('@'));
        form.put("password", "mật khẩu " + local);
        form.put("passwordConfirmation", form.get("password"));
        mvc.perform(register("/register", form)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Mật khẩu không được chứa email")));
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        Map<String, String> form = citizen();
        form.put("citizenId", "abc");
        form.put("phone", "123");
        form.put("email", "@");
        mvc.perform(register("/register", form)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"citizenId-error\"")))
                .andExpect(content().string(containsString("id=\"phone-error\"")))
                .andExpect(content().string(containsString("id=\"email-error\"")));
    }

    @Test
    void refusesASecondAccountForTheSameCitizenId() throws Exception {
        Map<String, String> first = citizen();
        mvc.perform(register("/register", first)).andExpect(redirectedUrl("/register/done"));
        Map<String, String> second = citizen();
        second.put("citizenId", first.get("citizenId"));
        mvc.perform(register("/register", second)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Số CCCD này đã được dùng để đăng ký tài khoản")));
        assertThat(count("select count(*) from applicant where citizen_id = ?", first.get("citizenId"))).isEqualTo(1);
        assertThat(count("select count(*) from mail_outbox where recipient = ?", second.get("email"))).isZero();
    }

    @Test
    void refusesASecondAccountForTheSameEmailWhateverItsCase() throws Exception {
        Map<String, String> first = citizen();
        mvc.perform(register("/register", first)).andExpect(redirectedUrl("/register/done"));
        Map<String, String> second = citizen();
        second.put("email", first.get("email").toUpperCase());
        mvc.perform(register("/register", second)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Email này đã được dùng cho một tài khoản khác")));
        assertThat(count("select count(*) from account where username = ?", second.get("citizenId"))).isZero();
    }

    @Test
    void registersAnOrganisationWithItsLegalRepresentative() throws Exception {
        Map<String, String> form = organisation();
        mvc.perform(register("/register/organisation", form)).andExpect(redirectedUrl("/register/done"));
        long id = accountOf(form.get("email"));
        ApplicantProfile profile = applicants.profile(id).orElseThrow();
        assertThat(profile.kind()).isEqualTo(ApplicantKind.ORGANISATION);
        assertThat(profile.fullName()).isEqualTo(form.get("organisationName"));
        assertThat(profile.organisationName()).isEqualTo(form.get("organisationName"));
        assertThat(profile.taxCode()).isEqualTo(form.get("taxCode"));
        assertThat(profile.representativeName()).isEqualTo("Siu H'Lan");
        assertThat(profile.representativeCitizenId()).isEqualTo(form.get("representativeCitizenId"));
        assertThat(profile.representativePosition()).isEqualTo("Giám đốc");
        assertThat(profile.phone()).isEqualTo(form.get("phone").replace(" ", ""));
        assertThat(profile.citizenId()).isNull();
        assertThat(profile.emailVerified()).isFalse();
        String token = tokenMailedTo(form.get("email"), 1, "/verify-email");
        mvc.perform(get("/verify-email").param("token", token)).andExpect(status().isOk());
        assertThat(applicants.profile(id).orElseThrow().emailVerified()).isTrue();
        mvc.perform(post("/login").param("username", form.get("taxCode")).param("password", ApplicantForms.PASSWORD)
                .with(csrf())).andExpect(redirectedUrl("/"));
    }

    @Test
    void oneRepresentativeMayRepresentSeveralOrganisationsButATaxCodeRegistersOnce() throws Exception {
        Map<String, String> first = organisation();
        mvc.perform(register("/register/organisation", first)).andExpect(redirectedUrl("/register/done"));
        Map<String, String> sister = organisation();
        sister.put("representativeCitizenId", first.get("representativeCitizenId"));
        mvc.perform(register("/register/organisation", sister)).andExpect(redirectedUrl("/register/done"));
        Map<String, String> again = organisation();
        again.put("taxCode", first.get("taxCode"));
        mvc.perform(register("/register/organisation", again)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Mã số thuế này đã được dùng để đăng ký tài khoản")));
    }

    @Test
    void refusesATaxCodeWithAWrongCheckDigitAndABranchCodeWithoutDigits() throws Exception {
        Map<String, String> form = organisation();
        String code = form.get("taxCode");
        form.put("taxCode", code.substring(0, 9) + ((code.charAt(9) - '0' + 1) % 10));
        mvc.perform(register("/register/organisation", form)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("chữ số thứ mười (chữ số kiểm tra) không khớp")));
        form.put("taxCode", code + "-");
        mvc.perform(register("/register/organisation", form)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Mã số thuế gồm 10 chữ số")));
        assertThat(count("select count(*) from applicant where email = ?", form.get("email"))).isZero();
    }

    @Test
    void registersABranchWithItsThirteenDigitCode() throws Exception {
        Map<String, String> form = organisation();
        form.put("taxCode", form.get("taxCode") + "001");
        mvc.perform(register("/register/organisation", form)).andExpect(redirectedUrl("/register/done"));
        assertThat(applicants.profile(accountOf(form.get("email"))).orElseThrow().taxCode())
                .isEqualTo(form.get("taxCode").substring(0, 10) + "-001");
    }

    @Test
    void anUnknownOrSupersededOrExpiredLinkIsRefused() throws Exception {
        mvc.perform(get("/verify-email").param("token", "khong-co-that")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Liên kết xác thực không hợp lệ")));

        Map<String, String> form = citizen();
        String email = form.get("email");
        mvc.perform(register("/register", form)).andExpect(redirectedUrl("/register/done"));
        long id = accountOf(email);
        String first = tokenMailedTo(email, 1, "/verify-email");
        mvc.perform(post("/account/verification").with(as(users, form.get("citizenId"))).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        String second = tokenMailedTo(email, 2, "/verify-email");
        assertThat(second).isNotEqualTo(first);

        mvc.perform(get("/verify-email").param("token", first)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("đã được thay bằng liên kết mới hơn")));
        jdbc.sql("update account_token set expires_at = now() - interval '1 minute' where token_hash = ?")
                .param(AccountTokens.hash(second)).update();
        mvc.perform(get("/verify-email").param("token", second)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Liên kết đã hết hạn")));
        assertThat(applicants.profile(id).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void limitsVerificationMailsPerAccount() throws Exception {
        Map<String, String> form = citizen();
        mvc.perform(register("/register", form)).andExpect(redirectedUrl("/register/done"));
        long id = accountOf(form.get("email"));
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/account/verification").with(as(users, form.get("citizenId"))).with(csrf()))
                    .andExpect(redirectedUrl("/account"));
        }
        mvc.perform(post("/account/verification").with(as(users, form.get("citizenId"))).with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Đã gửi quá nhiều email xác thực")));
        assertThat(count("select count(*) from mail_outbox where recipient = ?", form.get("email"))).isEqualTo(5);
    }

    @Test
    void theRegistrationPagesAreInEnglishToo() throws Exception {
        mvc.perform(get("/register").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Personal identification number (citizen ID, CCCD)")));
        mvc.perform(get("/register/organisation")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Người đại diện theo pháp luật")));
        mvc.perform(get("/terms")).andExpect(status().isOk());
    }
}
