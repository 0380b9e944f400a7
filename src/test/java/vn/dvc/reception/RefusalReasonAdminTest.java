package vn.dvc.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.audit.AuditEntries;
import vn.dvc.audit.AuditEntry;

@IntegrationTest
class RefusalReasonAdminTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired RefusalReasons reasons;
    @Autowired AuditEntries audit;

    @Test
    void theSystemAdministratorAddsEditsAndDeactivatesAReasonWhoseCodeNeverChanges() throws Exception {
        String code = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        mvc.perform(post("/admin/refusal-reasons").param("code", code).param("label", "Giấy tờ đã hết hạn")
                        .with(DemoAccounts.as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/refusal-reasons"));
        assertThat(reasons.active()).contains(new RefusalReasons.RefusalReason(code, "Giấy tờ đã hết hạn"));

        mvc.perform(post("/admin/refusal-reasons/" + code).param("label", "Giấy tờ  đã hết hiệu lực ")
                        .param("code", "CHANGED").param("position", "3")
                        .with(DemoAccounts.as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(reasons.find(code)).contains(new RefusalReasons.RefusalReason(code, "Giấy tờ đã hết hiệu lực"));
        assertThat(reasons.find("CHANGED")).isEmpty();

        mvc.perform(post("/admin/refusal-reasons/" + code).param("active", "false")
                        .with(DemoAccounts.as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(reasons.active()).extracting(RefusalReasons.RefusalReason::code).doesNotContain(code);
        assertThat(reasons.all()).filteredOn(r -> r.code().equals(code)).singleElement()
                .extracting(RefusalReasons.ManagedReason::active).isEqualTo(false);
        assertThat(audit.of(code)).extracting(AuditEntry::action).containsExactly("REFUSAL_REASON_ADDED",
                "REFUSAL_REASON_CHANGED", "REFUSAL_REASON_DEACTIVATED");
        assertThat(audit.of(code).get(0).actor()).isEqualTo("admin");

        mvc.perform(get("/admin/refusal-reasons").with(DemoAccounts.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(code)));
    }

    @Test
    void badInputChangesNothingAndOthersMayNotManageReasons() throws Exception {
        int before = reasons.all().size();
        mvc.perform(post("/admin/refusal-reasons").param("code", "bad code").param("label", "x")
                        .with(DemoAccounts.as(users, "admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Mã gồm 2 đến 40 ký tự")));
        mvc.perform(post("/admin/refusal-reasons").param("code", "OTHER").param("label", "Trùng")
                        .with(DemoAccounts.as(users, "admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Mã OTHER đã có.")));
        mvc.perform(post("/admin/refusal-reasons/NOT_ELIGIBLE").param("label", "  ")
                        .with(DemoAccounts.as(users, "admin")).with(csrf()))
                .andExpect(status().isOk());
        assertThat(reasons.find("NOT_ELIGIBLE").orElseThrow().label())
                .isEqualTo("Không đủ điều kiện giải quyết theo quy định của pháp luật");
        assertThat(reasons.all()).hasSize(before);

        mvc.perform(get("/admin/refusal-reasons").with(DemoAccounts.as(users, "quantri.stp")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/refusal-reasons").param("code", "BY_AGENCY").param("label", "x")
                        .with(DemoAccounts.as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/refusal-reasons").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isForbidden());
        assertThat(reasons.find("BY_AGENCY")).isEmpty();
    }

    @Test
    void aNegativeOrAbsurdPositionIsRefusedWithAVietnameseMessageAndChangesNothing() throws Exception {
        RefusalReasons.ManagedReason before = reasons.all().stream().filter(r -> r.code().equals("NOT_ELIGIBLE"))
                .findFirst().orElseThrow();
        int count = reasons.all().size();
        for (String position : new String[] {"-5", "0", "1000", "99999999999", "abc", "2.5"}) {
            mvc.perform(post("/admin/refusal-reasons/NOT_ELIGIBLE").param("label", "Nội dung mới")
                            .param("position", position)
                            .with(DemoAccounts.as(users, "admin")).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(
                            "Thứ tự phải là một số nguyên từ 1 đến 999.")));
            mvc.perform(post("/admin/refusal-reasons").param("code", "POS_TEST").param("label", "x")
                            .param("position", position)
                            .with(DemoAccounts.as(users, "admin")).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(
                            "Thứ tự phải là một số nguyên từ 1 đến 999.")));
        }
        assertThat(reasons.all()).hasSize(count).contains(before);
        assertThat(reasons.find("POS_TEST")).isEmpty();
    }
}
