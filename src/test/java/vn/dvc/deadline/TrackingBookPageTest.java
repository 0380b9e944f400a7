package vn.dvc.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;

/** The tracking book form under the reception queue: a file, or the queue page again with the reasons. */
@IntegrationTest
class TrackingBookPageTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    @Test
    void theQueuePageFormDownloadsTheBookThroughAPageAddress() throws Exception {
        mvc.perform(get("/reception").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(content().string(containsString("action=\"/reception/tracking-book.pdf\"")))
                .andExpect(content().string(containsString("formaction=\"/reception/tracking-book.xlsx\"")));
        mvc.perform(get("/reception/tracking-book.pdf?from=2026-11-01&to=2026-11-30")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get("/reception/tracking-book.xlsx?from=2025-12-15&to=2026-01-15")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", DeadlineForms.XLSX_TYPE));
        mvc.perform(get("/reception/tracking-book.pdf?from=2026-11-01&to=2026-11-30")
                        .with(DemoAccounts.as(users, "congdan")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadPeriodBringsTheOfficerBackToTheQueueWithTheReasonAndTheDatesTyped() throws Exception {
        // From after to: not a JSON problem in the browser, the queue page with the reason under "to".
        MockHttpSession session = new MockHttpSession();
        MvcResult bad = mvc.perform(get("/reception/tracking-book.pdf?from=2026-12-01&to=2026-11-01")
                        .session(session).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isSeeOther()).andReturn();
        assertThat(bad.getResponse().getHeader("Location")).endsWith("/reception#tracking-book");
        assertThat(bad.getResponse().getContentType()).isNull();
        mvc.perform(get("/reception").session(session).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"book-to-error\"")))
                .andExpect(content().string(containsString("Ngày kết thúc phải từ ngày bắt đầu trở đi.")))
                .andExpect(content().string(containsString("value=\"2026-12-01\"")));

        // Across more than a year, 1900 to 2100, and dates that do not exist: the same, never a 500.
        for (String query : new String[] {"from=2025-12-01&to=2027-01-31", "from=1900-01-01&to=2100-12-31",
                "from=2026-02-30&to=2026-03-01", "from=abc&to=", "from=-999999999-01-01&to=2026-01-01"}) {
            MockHttpSession again = new MockHttpSession();
            mvc.perform(get("/reception/tracking-book.xlsx?" + query).session(again)
                            .with(DemoAccounts.as(users, "tiepnhan.stp")))
                    .andExpect(status().isSeeOther());
            mvc.perform(get("/reception").session(again).with(DemoAccounts.as(users, "tiepnhan.stp")))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"field-error\"")));
        }
        // Single years far away are valid (empty) books.
        mvc.perform(get("/reception/tracking-book.pdf?from=1900-01-01&to=1900-12-31")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk());
        mvc.perform(get("/reception/tracking-book.xlsx?from=2100-01-01&to=2100-12-31")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk());
    }
}
