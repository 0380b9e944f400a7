package vn.dvc.catalogue;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.identity.AgencyScope;

/** Builds procedure files and drives imports for the import and export tests. */
final class ProcedureFiles {

    static final String JUSTICE = "000.00.03.H21";

    private final MockMvc mvc;
    private final UserDetailsService users;
    private final ProcedureImport imports;
    private final JdbcClient jdbc;

    ProcedureFiles(MockMvc mvc, UserDetailsService users, ProcedureImport imports, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.imports = imports;
        this.jdbc = jdbc;
    }

    /** A valid row led by the Department of Justice; {@code overrides} replace columns by name. */
    static List<String> row(String code, String name, Map<String, String> overrides) {
        List<String> cells = new ArrayList<>();
        for (String column : ProcedureFile.COLUMNS) {
            String value = switch (column) {
                case "code" -> code;
                case "name" -> name;
                case "field" -> "Hộ tịch";
                case "leadAgencyCode" -> JUSTICE;
                case "implementations" -> "PROVINCIAL:" + JUSTICE + ";COMMUNE";
                case "serviceLevel" -> "4";
                case "onlineMode" -> "FULL";
                case "centrallyProvided" -> "không";
                case "directDays", "onlineDays" -> "5";
                case "directUnit" -> "WORKING_DAYS";
                case "directFee" -> "0";
                case "onlineFee" -> "50000 Lệ phí";
                case "components" -> "[{\"caseName\":null,\"components\":[{\"name\":\"Tờ khai\",\"originals\":1,"
                        + "\"copies\":0,\"required\":true}]}]";
                case "steps" -> "Bước 1: nộp hồ sơ.\nBước 2: nhận kết quả.";
                case "legalBasis" -> "Luật Hộ tịch năm 2014";
                case "sourceUrl" -> "https://dichvucong.gov.vn/";
                default -> "";
            };
            cells.add(overrides.getOrDefault(column, value));
        }
        return cells;
    }

    static byte[] csv(List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(ProcedureFile.COLUMNS);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads through the API as {@code username} and waits for the import to finish. */
    ImportReport importAs(String username, String fileName, byte[] content) throws Exception {
        String body = mvc.perform(multipart("/api/v1/admin/procedures/import")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .with(user(users.loadUserByUsername(username))).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonMapper.builder().build().readTree(body).get("id").asString());
        return finished(id);
    }

    ImportReport finished(UUID id) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> imports.report(id, AgencyScope.PROVINCE, "test").orElseThrow(), r -> !r.running());
    }

    long versionCount() {
        return jdbc.sql("select count(*) from procedure_version").query(Long.class).single();
    }

    long versionCount(String codePrefix) {
        return jdbc.sql("""
                select count(*) from procedure_version v join procedure p on p.id = v.procedure_id
                 where p.code like ?
                """).param(codePrefix + "%").query(Long.class).single();
    }
}
