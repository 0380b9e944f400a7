package vn.dvc.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ImportReport.Status;

@IntegrationTest
class ProcedureExportTest extends ProcedureFileTest {

    /** Downloads an export as the system administrator; {@code filters} are name, value pairs. */
    private byte[] export(String format, String contentType, String... filters) throws Exception {
        var request = get("/admin/procedures/export").param("format", format);
        for (int i = 0; i < filters.length; i += 2) {
            request.param(filters[i], filters[i + 1]);
        }
        return mvc.perform(request.with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(contentType)))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("attachment"),
                                org.hamcrest.Matchers.containsString("." + format))))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theWholeCatalogueExportedAsCsvReimportsWithoutChanges() throws Exception {
        long before = files.versionCount();
        long current = jdbc.sql("select count(*) from procedure_version where is_current").query(Long.class).single();

        ImportReport report = files.importAs("admin", "xuat.csv", export("csv", "text/csv"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(report.unchanged()).isEqualTo((int) current);
        assertThat(report.created() + report.updated()).isZero();
        assertThat(files.versionCount()).isEqualTo(before);
    }

    @Test
    void anXlsxExportOfOneAgencyReimportsWithoutChanges() throws Exception {
        byte[] xlsx = export("xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "agency", ProcedureFiles.JUSTICE);

        ImportReport report = files.importAs("quantri.stp", "xuat.xlsx", xlsx);

        assertThat(report.errors()).isEmpty();
        assertThat(report.unchanged()).isPositive().isEqualTo(report.totalRows());
        assertThat(report.created() + report.updated()).isZero();
    }

    @Test
    void aJsonExportOfOneServiceLevelReimportsWithoutChanges() throws Exception {
        byte[] json = export("json", "application/json", "serviceLevel", "4");

        ImportReport report = files.importAs("admin", "xuat.json", json);

        assertThat(report.errors()).isEmpty();
        assertThat(report.unchanged()).isPositive().isEqualTo(report.totalRows());
        assertThat(report.created() + report.updated()).isZero();
    }

    @Test
    void filtersTheExportLikeTheSearch() throws Exception {
        String csv = new String(export("csv", "text/csv", "serviceLevel", "1", "field", "Hộ tịch"),
                java.nio.charset.StandardCharsets.UTF_8);
        long expected = jdbc.sql("select count(*) from procedure_version where is_current and service_level = 1 "
                + "and field = 'Hộ tịch'").query(Long.class).single();

        assertThat(org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.substring(1))).getRecords())
                .hasSize((int) expected)
                .allSatisfy(r -> assertThat(r.get("serviceLevel")).isEqualTo("1"));
    }
}
