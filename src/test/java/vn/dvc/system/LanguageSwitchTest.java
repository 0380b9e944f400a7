package vn.dvc.system;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;

@IntegrationTest
class LanguageSwitchTest {

    @Autowired MockMvc mvc;

    @Test
    void everyPageLinksToTheSameAddressInTheOtherLanguage() throws Exception {
        mvc.perform(get("/?q={q}", "khai sinh"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/?q=khai%20sinh&amp;lang=en\"")));
        mvc.perform(get("/?lang=en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/?lang=vi\"")));
    }
}
