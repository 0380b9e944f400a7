package vn.dvc.processing;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;

/** The work list page with a scope typed into the address. */
@IntegrationTest
class WorkListPageTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    @Test
    void anUnknownScopeIsABadRequestPageWithTheFilterNamed() throws Exception {
        mvc.perform(get("/processing?scope=everything").with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Bộ lọc không hợp lệ: scope=everything")));
        mvc.perform(get("/processing?scope=agency").with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/processing?scope=mine").with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isOk());
    }
}
