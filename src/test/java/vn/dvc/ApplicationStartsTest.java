package vn.dvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ApplicationStartsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void reportsHealthUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void servesTheLoginFormWithCsrfToken() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void servesStaticFilesUnderTheirPrefixesOnly() throws Exception {
        mvc.perform(get("/css/site.css")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/js/eform.js")).andExpect(status().isOk());
        mvc.perform(get("/css/eform.js")).andExpect(status().isNotFound());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        // Browsers ask every site for its icon; without one each page logged a 404.
        byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(icon).startsWith(0, 0, 1, 0);
    }
}
