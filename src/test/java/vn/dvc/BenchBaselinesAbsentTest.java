package vn.dvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baselines (bench/dossier.sh sets {@code app.bench.baseline=true}) do not exist in a normal
 * run: no such controller, every address under /bench is 404 even signed in with a CSRF token, a post without
 * a token is refused, and the API contract does not list them.
 */
@IntegrationTest
class BenchBaselinesAbsentTest {

    private static final String[] UPLOADS = {"/bench/uploads/bare", "/bench/uploads/checked",
            "/bench/uploads/durable"};

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;

    @Test
    void noBenchmarkControllerIsLoaded() {
        assertThat(context.getBeansWithAnnotation(RestController.class).values())
                .extracting(bean -> org.springframework.aop.support.AopUtils.getTargetClass(bean).getSimpleName())
                .isNotEmpty()
                .noneMatch(name -> name.startsWith("Bench"));
    }

    @Test
    void theirAddressesAreNotFoundEvenSignedIn() throws Exception {
        for (String path : UPLOADS) {
            mvc.perform(upload(path).with(csrf()).with(DemoAccounts.as(users, "congdan")))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/bench/dossiers/1").with(DemoAccounts.as(users, "congdan"))).andExpect(status().isNotFound());
        mvc.perform(get("/bench/dossiers/1")).andExpect(status().isNotFound());
    }

    @Test
    void theyAreNeitherOpenNorFreeOfCsrf() throws Exception {
        for (String path : UPLOADS) {
            mvc.perform(upload(path)).andExpect(status().isForbidden());
        }
    }

    @Test
    void theApiContractDoesNotListThem() throws Exception {
        assertThat(Files.readString(Path.of("docs/openapi.json"))).contains("/api/v1/dossiers").doesNotContain("/bench");
    }

    private static MockMultipartHttpServletRequestBuilder upload(String path) {
        return multipart(path)
                .file(new MockMultipartFile("component.1", "to-khai.pdf", "application/pdf", "%PDF-1.4\n".getBytes()))
                .param("procedureCode", "9.900001").param("form", "{}");
    }
}
