package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.identity.ApplicantForms.from;
import static vn.dvc.identity.ApplicantForms.tokenMailedTo;
import static vn.dvc.identity.ApplicantForms.uniqueClient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;
import vn.dvc.identity.CounterApplicants.CounterApplicant;
import vn.dvc.identity.CounterApplicants.CounterOrganisation;
import vn.dvc.shared.InvalidInputException;

@IntegrationTest
class CounterApplicantsTest {

    static final String NEW_PASSWORD = "Quầy một cửa Sở Tư pháp 2026";

    @Autowired CounterApplicants counter;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    /** A valid citizen identity number of a woman born in 1990 (province 064). */
    private static String citizenId() {
        return "064190" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static CounterApplicant person(String id, String name, String email) {
        return new CounterApplicant(name, id, "05/06/1990", "FEMALE", "0912000111", email, "3 Phạm Văn Đồng, Pleiku");
    }

    @Test
    void anAccountMadeAtTheCounterIsClaimedThroughThePasswordReset() throws Exception {
        String id = citizenId();
        String email = "quay." + id + "@example.vn";
        CounterApplicants.Found made = counter.findOrCreate(person(id, "Nguyễn Thị Quầy", email), "tiepnhan.stp");
        assertThat(made.created()).isTrue();
        // Nobody knows its password.
        mvc.perform(post("/login").param("username", id).param("password", "GiaLai@2026").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));

        claimThroughThePasswordReset(id, email);

        // Found again by the number, with the name written differently (case, diacritics).
        CounterApplicants.Found again = counter.findOrCreate(person(id, "NGUYEN THI QUAY", null), "tiepnhan.pleiku");
        assertThat(again).isEqualTo(new CounterApplicants.Found(made.accountId(), false));
        assertThat(jdbc.sql("select count(*) from applicant_change where account_id = ? and action = 'CREATED_AT_COUNTER'")
                .param(made.accountId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherNameForAKnownNumberOrATakenAddressIsRefused() {
        String id = citizenId();
        String email = "quay." + id + "@example.vn";
        counter.findOrCreate(person(id, "Trần Thị Có", email), "tiepnhan.stp");
        assertThatThrownBy(() -> counter.findOrCreate(person(id, "Lê Thị Khác", null), "tiepnhan.stp"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(p -> p.field() + ":" + p.messageKey())
                        .containsExactly("applicantFullName:identity.counter.name-mismatch"));
        String other = citizenId();
        assertThatThrownBy(() -> counter.findOrCreate(person(other, "Đỗ Thị Mới", email), "tiepnhan.stp"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(p -> p.field() + ":" + p.messageKey())
                        .containsExactly("applicantEmail:identity.counter.email-taken"));
        assertThat(jdbc.sql("select count(*) from account where username = ?").param(other).query(Long.class).single())
                .isZero();
    }

    private static CounterApplicant born(String id, String name, String dateOfBirth) {
        return new CounterApplicant(name, id, dateOfBirth, "FEMALE", "0912000111", null, "3 Phạm Văn Đồng, Pleiku");
    }

    private static java.util.List<String> problems(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.fieldProblems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
        }
        return java.util.List.of();
    }

    @Test
    void aKnownCitizensDateOfBirthWhenTypedMustBeRealPlausibleAndTheirs() {
        String id = citizenId();
        long account = counter.findOrCreate(person(id, "Trần Thị Ngày", null), "tiepnhan.stp").accountId();
        assertThat(problems(() -> counter.findOrCreate(born(id, "Trần Thị Ngày", "01/01/1800"), "tiepnhan.stp")))
                .containsExactly("applicantDateOfBirth:identity.validation.birth-implausible");
        assertThat(problems(() -> counter.findOrCreate(born(id, "Trần Thị Ngày", "31/02/1990"), "tiepnhan.stp")))
                .containsExactly("applicantDateOfBirth:identity.validation.date-nonexistent");
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        assertThat(problems(() -> counter.findOrCreate(born(id, "Trần Thị Ngày", tomorrow), "tiepnhan.stp")))
                .containsExactly("applicantDateOfBirth:identity.validation.birth-future");
        assertThat(problems(() -> counter.findOrCreate(born(id, "Trần Thị Ngày", "06/06/1990"), "tiepnhan.stp")))
                .containsExactly("applicantDateOfBirth:identity.counter.birth-mismatch");
        assertThat(problems(() -> counter.findOrCreate(born(id, "Lê Văn Khác", "01/01/1800"), "tiepnhan.stp")))
                .containsExactly("applicantFullName:identity.counter.name-mismatch",
                        "applicantDateOfBirth:identity.validation.birth-implausible");
        // The card's date, or none at all, finds the account.
        assertThat(counter.findOrCreate(born(id, "Trần Thị Ngày", "1990-06-05"), "tiepnhan.stp").accountId())
                .isEqualTo(account);
        assertThat(counter.findOrCreate(born(id, "TRAN THI NGAY", " "), "tiepnhan.stp").accountId()).isEqualTo(account);
    }

    @Test
    void aNewCitizenAtTheCounterHasAPersonsNameAndTheAgeToHoldAnAccount() {
        String id = citizenId();
        assertThat(problems(() -> counter.findOrCreate(person(id, "Nguyễn Thị 3", null), "tiepnhan.stp")))
                .containsExactly("applicantFullName:identity.validation.name");
        assertThat(problems(() -> counter.findOrCreate(person(id, "Nguyễn Thị 😀", null), "tiepnhan.stp")))
                .containsExactly("applicantFullName:identity.validation.name");
        // Born in 2015 (century digit 3 for a woman born in the 2000s), so under 14 until 2029.
        String young = "064315" + id.substring(6);
        String birthday = LocalDate.now(clock).minusYears(10).toString();
        assertThat(problems(() -> counter.findOrCreate(born(young, "Nguyễn Thị Nhỏ", birthday), "tiepnhan.stp")))
                .contains("applicantDateOfBirth:identity.validation.too-young");
        assertThat(jdbc.sql("select count(*) from account where username in (?, ?)").params(id, young)
                .query(Long.class).single()).isZero();
        String decomposed = java.text.Normalizer.normalize("Nguyễn   Thị Ánh", java.text.Normalizer.Form.NFD);
        long made = counter.findOrCreate(person(id, decomposed, null), "tiepnhan.stp").accountId();
        assertThat(jdbc.sql("select full_name from applicant where account_id = ?").param(made).query(String.class)
                .single()).isEqualTo("Nguyễn Thị Ánh");
    }
    /** A valid, random tax code of province 59. */
    static String taxCode() {
        while (true) {
            String code = "59" + String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
            if (vn.dvc.shared.TaxCode.isValid(code)) {
                return code;
            }
        }
    }

    private static CounterOrganisation organisation(String taxCode, String name, String email) {
        return new CounterOrganisation(taxCode, name, "5 Trần Hưng Đạo, Pleiku", "0912000222", email,
                "Trần Văn Giám", "064085000777", "Giám đốc");
    }

    @Test
    void anOrganisationMadeAtTheCounterSignsInWithItsTaxCodeOnceClaimedAndIsFoundAgainByIt() throws Exception {
        String code = taxCode();
        String email = "dn." + code + "@example.vn";
        CounterApplicants.Found made = counter.findOrCreate(organisation(code, "Công ty TNHH Quầy Một", email),
                "tiepnhan.stp");
        assertThat(made.created()).isTrue();
        assertThat(jdbc.sql("""
                select a.username || '|' || p.kind || '|' || p.origin || '|' || p.organisation_name || '|'
                       || p.representative_name || '|' || p.registered_by
                  from account a join applicant p on p.account_id = a.id where a.id = ?""").param(made.accountId())
                .query(String.class).single())
                .isEqualTo(code + "|ORGANISATION|COUNTER|Công ty TNHH Quầy Một|Trần Văn Giám|tiepnhan.stp");
        mvc.perform(post("/login").param("username", code).param("password", "GiaLai@2026").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));

        claimThroughThePasswordReset(code, email);

        // Found again by the tax code (the name written in capitals, without diacritics), not made twice.
        assertThat(counter.findOrCreate(organisation(code, "CONG TY TNHH QUAY MOT", null), "tiepnhan.pleiku"))
                .isEqualTo(new CounterApplicants.Found(made.accountId(), false));
        // Another organisation's name for that tax code is refused; so is a taken e-mail address for a new one.
        assertThat(problems(() -> counter.findOrCreate(organisation(code, "Công ty Cổ phần Khác", null),
                "tiepnhan.stp"))).containsExactly("applicantOrganisationName:identity.counter.organisation-name-mismatch");
        assertThat(problems(() -> counter.findOrCreate(organisation(taxCode(), "Hợp tác xã Mới", email),
                "tiepnhan.stp"))).containsExactly("applicantEmail:identity.counter.email-taken");
    }

    @Test
    void anOrganisationsBadTaxCodeOrMissingFieldsAreRefusedAndNothingIsMade() {
        long before = jdbc.sql("select count(*) from applicant").query(Long.class).single();
        String code = taxCode();
        String wrongCheckDigit = code.substring(0, 9) + (char) ('0' + (code.charAt(9) - '0' + 1) % 10);
        assertThat(problems(() -> counter.findOrCreate(organisation(wrongCheckDigit, "Công ty A", null),
                "tiepnhan.stp"))).containsExactly("applicantTaxCode:identity.tax-code.CHECKSUM");
        assertThat(problems(() -> counter.findOrCreate(organisation("12345", "Công ty A", null), "tiepnhan.stp")))
                .containsExactly("applicantTaxCode:identity.tax-code.FORMAT");
        assertThat(problems(() -> counter.findOrCreate(organisation(code, " ", null), "tiepnhan.stp")))
                .containsExactly("applicantOrganisationName:validation.required");
        assertThat(problems(() -> counter.findOrCreate(new CounterOrganisation(code, "Công ty A", "", "", null,
                "Giám 3", "", ""), "tiepnhan.stp"))).containsExactly("applicantAddress:validation.required",
                "applicantPhone:validation.required", "applicantRepresentative:identity.validation.name",
                "applicantRepresentativeCitizenId:validation.required",
                "applicantRepresentativePosition:validation.required");
        assertThat(jdbc.sql("select count(*) from applicant").query(Long.class).single()).isEqualTo(before);
    }

    /** The holder of an account made at the counter sets its password through "forgot password", then signs in. */
    private void claimThroughThePasswordReset(String username, String email) throws Exception {
        mvc.perform(post("/forgot-password").param("email", email).with(csrf()).with(from(uniqueClient())))
                .andExpect(status().isOk());
        String token = tokenMailedTo(email, 1, "/reset-password");
        mvc.perform(post("/reset-password").param("token", token).param("password", NEW_PASSWORD)
                .param("passwordConfirmation", NEW_PASSWORD).with(csrf())).andExpect(redirectedUrl("/login?reset"));
        mvc.perform(post("/login").param("username", username).param("password", NEW_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"));
    }
}
