package vn.dvc.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;
import vn.dvc.identity.AgencyScope;

@IntegrationTest
class AgencyApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyAdministration administration;

    @Test
    void listsAgenciesInForceInTheContractShape() throws Exception {
        mvc.perform(get("/api/v1/agencies"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].code").value("000.00.00.H21"))
                .andExpect(jsonPath("$[0].name").value("Ủy ban nhân dân tỉnh Gia Lai"))
                .andExpect(jsonPath("$[0].level").value("PROVINCIAL"))
                .andExpect(jsonPath("$[0].parentCode").isEmpty())
                .andExpect(jsonPath("$[0].length()").value(4))
                .andExpect(jsonPath("$[?(@.code == '000.00.03.H21')].parentCode").value(hasItem("000.00.00.H21")));
    }

    @Test
    void namesTheProvincialOfficesWithTheProvinceOnce() throws Exception {
        mvc.perform(get("/api/v1/agencies").param("level", "PROVINCIAL"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", everyItem(not(containsString("tỉnh tỉnh")))))
                .andExpect(jsonPath("$[*].name", hasItem("Văn phòng Ủy ban nhân dân tỉnh Gia Lai")))
                .andExpect(jsonPath("$[*].name", hasItem("Ban Quản lý Khu kinh tế tỉnh Gia Lai")))
                .andExpect(jsonPath("$[*].name", hasItem("Sở Tư pháp tỉnh Gia Lai")));
    }

    @Test
    void filtersByLevelAndByParent() throws Exception {
        mvc.perform(get("/api/v1/agencies").param("level", "DISTRICT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(17)))
                .andExpect(jsonPath("$[*].level", everyItem(org.hamcrest.Matchers.is("DISTRICT"))));
        mvc.perform(get("/api/v1/agencies").param("parent", "000.00.30.H21"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].parentCode", everyItem(org.hamcrest.Matchers.is("000.00.30.H21"))))
                .andExpect(jsonPath("$[*].level", everyItem(org.hamcrest.Matchers.is("COMMUNE"))));
    }

    @Test
    void asOfListsTheAgenciesAndNamesOfThatDay() throws Exception {
        String renamed = agencyGoverning("23674");
        String removed = agencyGoverning("23587");
        mvc.perform(get("/api/v1/agencies").param("asOf", "2020-01-01").param("level", "COMMUNE"))
                .andExpect(jsonPath("$[?(@.code == '" + renamed + "')].name")
                        .value(hasItem("Ủy ban nhân dân Xã Đăk HLơ")))
                .andExpect(jsonPath("$[*].code", hasItem(removed)));
        mvc.perform(get("/api/v1/agencies").param("level", "COMMUNE"))
                .andExpect(jsonPath("$[?(@.code == '" + renamed + "')].name")
                        .value(hasItem("Ủy ban nhân dân Xã Kông Bơ La")))
                .andExpect(jsonPath("$[*].code", not(hasItem(removed))));
    }

    @Test
    void anUnknownLevelIsABadRequestExplainedInVietnamese() throws Exception {
        mvc.perform(get("/api/v1/agencies").param("level", "VILLAGE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.detail", containsString("Cấp cơ quan \"VILLAGE\" không hợp lệ")));
    }

    @Test
    void aMalformedAsOfDateIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/agencies").param("asOf", "31/12/2024"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownCodeIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/agencies/999.99.99.H21"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy cơ quan có mã 999.99.99.H21."));
    }

    @Test
    void theDetailShowsContactsNameHistoryAndTheSuccessorOfAMergedAgency() throws Exception {
        AgencyFixtures fixtures = new AgencyFixtures(administration);
        String merged = fixtures.agency("Sở Thử nghiệm A");
        String successor = fixtures.agency("Sở Thử nghiệm B");
        administration.updateDetails(AgencyScope.PROVINCE, merged, fixtures.version(merged),
                new AgencyAdministration.Contacts("01 Trần Hưng Đạo, Pleiku", "0269 3824 123", "so@gialai.gov.vn",
                        "https://gialai.gov.vn"));
        administration.rename(AgencyScope.PROVINCE, merged, fixtures.version(merged), "Sở Thử nghiệm A mới", null,
                LocalDate.of(2022, 1, 1));
        administration.merge(AgencyScope.PROVINCE, merged, fixtures.version(merged), successor,
                LocalDate.of(2024, 3, 1));

        mvc.perform(get("/api/v1/agencies/" + merged))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Sở Thử nghiệm A mới"))
                .andExpect(jsonPath("$.phone").value("0269 3824 123"))
                .andExpect(jsonPath("$.validFrom").value("2020-01-01"))
                .andExpect(jsonPath("$.validTo").value("2024-03-01"))
                .andExpect(jsonPath("$.successorCode").value(successor))
                .andExpect(jsonPath("$.demo").value(false))
                .andExpect(jsonPath("$.names[0].name").value("Sở Thử nghiệm A"))
                .andExpect(jsonPath("$.names[0].validTo").value("2022-01-01"))
                .andExpect(jsonPath("$.names[1].name").value("Sở Thử nghiệm A mới"));
        mvc.perform(get("/api/v1/agencies"))
                .andExpect(jsonPath("$[*].code", not(hasItem(merged))))
                .andExpect(jsonPath("$[*].code", hasItem(successor)));
    }

    private String agencyGoverning(String unitCode) {
        Map<String, Object> row = jdbc.sql("select code from agency where unit_code = ? and level = 'COMMUNE'")
                .param(unitCode).query().singleRow();
        assertThat(row).isNotEmpty();
        return (String) row.get("code");
    }
}
