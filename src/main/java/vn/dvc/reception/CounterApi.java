package vn.dvc.reception;

import java.net.URI;
import java.time.OffsetDateTime;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CounterApplicants;
import vn.dvc.identity.CounterApplicants.CounterApplicant;
import vn.dvc.identity.CounterApplicants.CounterOrganisation;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;

@RestController
@Tag(name = "Tiếp nhận hồ sơ", description = "Hàng đợi và thao tác của cán bộ tiếp nhận (chỉ hồ sơ của cơ quan mình)")
class CounterApi {

    record RegisteredAnswer(String dossierCode, String channel, DossierStatus status, int nationalStatus,
            boolean accountCreated, OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime dueAt,
            String receiptUrl) {
    }

    private final CounterRegistration registration;
    private final CurrentUser currentUser;

    CounterApi(CounterRegistration registration, CurrentUser currentUser) {
        this.registration = registration;
        this.currentUser = currentUser;
    }

    @ApiConflict("hồ sơ chưa tiếp nhận được ở tình trạng hiện tại")
    // The applicant's fields are read from the request (citizen or organisation); declared here for the API file.
    @Parameter(name = "applicantFullName", in = ParameterIn.QUERY, description = "công dân: họ và tên")
    @Parameter(name = "applicantCitizenId", in = ParameterIn.QUERY, description = "công dân: số căn cước (12 chữ số)")
    @Parameter(name = "applicantDateOfBirth", in = ParameterIn.QUERY, description = "công dân: ngày sinh (dd/MM/yyyy)")
    @Parameter(name = "applicantSex", in = ParameterIn.QUERY, description = "công dân: MALE hoặc FEMALE",
            schema = @Schema(allowableValues = {"MALE", "FEMALE"}))
    @Parameter(name = "applicantTaxCode", in = ParameterIn.QUERY,
            description = "tổ chức: mã số thuế (10 chữ số hoặc dddddddddd-ddd)")
    @Parameter(name = "applicantOrganisationName", in = ParameterIn.QUERY,
            description = "tổ chức: tên tổ chức, doanh nghiệp")
    @Parameter(name = "applicantRepresentative", in = ParameterIn.QUERY,
            description = "tổ chức: họ tên người đại diện theo pháp luật")
    @Parameter(name = "applicantRepresentativeCitizenId", in = ParameterIn.QUERY,
            description = "tổ chức: số căn cước của người đại diện")
    @Parameter(name = "applicantRepresentativePosition", in = ParameterIn.QUERY,
            description = "tổ chức: chức vụ của người đại diện")
    @Parameter(name = "applicantPhone", in = ParameterIn.QUERY, description = "số điện thoại")
    @Parameter(name = "applicantEmail", in = ParameterIn.QUERY, description = "thư điện tử (không bắt buộc)")
    @Parameter(name = "applicantAddress", in = ParameterIn.QUERY, description = "địa chỉ")
    @PostMapping(path = "/api/v1/reception/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Tiếp nhận hồ sơ trực tiếp hoặc qua bưu chính", description = "Cán bộ tiếp nhận đăng ký hồ sơ "
            + "cho người nộp tại quầy (channel=DIRECT) hoặc gửi qua bưu chính (POSTAL), chỉ thủ tục cơ quan mình tiếp "
            + "nhận. multipart: procedureCode, channel, caseIndex, form (JSON), receive (true: tiếp nhận ngay), "
            + "applicantKind (CITIZEN: công dân, mặc định; ORGANISATION: tổ chức, doanh nghiệp); công dân: "
            + "applicantFullName, applicantCitizenId, applicantDateOfBirth, applicantSex (MALE/FEMALE), "
            + "applicantPhone, applicantEmail (không bắt buộc), applicantAddress; tổ chức: applicantTaxCode (10 "
            + "chữ số hoặc dddddddddd-ddd), applicantOrganisationName, applicantAddress, applicantPhone, "
            + "applicantEmail (không bắt buộc), applicantRepresentative (họ tên người đại diện theo pháp luật), "
            + "applicantRepresentativeCitizenId, applicantRepresentativePosition; bản chụp giấy tờ ở các phần "
            + "component.<số thứ tự thành phần, từ 1>. Người nộp được tìm theo số căn cước hoặc mã số thuế (tên "
            + "phải khớp); người chưa có tài khoản được tạo tài khoản không mật khẩu (ADR 0016). "
            + "Header Idempotency-Key (không bắt buộc, tối đa 100 ký tự, riêng cho từng người nộp: cùng khoá cho "
            + "người nộp khác là yêu cầu khác): gửi "
            + "lại đúng yêu cầu với cùng khoá không tạo hồ sơ thứ hai mà trả 200 với hồ sơ đã tạo (không tiếp nhận "
            + "lại), kể cả khi hai yêu cầu đến cùng lúc; yêu cầu giống nhau khi cùng thủ tục, kênh, trường hợp, nội "
            + "dung tờ khai (không kể khoảng trắng và thứ tự các khoá JSON) và cùng tệp theo từng thành phần (so bằng "
            + "SHA-256). Dùng lại khoá cho một yêu cầu khác bị từ chối với 422 (code idempotency-key-reused), không "
            + "tạo gì.")
    @ApiResponse(responseCode = "201", description = "hồ sơ mới (header Location: hồ sơ trong hàng đợi)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegisteredAnswer.class)))
    @ApiResponse(responseCode = "200", description = "gửi lại cùng Idempotency-Key: hồ sơ đã tạo trước đó",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegisteredAnswer.class)))
    @ApiResponse(responseCode = "400", description = "dữ liệu không hợp lệ (errors: từng trường)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key đã dùng cho một yêu cầu khác (code "
            + "idempotency-key-reused); không tạo hồ sơ nào", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<RegisteredAnswer> register(@RequestParam(required = false) String procedureCode,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false, defaultValue = "0") int caseIndex,
            @RequestParam(required = false) String form,
            @RequestParam(required = false, defaultValue = "false") boolean receive,
            @io.swagger.v3.oas.annotations.Parameter(description = "người nộp: CITIZEN (công dân, mặc định) hoặc "
                    + "ORGANISATION (tổ chức, doanh nghiệp)", schema = @Schema(allowableValues = {"CITIZEN",
                    "ORGANISATION"}, defaultValue = "CITIZEN"))
            // Described here for the API's clients; read with the other applicant fields by applicant(request).
            @RequestParam(required = false, defaultValue = "CITIZEN") String applicantKind,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            MultipartHttpServletRequest request) {
        AccountPrincipal officer = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        CounterRegistration.Registered done = registration.register(officer, new CounterRegistration.Registration(
                applicant(request), procedureCode == null ? "" : procedureCode.strip(), channel(channel), caseIndex,
                form, receive, idempotencyKey), CounterPages.uploads(request.getMultiFileMap()));
        Dossier d = done.dossier();
        return ResponseEntity.status(done.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/queue/" + d.code()))
                .body(new RegisteredAnswer(d.code(), d.channel().name(), d.status(), d.status().national(),
                        done.accountCreated(), ReceptionApi.time(d.submittedAt()), ReceptionApi.time(d.receivedAt()),
                        ReceptionApi.time(d.dueAt()), d.receivedAt() == null ? null : ReceptionApi.receiptUrl(d)));
    }

    /** The applicant of the request: a citizen unless {@code applicantKind} is ORGANISATION. */
    static CounterApplicants.Applicant applicant(jakarta.servlet.http.HttpServletRequest request) {
        String kind = request.getParameter("applicantKind");
        if ("ORGANISATION".equals(kind)) {
            return new CounterOrganisation(request.getParameter("applicantTaxCode"),
                    request.getParameter("applicantOrganisationName"), request.getParameter("applicantAddress"),
                    request.getParameter("applicantPhone"), request.getParameter("applicantEmail"),
                    request.getParameter("applicantRepresentative"),
                    request.getParameter("applicantRepresentativeCitizenId"),
                    request.getParameter("applicantRepresentativePosition"));
        }
        if (kind != null && !kind.isBlank() && !"CITIZEN".equals(kind)) {
            throw new InvalidInputException(java.util.List.of(
                    new FieldProblem("applicantKind", "reception.counter.kind-unknown")));
        }
        return new CounterApplicant(request.getParameter("applicantFullName"),
                request.getParameter("applicantCitizenId"), request.getParameter("applicantDateOfBirth"),
                request.getParameter("applicantSex"), request.getParameter("applicantPhone"),
                request.getParameter("applicantEmail"), request.getParameter("applicantAddress"));
    }

    static vn.dvc.catalogue.Channel channel(String text) {
        if ("DIRECT".equals(text) || "POSTAL".equals(text)) {
            return vn.dvc.catalogue.Channel.valueOf(text);
        }
        throw new InvalidInputException(java.util.List.of(new FieldProblem("channel", "reception.counter.channel-required")));
    }
}
