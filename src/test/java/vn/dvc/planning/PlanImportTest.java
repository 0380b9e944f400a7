package vn.dvc.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.DemoAccounts.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.IntegrationTest;

/**
 * Plan documents are imported as written, all or nothing, and their checks report exactly what does
 * not add up. Years used here: 2020–2021 (the seed), 2061–2066.
 */
@IntegrationTest
class PlanImportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PlanDocuments documents;

    /** Exactly four planted inconsistencies; every other figure adds up (the ratio only after rounding). */
    static String planted(String reference, int first) {
        int second = first + 1;
        return """
                record,level,name,agency_code,year,new_builds,upgrades,services,value
                document,,reference,,,,,,%1$s
                document,,title,,,,,,Kế hoạch thử nghiệm có số liệu cài sẵn
                document,,issued_on,,,,,,2060-11-18
                document,,first_year,,,,,,%2$d
                document,,last_year,,,,,,%3$d
                document,,procedures_total,,,,,,510
                document,,existing_level_4,,,,,,100
                document,,target_ratio,,,,,,30
                document,,stated_total,,,,,,60
                document,,stated_provided_total,,,,,,170
                document,,stated_ratio,,,,,,33.33
                level,PROVINCIAL,,,%2$d,10,5,,
                level,PROVINCIAL,,,%3$d,20,5,,
                level,PROVINCIAL,,,,,,40,
                agency,PROVINCIAL,Sở Tư pháp,000.00.03.H21,,,,15,
                agency,PROVINCIAL,Sở Tư pháp,000.00.03.H21,%2$d,5,5,,
                agency,PROVINCIAL,Sở Tư pháp,000.00.03.H21,%3$d,4,0,,
                agency,PROVINCIAL,Sở Y tế,000.00.16.H21,,,,25,
                level,DISTRICT,,,%2$d,7,,,
                level,DISTRICT,,,%3$d,3,1,,
                level,DISTRICT,,,,,,12,
                field,DISTRICT,Hộ tịch,,,,,6,
                field,DISTRICT,Đất đai,,,,,6,
                level,COMMUNE,,,%2$d,4,,,
                level,COMMUNE,,,%3$d,4,,,
                field,COMMUNE,Chứng thực,,,,,3,
                field,COMMUNE,Hộ tịch,,,,,4,
                """.formatted(reference, first, second);
    }

    RequestBuilder upload(String name, byte[] content) {
        return multipart("/api/v1/plans/import").file(new MockMultipartFile("file", name, "text/csv", content))
                .with(as(users, "dieuphoi.stttt")).with(csrf());
    }

    JsonNode checks(int year) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/plans/" + year + "/checks")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static List<String> triples(JsonNode checks) {
        return checks.valueStream().map(c -> c.get("where").asString() + " | " + number(c.get("expected")) + " | "
                + number(c.get("actual"))).toList();
    }

    static String number(JsonNode node) {
        return node.decimalValue().stripTrailingZeros().toPlainString();
    }

    @Test
    void theSeedPlanIsLoadedAsWrittenAndItsChecksSayWhatDoesNotAddUp() throws Exception {
        for (int year : new int[] {2020, 2021}) {
            assertThat(triples(checks(year))).containsExactly(
                    "2575/KH-UBND · UBND cấp huyện · tổng số dịch vụ so với số theo từng năm | 90 | 91",
                    "2575/KH-UBND · UBND cấp huyện · tổng số dịch vụ so với số theo từng lĩnh vực | 90 | 91",
                    "2575/KH-UBND · UBND cấp xã · tổng số dịch vụ so với số theo từng lĩnh vực | 54 | 53",
                    "2575/KH-UBND · tỷ lệ dịch vụ mức độ 4 so với tổng số thủ tục hành chính | 32.99 | 31.6");
        }
        // The computed ratio keeps the precision of the stated one.
        mvc.perform(get("/api/v1/plans/2021/checks"))
                .andExpect(content().string(containsString("\"expected\":32.99,\"actual\":31.60,")));
        assertThat(checks(2020).get(0).get("message").asString())
                .isEqualTo("Văn bản ghi 90 nhưng cộng các số thành phần (22 + 28 + 41) được 91.");
        assertThat(checks(2020).get(3).get("message").asString())
                .isEqualTo("Văn bản ghi tỷ lệ 32,99% nhưng 646 / 2.044 = 31,60%.");
        mvc.perform(get("/api/v1/plans/2020/checks").param("lang", "en"))
                .andExpect(jsonPath("$[3].message").value("The document states a ratio of 32.99%, but 646 / 2,044 = 31.60%."));

        mvc.perform(get("/api/v1/plans/2020")).andExpect(status().isOk())
                .andExpect(jsonPath("$.documents[0].reference").value("2575/KH-UBND"))
                .andExpect(jsonPath("$.documents[0].statedTotal").value(505))
                .andExpect(jsonPath("$.documents[0].statedRatio").value(32.99))
                .andExpect(jsonPath("$.documents[0].computedRatio").value(31.60))
                .andExpect(jsonPath("$.documents[0].levels[1].level").value("DISTRICT"))
                .andExpect(jsonPath("$.documents[0].levels[1].statedTotal").value(90))
                .andExpect(jsonPath("$.documents[0].levels[1].totalByYears").value(91))
                .andExpect(jsonPath("$.documents[0].levels[0].agencies", hasSize(17)));
        mvc.perform(get("/plans/2020")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Văn bản ghi 90 nhưng cộng các số thành phần (22 + 28 + 41) được 91.")))
                .andExpect(content().string(containsString("Đã so sánh 9 số liệu với các số thành phần; 4 số không khớp.")));
    }

    @Test
    void theSampleFileOfTheDocumentationIsTheDemoData() throws IOException {
        assertThat(Files.readString(Path.of("docs/samples/ke-hoach-2575-KH-UBND.csv")))
                .isEqualTo(Files.readString(Path.of("src/main/resources/demo/plan-2575-KH-UBND.csv")));
    }

    @Test
    void reportsExactlyThePlantedInconsistencies() throws Exception {
        mvc.perform(upload("planted.csv", planted("TEST/PLANTED-CSV", 2061).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value("TEST/PLANTED-CSV"))
                .andExpect(jsonPath("$.checks", hasSize(4)));
        assertThat(triples(checks(2062))).containsExactly(
                "TEST/PLANTED-CSV · Cấp tỉnh (sở, ban, ngành) · Sở Tư pháp · tổng so với số theo từng năm | 15 | 14",
                "TEST/PLANTED-CSV · UBND cấp huyện · tổng số dịch vụ so với số theo từng năm | 12 | 11",
                "TEST/PLANTED-CSV · UBND cấp xã · tổng số dịch vụ so với số theo từng lĩnh vực | 8 | 7",
                "TEST/PLANTED-CSV · tổng số dịch vụ mức độ 4 được cung cấp so với số xây dựng cộng số hiện có | 170 | 160");
        assertThat(checks(2062).get(2).get("message").asString())
                .isEqualTo("Cộng theo từng năm được 8 nhưng cộng các số chi tiết (3 + 4) được 7.");
    }

    @Test
    void readsTheSamePlanFromAWorkbook() throws Exception {
        byte[] workbook = xlsx(planted("TEST/PLANTED-XLSX", 2063));
        mvc.perform(multipart("/api/v1/plans/import").file(new MockMultipartFile("file", "planted.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
                        .with(as(users, "dieuphoi.stttt")).with(csrf()))
                .andExpect(status().isCreated());
        assertThat(triples(checks(2063))).extracting(s -> s.substring(s.indexOf('|')))
                .containsExactly("| 15 | 14", "| 12 | 11", "| 8 | 7", "| 170 | 160");
    }

    @Test
    void anInvalidFileChangesNothingAndSaysWhereItIsWrong() throws Exception {
        mvc.perform(upload("valid.csv", planted("TEST/INVALID", 2065).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated());
        long lines = jdbc.sql("select count(*) from plan_document_line").query(Long.class).single();
        long audit = jdbc.sql("select count(*) from plan_audit").query(Long.class).single();

        String broken = planted("TEST/INVALID", 2065).replace("level,DISTRICT,,,2065,7,,,", "level,DISTRICT,,,2065,bảy,,,")
                .replace("field,COMMUNE,Hộ tịch,,,,,4,", "field,XA PHUONG,Hộ tịch,,,,,4,")
                .replace("document,,stated_total,,,,,,60\n", "");
        mvc.perform(upload("broken.csv", broken.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("rows[19].new_builds"))
                .andExpect(jsonPath("$.errors[0].message").value("Dòng 19, cột new_builds: «bảy» không phải số nguyên không âm."))
                .andExpect(jsonPath("$.errors[1].field").value("rows[27].level"))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "Dòng 27, cột level: «XA PHUONG» không phải cấp hợp lệ (PROVINCIAL, DISTRICT, COMMUNE)."));

        assertThat(jdbc.sql("select count(*) from plan_document_line").query(Long.class).single()).isEqualTo(lines);
        assertThat(jdbc.sql("select count(*) from plan_audit").query(Long.class).single()).isEqualTo(audit);
        PlanDocumentContent kept = documents.find("TEST/INVALID").orElseThrow().content();
        assertThat(kept.statedTotal()).isEqualTo(60);
        assertThat(kept.lines()).hasSize(16);
    }

    @Test
    void onlyTheProvincialCoordinatorImports() throws Exception {
        byte[] file = planted("TEST/NOT-ALLOWED", 2066).getBytes(StandardCharsets.UTF_8);
        for (String account : List.of("quantri.stp", "admin", "congdan")) {
            mvc.perform(multipart("/api/v1/plans/import").file(new MockMultipartFile("file", "p.csv", "text/csv", file))
                    .with(as(users, account)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/api/v1/plans/import").file(new MockMultipartFile("file", "p.csv", "text/csv", file))
                .with(as(users, "dieuphoi.stttt"))).andExpect(status().isForbidden());
        assertThat(documents.find("TEST/NOT-ALLOWED")).isEmpty();
    }

    @Test
    void theImportPageListsTheProblemsInVietnamese() throws Exception {
        mvc.perform(multipart("/admin/plans/import").file(new MockMultipartFile("file", "p.csv", "text/csv",
                        "record,level\n".getBytes(StandardCharsets.UTF_8)))
                        .with(as(users, "dieuphoi.stttt")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tệp chưa được nhập, không có gì thay đổi.")))
                .andExpect(content().string(containsString("Dòng 1: thiếu cột «agency_code».")));
        mvc.perform(get("/admin/plans/import").with(as(users, "quantri.stp"))).andExpect(status().isForbidden());
    }

    static byte[] xlsx(String csv) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Kế hoạch");
            int r = 0;
            for (String line : csv.split("\n")) {
                Row row = sheet.createRow(r++);
                String[] cells = line.split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].matches("\\d+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
