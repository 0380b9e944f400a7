package vn.dvc.catalogue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;

@IntegrationTest
class CatalogueApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void findsProceduresWithoutDiacriticsOrCase() throws Exception {
        mvc.perform(get("/api/v1/procedures").param("q", "GIAY PHEP XAY DUNG").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", greaterThan(5)))
                .andExpect(jsonPath("$.items[0].name", containsString("giấy phép xây dựng")));
    }

    @Test
    void countsBroadSearchesOnlyUpToALimitAndSaysSo() throws Exception {
        // The demo catalogue holds 1,347 procedures: the empty search counts to 1,000 and says "more".
        mvc.perform(get("/api/v1/procedures").param("size", "20"))
                .andExpect(jsonPath("$.total").value(1000))
                .andExpect(jsonPath("$.totalExact").value(false))
                .andExpect(jsonPath("$.items.length()").value(20));
        // Past the counted pages the results still come.
        mvc.perform(get("/api/v1/procedures").param("size", "20").param("page", "50"))
                .andExpect(jsonPath("$.items.length()").value(20));
        mvc.perform(get("/api/v1/procedures").param("q", "1.001193"))
                .andExpect(jsonPath("$.totalExact").value(true));
        mvc.perform(get("/procedures")).andExpect(content().string(containsString("Tìm thấy hơn 1.000 thủ tục")));
    }

    @Test
    void ranksWholePhraseMatchesFirst() throws Exception {
        mvc.perform(get("/api/v1/procedures").param("q", "dang ky khai sinh").param("size", "3"))
                .andExpect(jsonPath("$.items[0].name", containsString("đăng ký khai sinh")));
    }

    @Test
    void findsAProcedureByItsCode() throws Exception {
        mvc.perform(get("/api/v1/procedures").param("q", "1.001193"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value("1.001193"));
    }

    @Test
    void filtersByAgencyLevelAndServiceLevel() throws Exception {
        mvc.perform(get("/api/v1/procedures").param("agency", "000.00.03.H21").param("serviceLevel", "4")
                        .param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].serviceLevel", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(4))))
                .andExpect(jsonPath("$.total", greaterThan(0)));
        mvc.perform(get("/api/v1/procedures").param("level", "COMMUNE").param("q", "ket hon"))
                .andExpect(jsonPath("$.total", greaterThan(0)));
    }

    @Test
    void listsCommuneProceduresForACommuneAgency() throws Exception {
        // Commune procedures are implemented by every commune People's Committee.
        mvc.perform(get("/api/v1/procedures").param("agency", "000.01.30.H21").param("q", "khai sinh"))
                .andExpect(jsonPath("$.total", greaterThan(0)));
    }

    @Test
    void answersBadFiltersWithAVietnameseProblem() throws Exception {
        mvc.perform(get("/api/v1/procedures").param("level", "TINH"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("level"))
                .andExpect(jsonPath("$.errors[0].message", startsWith("Cấp thực hiện")));
        mvc.perform(get("/api/v1/procedures").param("size", "1000")).andExpect(status().isBadRequest());
    }

    @Test
    void describesAProcedureWithPerChannelTermsAndForms() throws Exception {
        mvc.perform(get("/api/v1/procedures/1.001193"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Thủ tục đăng ký khai sinh"))
                .andExpect(jsonPath("$.channels[0].channel").value("DIRECT"))
                .andExpect(jsonPath("$.channels[0].processingTime").value(1))
                .andExpect(jsonPath("$.channels[0].timeUnit").value("WORKING_DAYS"))
                .andExpect(jsonPath("$.components[0].components[0].templateUrl", startsWith("/forms/")))
                .andExpect(jsonPath("$.legalBasis", containsString("Luật Hộ tịch")))
                .andExpect(jsonPath("$.leadAgency.code").value("000.00.03.H21"));
    }

    @Test
    void answersUnknownCodesWith404Problem() throws Exception {
        mvc.perform(get("/api/v1/procedures/9.999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.detail", containsString("9.999999")));
    }

    @Test
    void servesFormTemplatesAsDownloads() throws Exception {
        String url = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/procedures/1.001193"))
                .andReturn().getResponse().getContentAsString(), "$.components[0].components[0].templateUrl");
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().contentType(FormTemplates.DOCX))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", startsWith("attachment")));
    }
}
