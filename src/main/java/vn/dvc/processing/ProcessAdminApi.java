package vn.dvc.processing;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.InvalidInputException;

@RestController
@Tag(name = "Quản trị quy trình nội bộ", description = "Quy trình mặc định của cơ quan và quy trình riêng của thủ tục")
class ProcessAdminApi {

    record StepBody(String name, String role, Integer budgetPercent, Boolean maySendBack) {
    }

    record DefinitionBody(List<StepBody> steps, Integer rowVersion) {
    }

    record DefinitionView(String agencyCode, String procedureCode, boolean builtIn, List<ProcessStep> steps,
            OffsetDateTime updatedAt, String updatedBy, int rowVersion) {
    }

    private final ProcessDefinitions definitions;
    private final CurrentUser currentUser;

    ProcessAdminApi(ProcessDefinitions definitions, CurrentUser currentUser) {
        this.definitions = definitions;
        this.currentUser = currentUser;
    }

    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "not-found: không có cơ quan này trong phạm vi quản trị "
            + "(quản trị hệ thống: cần ghi agency)")
    @GetMapping("/api/v1/admin/processes")
    @Operation(summary = "Quy trình nội bộ của cơ quan", description = "Quy trình mặc định (builtIn khi cơ quan chưa "
            + "tự định nghĩa) và các quy trình riêng theo thủ tục. agency: mặc định là cơ quan của người quản trị.")
    List<DefinitionView> list(@RequestParam(required = false) String agency) {
        AccountPrincipal admin = admin();
        return definitions.ofAgency(agency(admin, agency), admin.scope()).stream().map(ProcessAdminApi::view).toList();
    }

    @ApiConflict("quy trình đã được người khác sửa (rowVersion cũ)")
    @PutMapping("/api/v1/admin/processes/{agency}/default")
    @Operation(summary = "Lưu quy trình mặc định của cơ quan", description = "{steps: [{name, role: SPECIALIST/LEADER/"
            + "RECEPTION_OFFICER, budgetPercent, maySendBack}], rowVersion?}: tổng budgetPercent bằng 100, bước cuối do "
            + "LEADER phê duyệt, bước đầu không trả lại được. Lỗi: 400 với từng trường.")
    DefinitionView saveDefault(@PathVariable String agency, @RequestBody(required = false) DefinitionBody body) {
        return save(agency, null, body);
    }

    @ApiConflict("quy trình đã được người khác sửa (rowVersion cũ)")
    @PutMapping("/api/v1/admin/processes/{agency}/procedures/{procedureCode}")
    @Operation(summary = "Lưu quy trình riêng của một thủ tục", description = "Thay cho quy trình mặc định với hồ sơ "
            + "của thủ tục này tại cơ quan, từ lần tiếp nhận sau. Nội dung như quy trình mặc định.")
    DefinitionView saveForProcedure(@PathVariable String agency, @PathVariable String procedureCode,
            @RequestBody(required = false) DefinitionBody body) {
        return save(agency, procedureCode, body);
    }

    @ApiResponse(responseCode = "204", description = "đã xoá, thủ tục dùng lại quy trình mặc định")
    @DeleteMapping("/api/v1/admin/processes/{agency}/procedures/{procedureCode}")
    @Operation(summary = "Bỏ quy trình riêng của thủ tục", description = "Hồ sơ tiếp nhận sau theo quy trình mặc định.")
    ResponseEntity<Void> remove(@PathVariable String agency, @PathVariable String procedureCode) {
        AccountPrincipal admin = admin();
        definitions.remove(agency, procedureCode, admin.scope(), admin.getUsername());
        return ResponseEntity.noContent().build();
    }

    private DefinitionView save(String agency, String procedureCode, DefinitionBody body) {
        AccountPrincipal admin = admin();
        if (body == null) {
            throw new InvalidInputException(List.of(new vn.dvc.shared.ProblemException.FieldProblem("steps",
                    "processing.definition.steps-required")));
        }
        List<ProcessDefinitions.StepInput> steps = body.steps() == null ? List.of() : body.steps().stream()
                .map(s -> s == null ? null : new ProcessDefinitions.StepInput(s.name() == null ? "" : s.name(), s.role(),
                        s.budgetPercent() == null ? "" : String.valueOf(s.budgetPercent()),
                        Boolean.TRUE.equals(s.maySendBack())))
                .toList();
        return view(definitions.save(agency, procedureCode, steps, body.rowVersion(), admin.scope(),
                admin.getUsername()));
    }

    private static DefinitionView view(ProcessDefinition d) {
        return new DefinitionView(d.agencyCode(), d.procedureCode(), d.builtIn(), d.steps(),
                d.updatedAt() == null ? null : ProcessingApi.time(d.updatedAt()), d.updatedBy(), d.rowVersion());
    }

    private static String agency(AccountPrincipal admin, String asked) {
        return asked != null && !asked.isBlank() ? asked.strip() : admin.agencyCode();
    }

    private AccountPrincipal admin() {
        return currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
    }
}
