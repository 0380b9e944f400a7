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

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;
import vn.dvc.identity.CounterApplicants.CounterApplicant;
import vn.dvc.shared.InvalidInputException;

@IntegrationTest
class CounterApplicantsTest {

    static final String NEW_PASSWORD = "Quầy một cửa Sở Tư pháp 2026";

    @Autowired CounterApplicants counter;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

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

        mvc.perform(post("/forgot-password").param("email", email).with(csrf()).with(from(uniqueClient())))
                .andExpect(status().isOk());
        String token = tokenMailedTo(email, 1, "/reset-password");
        mvc.perform(post("/reset-password").param("token", token).param("password", NEW_PASSWORD)
                .param("passwordConfirmation", NEW_PASSWORD).with(csrf())).andExpect(redirectedUrl("/login?reset"));
        mvc.perform(post("/login").param("username", id).param("password", NEW_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"));

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
}
