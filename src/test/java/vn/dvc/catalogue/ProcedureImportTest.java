package vn.dvc.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ImportReport.RowError;
import vn.dvc.catalogue.ImportReport.Status;

@IntegrationTest
class ProcedureImportTest extends ProcedureFileTest {

    @Test
    void changesNothingWhenOneRowBreaksARuleAndReportsThatRowAndColumn() throws Exception {
        long before = files.versionCount();
        byte[] file = ProcedureFiles.csv(List.of(
                ProcedureFiles.row("9.900001", "Thủ tục thử một", Map.of()),
                ProcedureFiles.row("9.900002", "Thủ tục thử hai", Map.of()),
                ProcedureFiles.row("9.900003", "Thủ tục thử ba", Map.of()),
                ProcedureFiles.row("9.900004", "Thủ tục thử bốn", Map.of("serviceLevel", "7"))));

        ImportReport report = files.importAs("dieuphoi.stttt", "thu-tuc.csv", file);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.errors()).extracting(RowError::row, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "serviceLevel"));
        assertThat(report.errors().get(0).message()).isEqualTo("Mức độ dịch vụ phải là số từ 1 đến 4.");
        assertThat(files.versionCount()).isEqualTo(before);
        assertThat(procedures.find("9.900001")).isEmpty();
    }

    @Test
    void reportsEveryRuleBrokenAndDuplicateCodesWithTheirRows() throws Exception {
        byte[] file = ProcedureFiles.csv(List.of(
                ProcedureFiles.row("9.900011", "", Map.of()),
                ProcedureFiles.row("9.900012", "Thủ tục thử", Map.of("onlineMode", "NONE", "directFee", "abc")),
                ProcedureFiles.row("9.900012", "Thủ tục thử lặp", Map.of())));

        ImportReport report = files.importAs("admin", "loi.csv", file);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.errors()).extracting(RowError::row, RowError::column).contains(
                org.assertj.core.groups.Tuple.tuple(2, "name"), org.assertj.core.groups.Tuple.tuple(3, "directFee"),
                org.assertj.core.groups.Tuple.tuple(4, "code"));
        assertThat(report.errors()).filteredOn(e -> e.row() == 4).first().extracting(RowError::message)
                .asString().contains("dòng 3");
    }

    @Test
    void createsNewProceduresThenVersionsOnlyTheChangedOne() throws Exception {
        ImportReport first = files.importAs("dieuphoi.stttt", "moi.csv", ProcedureFiles.csv(List.of(
                ProcedureFiles.row("9.900021", "Thủ tục mới một", Map.of()),
                ProcedureFiles.row("9.900022", "Thủ tục mới hai", Map.of("serviceLevel", "2", "onlineMode", "NONE",
                        "onlineDays", "", "onlineFee", "")))));
        assertThat(first.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.startedBy()).isEqualTo("dieuphoi.stttt");
        Procedure created = procedures.find("9.900021").orElseThrow();
        assertThat(created.versionNo()).isEqualTo(1);
        assertThat(created.content().channels()).extracting(ChannelTerms::channel)
                .containsExactly(Channel.DIRECT, Channel.ONLINE);
        assertThat(created.content().channels().get(1).fees()).containsExactly(new Fee(50000, "Lệ phí"));
        assertThat(created.content().channels().get(0).fees()).isEmpty();

        ImportReport second = files.importAs("dieuphoi.stttt", "sua.csv", ProcedureFiles.csv(List.of(
                ProcedureFiles.row("9.900021", "Thủ tục mới một (sửa tên)", Map.of()),
                ProcedureFiles.row("9.900022", "Thủ tục mới hai", Map.of("serviceLevel", "2", "onlineMode", "NONE",
                        "onlineDays", "", "onlineFee", "")))));

        assertThat(second.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(procedures.history("9.900021")).extracting(Procedure::versionNo, p -> p.content().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Thủ tục mới một (sửa tên)"),
                        org.assertj.core.groups.Tuple.tuple(1, "Thủ tục mới một"));
        assertThat(procedures.history("9.900022")).hasSize(1);
    }

    @Test
    void importsAnXlsxWorkbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            List<String> header = ProcedureFile.COLUMNS;
            List<String> row = ProcedureFiles.row("9.900031", "Thủ tục từ Excel", Map.of());
            var head = sheet.createRow(0);
            var data = sheet.createRow(1);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
                if (header.get(i).equals("serviceLevel")) {
                    data.createCell(i).setCellValue(4); // a number cell, as a user would type it
                } else {
                    data.createCell(i).setCellValue(row.get(i));
                }
            }
            workbook.write(out);
        }

        ImportReport report = files.importAs("admin", "thu-tuc.xlsx", out.toByteArray());

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
        assertThat(procedures.find("9.900031").orElseThrow().content().serviceLevel()).isEqualTo(ServiceLevel.LEVEL_4);
    }

    @Test
    void importsAJsonArray() throws Exception {
        String json = """
                [{"code": "9.900041", "name": "Thủ tục từ JSON", "field": "Chứng thực",
                  "leadAgencyCode": "000.00.03.H21",
                  "implementations": [{"level": "PROVINCIAL", "agencyCode": "000.00.03.H21"}, {"level": "COMMUNE"}],
                  "serviceLevel": 3, "onlineMode": "PARTIAL", "centrallyProvided": false,
                  "channels": [{"channel": "DIRECT", "processingTime": 2, "timeUnit": "WORKING_DAYS",
                                "feesKnown": true, "fees": []},
                               {"channel": "ONLINE", "processingTime": 8, "timeUnit": "WORKING_HOURS",
                                "feesKnown": true, "fees": [{"amountVnd": 10000, "description": "Phí chứng thực"}]}],
                  "components": [{"caseName": "Cá nhân", "components": [{"name": "Bản chính giấy tờ", "originals": 1,
                                  "copies": 1, "required": true}]}],
                  "legalBasis": "Nghị định 23/2015/NĐ-CP"}]
                """;

        ImportReport report = files.importAs("admin", "thu-tuc.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).isEmpty();
        ProcedureContent content = procedures.find("9.900041").orElseThrow().content();
        assertThat(content.channels().get(1)).isEqualTo(new ChannelTerms(Channel.ONLINE,
                new java.math.BigDecimal("8"), TimeUnit.WORKING_HOURS, List.of(new Fee(10000, "Phí chứng thực")), null));
        assertThat(content.components().get(0).caseName()).isEqualTo("Cá nhân");
    }

    @Test
    void agencyAdminCannotImportAProcedureLedByAnotherDepartment() throws Exception {
        long before = files.versionCount();
        byte[] file = ProcedureFiles.csv(List.of(
                ProcedureFiles.row("9.900051", "Thủ tục của Sở Tư pháp", Map.of()),
                ProcedureFiles.row("9.900052", "Thủ tục của sở khác", Map.of("leadAgencyCode", "000.00.04.H21",
                        "implementations", "PROVINCIAL:000.00.04.H21"))));

        ImportReport report = files.importAs("quantri.stp", "thu-tuc.csv", file);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.errors()).extracting(RowError::row, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "leadAgencyCode"));
        assertThat(report.errors().get(0).message()).contains("000.00.04.H21", "phạm vi");
        assertThat(files.versionCount()).isEqualTo(before);
    }

    @Test
    void agencyAdminCannotTakeOverAnotherDepartmentsProcedure() throws Exception {
        Procedure other = procedures.currentVersions(new ProcedureQuery(null, null, null, null, null, null, 0, 1), null, 2000).stream()
                .filter(p -> p.content().leadAgencyCode() != null && !p.content().leadAgencyCode().equals(ProcedureFiles.JUSTICE))
                .findFirst().orElseThrow();
        byte[] file = ProcedureFiles.csv(List.of(ProcedureFiles.row(other.code(), "Chiếm thủ tục", Map.of())));

        ImportReport report = files.importAs("quantri.stp", "thu-tuc.csv", file);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.errors()).extracting(RowError::column).contains("code");
        assertThat(procedures.find(other.code()).orElseThrow().versionNo()).isEqualTo(other.versionNo());
    }

    @Test
    void applicantsMayNotImport() throws Exception {
        mvc.perform(multipart("/api/v1/admin/procedures/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", ProcedureFiles.csv(List.of())))
                        .with(user(users.loadUserByUsername("congdan"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/procedures/import").with(user(users.loadUserByUsername("congdan"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnExecutableRenamedCsvAndAnEmptyFile() throws Exception {
        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        mvc.perform(multipart("/api/v1/admin/procedures/import")
                        .file(new MockMultipartFile("file", "thu-tuc.csv", "text/csv", executable))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Tệp có đuôi .csv nhưng nội dung không phải văn bản CSV mã hoá UTF-8."));
        mvc.perform(multipart("/api/v1/admin/procedures/import")
                        .file(new MockMultipartFile("file", "thu-tuc.csv", "text/csv", new byte[0]))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Tệp rỗng: không có gì để nhập."));
        mvc.perform(multipart("/admin/procedures/import")
                        .file(new MockMultipartFile("file", "virus.exe", "application/octet-stream", executable))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Chỉ nhận tệp .csv, .xlsx hoặc .json.")));
    }

    @Test
    void refusesAFileOverTwentyMegabytes() {
        byte[] large = new byte[(int) FileFormat.MAX_BYTES + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FileFormat.detect("lon.csv", large))
                .isInstanceOf(vn.dvc.shared.InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "catalogue.import.error.too-large");
    }

    @Test
    void showsAnImportedScriptNameEscaped() throws Exception {
        ImportReport report = files.importAs("admin", "xss.csv", ProcedureFiles.csv(List.of(
                ProcedureFiles.row("9.900061", "<script>alert(1)</script>", Map.of()))));
        assertThat(report.status()).isEqualTo(Status.SUCCEEDED);

        String page = mvc.perform(get("/procedures/9.900061")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void uploadPageRedirectsToAStatusPageWithProgressAndErrors() throws Exception {
        var admin = user(users.loadUserByUsername("dieuphoi.stttt"));
        mvc.perform(get("/admin/procedures/import").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("type=\"file\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"serviceLevel\"")));
        String location = mvc.perform(multipart("/admin/procedures/import")
                        .file(new MockMultipartFile("file", "trang.csv", "text/csv", ProcedureFiles.csv(List.of(
                                ProcedureFiles.row("9.900071", "Thủ tục", Map.of("onlineMode", "GẦN ĐỦ"))))))
                        .with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/procedures/import/*"))
                .andReturn().getResponse().getRedirectedUrl();
        files.finished(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));

        String page = mvc.perform(get(location).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("<progress", "import-errors", "onlineMode", "GẦN ĐỦ");
    }

    @Test
    void anImportIsVisibleOnlyToWhoStartedItOrTheProvince() throws Exception {
        ImportReport report = files.importAs("admin", "rieng.csv", ProcedureFiles.csv(List.of(
                ProcedureFiles.row("9.900081", "Thủ tục", Map.of()))));

        mvc.perform(get("/api/v1/admin/imports/" + report.id()).with(user(users.loadUserByUsername("quantri.stp"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Không tìm thấy lần nhập này."));
        mvc.perform(get("/api/v1/admin/imports/" + report.id()).with(user(users.loadUserByUsername("dieuphoi.stttt"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.totalRows").value(1))
                .andExpect(jsonPath("$.processedRows").value(1))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void marksImportsLeftRunningByARestartAsFailed() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into catalogue_import(id, file_name, format, status, started_by, started_at)
                values (?, 'bi-ngat.csv', 'CSV', 'RUNNING', 'admin', ?)
                """).params(id, Timestamp.from(Instant.now())).update();

        imports.failInterruptedImports();

        ImportReport report = files.finished(id);
        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.errors()).extracting(RowError::message).first().asString().contains("khởi động lại");
    }
}
