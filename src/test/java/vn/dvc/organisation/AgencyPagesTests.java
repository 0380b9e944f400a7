package vn.dvc.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;

@IntegrationTest
class AgencyPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyAdministration administration;

    @Test
    void theListGroupsAgenciesByLevelAndPages() throws Exception {
        mvc.perform(get("/agencies"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2>Cấp tỉnh (sở, ban, ngành)</h2>")))
                .andExpect(content().string(containsString("Sở Tư pháp tỉnh Gia Lai")))
                .andExpect(content().string(containsString("rel=\"next\"")));
    }

    @Test
    void theTextFilterIgnoresCaseAndDiacritics() throws Exception {
        String page = mvc.perform(get("/agencies").param("q", "KONG BO LA").param("level", "COMMUNE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ủy ban nhân dân Xã Kông Bơ La").doesNotContain("Sở Tư pháp tỉnh Gia Lai")
                .contains("Tìm thấy 1 cơ quan.");
    }

    @Test
    void theDetailShowsFactsLinksAndTheDemoBadge() throws Exception {
        mvc.perform(get("/agencies/000.00.03.H21"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Sở Tư pháp tỉnh Gia Lai</h1>")))
                .andExpect(content().string(containsString("class=\"badge demo\">Dữ liệu demo<")))
                .andExpect(content().string(containsString("href=\"/agencies/000.00.00.H21\"")))
                .andExpect(content().string(containsString(
                        "href=\"/procedures?agency=000.00.03.H21\">Thủ tục hành chính của cơ quan<")))
                .andExpect(content().string(containsString("Chưa có thông tin")))
                .andExpect(content().string(containsString("<th scope=\"col\">")));
    }

    @Test
    void theDetailOfARenamedCommuneShowsItsNameHistory() throws Exception {
        String page = mvc.perform(get("/agencies").param("q", "kong bo la")).andReturn().getResponse()
                .getContentAsString();
        String code = page.replaceAll("(?s).*href=\"/agencies/([0-9.H]+)\">Ủy ban nhân dân Xã Kông Bơ La.*", "$1");
        mvc.perform(get("/agencies/" + code))
                .andExpect(content().string(containsString("Ủy ban nhân dân Xã Đăk HLơ")))
                .andExpect(content().string(containsString("01/11/2024")));
    }

    @Test
    void anUnknownAgencyIsTheNotFoundPage() throws Exception {
        mvc.perform(get("/agencies/999.99.99.H21")).andExpect(status().isNotFound());
    }

    @Test
    void aNameWithMarkupIsShownAsText() throws Exception {
        String code = new AgencyFixtures(administration).agency("Sở <script>alert(1)</script>");
        mvc.perform(get("/agencies/" + code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sở &lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
    }

    @Test
    void thePagesSpeakEnglishWhenAsked() throws Exception {
        mvc.perform(get("/agencies/000.00.03.H21").param("lang", "en"))
                .andExpect(content().string(containsString("Administrative procedures of this agency")));
    }
}
