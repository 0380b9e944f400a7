package vn.dvc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;

@IntegrationTest
class AuditTrailTest {

    @Autowired AuditTrail trail;
    @Autowired AuditVerification verification;
    @Autowired AuditEntries entries;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    @Test
    void entriesAreChainedAndTheChainVerifies() {
        AuditEntry first = trail.record("tester", "TEST_ACTION", "SUBJ-chain", "000.00.03.H21",
                Map.of("b", 2, "a", "một"));
        AuditEntry second = trail.record("tester", "TEST_ACTION", "SUBJ-chain", null, null);
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(first.details()).isEqualTo("{\"a\":\"một\",\"b\":2}");
        assertThat(first.hash()).isEqualTo(AuditHashing.hash(first.previousHash(), AuditHashing.canonical(
                first.sequence(), first.occurredAt(), "tester", "TEST_ACTION", "SUBJ-chain", "000.00.03.H21",
                "{\"a\":\"một\",\"b\":2}")));
        assertThat(entries.of("SUBJ-chain")).extracting(AuditEntry::hash).containsExactly(first.hash(), second.hash());
        AuditVerification.Result result = verification.verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isGreaterThanOrEqualTo(second.sequence());
    }

    @Test
    void anEntryIsAppendOnlyForOrdinarySql() {
        AuditEntry e = trail.record("tester", "TEST_ACTION", "SUBJ-append-only", null, Map.of());
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'x' where sequence = ?")
                .param(e.sequence()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where sequence = ?").param(e.sequence()).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aChangedEntryIsDetectedAtItsSequenceAndARemovedOneToo() {
        AuditEntry target = trail.record("tester", "TEST_ACTION", "SUBJ-tamper", null, Map.of("amount", 100));
        trail.record("tester", "TEST_ACTION", "SUBJ-tamper", null, Map.of("amount", 200));
        assertThat(verification.verify().ok()).isTrue();

        // Changed details, written past the trigger (as a superuser could).
        bypassingTrigger("update audit_entry set details = '{\"amount\":1}' where sequence = " + target.sequence());
        AuditVerification.Result changed = verification.verify();
        assertThat(changed.ok()).isFalse();
        assertThat(changed.firstBrokenSequence()).isEqualTo(target.sequence());
        assertThat(changed.problem()).isEqualTo(AuditVerification.Problem.CHANGED_ENTRY);
        assertThat(changed.entries()).isEqualTo(target.sequence() - 1);
        bypassingTrigger("update audit_entry set details = '{\"amount\":100}' where sequence = " + target.sequence());
        assertThat(verification.verify().ok()).isTrue();

        // A removed entry.
        bypassingTrigger("delete from audit_entry where sequence = " + target.sequence());
        AuditVerification.Result removed = verification.verify();
        assertThat(removed.ok()).isFalse();
        assertThat(removed.firstBrokenSequence()).isEqualTo(target.sequence());
        assertThat(removed.problem()).isEqualTo(AuditVerification.Problem.MISSING_ENTRY);
        reinsert(target);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void removingTheLastEntryIsDetected() {
        AuditEntry last = trail.record("tester", "TEST_ACTION", "SUBJ-tail", null, Map.of());
        // Hold the head so that no other append comes after it while the row is missing.
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select 1 from audit_head where id for update").query(Integer.class).single();
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("delete from audit_entry where sequence = ?").param(last.sequence()).update();
            jdbc.sql("set local session_replication_role = origin").update();
            // inside this transaction the verification would see the deletion; check from outside afterwards
        });
        AuditVerification.Result result = verification.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(last.sequence());
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.MISSING_TAIL);
        reinsert(last);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void aRolledBackActionLeavesNoEntry() {
        long before = head();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            trail.record("tester", "TEST_ACTION", "SUBJ-rollback", null, Map.of());
            throw new IllegalStateException("the action failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(entries.of("SUBJ-rollback")).isEmpty();
        AuditEntry next = trail.record("tester", "TEST_ACTION", "SUBJ-rollback-after", null, Map.of());
        assertThat(next.sequence()).isGreaterThan(before);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void fiftyConcurrentAppendsMakeAValidChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<AuditEntry>> tasks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                tasks.add(() -> transaction.execute(status -> trail.record("thread-" + n, "TEST_CONCURRENT",
                        "SUBJ-concurrent", null, Map.of("n", n))));
            }
            List<AuditEntry> made = new ArrayList<>();
            for (Future<AuditEntry> f : pool.invokeAll(tasks)) {
                made.add(f.get());
            }
            assertThat(made.stream().map(AuditEntry::sequence).distinct()).hasSize(50);
            assertThat(made.stream().map(AuditEntry::previousHash).distinct()).hasSize(50);
        } finally {
            pool.shutdown();
        }
        assertThat(entries.of("SUBJ-concurrent")).hasSize(50);
        AuditVerification.Result result = verification.verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isEqualTo(head());
    }

    @Test
    void onlyTheSystemAdministratorVerifiesAndListsThroughTheApiAndThePage() throws Exception {
        trail.record("tester", "TEST_ACTION", "SUBJ-api", null, Map.of("k", "v"));
        mvc.perform(get("/api/v1/admin/audit/verify").with(DemoAccounts.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.firstBrokenSequence").doesNotExist());
        mvc.perform(get("/api/v1/admin/audit/verify").with(DemoAccounts.as(users, "quantri.stp")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/audit/verify")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/audit/entries?subject=SUBJ-api").with(DemoAccounts.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].details").value("{\"k\":\"v\"}"));
        mvc.perform(get("/admin/audit?subject=SUBJ-api").with(DemoAccounts.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("TEST_ACTION")));
        mvc.perform(get("/admin/audit").with(DemoAccounts.as(users, "quantri.stp")))
                .andExpect(status().isForbidden());
        Object outcome = mvc.perform(post("/admin/audit/verify").with(DemoAccounts.as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("verification");
        assertThat(outcome).isInstanceOfSatisfying(AuditVerification.Result.class, r -> assertThat(r.ok()).isTrue());
        mvc.perform(get("/admin/audit").flashAttr("verification", outcome).with(DemoAccounts.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nhật ký toàn vẹn: đã kiểm tra")));
    }

    private long head() {
        return jdbc.sql("select last_sequence from audit_head").query(Long.class).single();
    }

    private void bypassingTrigger(String sql) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    private void reinsert(AuditEntry e) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                insert into audit_entry(sequence, occurred_at, actor, action, subject, agency_code, details,
                                        previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.sequence(), java.sql.Timestamp.from(e.occurredAt()), e.actor(), e.action(), e.subject(),
                        e.agencyCode(), e.details(), e.previousHash(), e.hash()).update());
    }
}
