package vn.dvc.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;

/**
 * HEAD is GET without the body (RFC 9110): an uptime monitor or a link checker asking HEAD of a public
 * address gets what GET gets, not the sign-in page or a 401.
 */
@IntegrationTest
class HeadRequestsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void publicAddressesAnswerHeadLikeGet() throws Exception {
        for (String path : new String[] {"/actuator/health", "/", "/procedures", "/calendar", "/verify", "/register",
                "/api/v1/agencies", "/api/v1/statistics/processing.csv"}) {
            mvc.perform(head(path)).andExpect(status().isOk());
        }
    }

    @Test
    void privateAddressesStillNeedASignIn() throws Exception {
        mvc.perform(head("/api/v1/dossiers/mine")).andExpect(status().isUnauthorized());
        mvc.perform(head("/dossiers")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/dossiers/mine")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAddressThatLeadsNowhereIsNotFoundRatherThanASignIn() throws Exception {
        mvc.perform(get("/thu-tuc-khong-co")).andExpect(status().isNotFound());
        mvc.perform(get("/procedure/1.001193")).andExpect(status().isNotFound());
        // existing private pages still ask to sign in, whatever follows in their address
        mvc.perform(get("/dossiers")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/dossiers/000.00.03.H21-260101-0001")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection());
    }
}
