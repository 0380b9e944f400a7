package vn.dvc.catalogue;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.NotFoundException;

/** Importing procedure files from scripts; the report is the same the status page shows. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Quản trị thủ tục", description = "Nhập danh mục thủ tục từ tệp CSV, XLSX hoặc JSON")
class ProcedureFileApi {

    private final ProcedureImport imports;
    private final CurrentUser user;

    ProcedureFileApi(ProcedureImport imports, CurrentUser user) {
        this.imports = imports;
        this.user = user;
    }

    @ApiResponse(responseCode = "202", description = "đã nhận tệp; tiến độ và báo cáo ở địa chỉ trong header Location")
    @PostMapping(path = "/procedures/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Nhập tệp thủ tục", description = "Kiểm tra mọi dòng rồi mới ghi, tất cả hoặc không gì cả; "
            + "chạy nền, theo dõi tại Location.")
    ResponseEntity<Map<String, Object>> start(@RequestParam MultipartFile file) throws IOException {
        UUID id = imports.start(ProcedureFilePages.fileName(file), file.getBytes(), user.scope(), user.actor());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/imports/" + id))
                .body(Map.of("id", id, "status", ImportReport.Status.RUNNING));
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "Tiến độ và kết quả nhập tệp", description = "Lỗi theo dòng và cột, bằng tiếng Việt.")
    ImportReport report(@PathVariable UUID id) {
        return imports.report(id, user.scope(), user.actor())
                .orElseThrow(() -> new NotFoundException("catalogue.import.error.not-found"));
    }
}
