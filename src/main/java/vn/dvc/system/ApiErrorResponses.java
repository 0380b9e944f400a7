package vn.dvc.system;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import vn.dvc.shared.ApiAnswersUnknownCodes;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.ProblemDocumentation;

/**
 * Declares in the OpenAPI file the error answers every operation can really give, derived from its mapping
 * rather than written on each endpoint: 400 for all (a parameter, address or body the server cannot take),
 * 404 where the address names something (a path variable; not where the operation answers an unknown code in
 * its body, {@link ApiAnswersUnknownCodes}), 415 where a body is read, 413 where files are
 * uploaded, 409 where the endpoint says so ({@link ApiConflict}), 500 for all; every error answer, these and
 * those an endpoint declares itself ({@code @ApiResponse}: 429 ...), as
 * {@code application/problem+json} with the shared Problem schema. Who may call (401, 403) is declared by
 * the identity module, which owns the rules. {@code ApiErrorDeclarationsTest} fires bad requests at every
 * operation and checks each answer is declared.
 */
@Component
class ApiErrorResponses implements OperationCustomizer, OpenApiCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        add(responses, "400", "invalid-input: tham số, địa chỉ hoặc dữ liệu gửi lên không hợp lệ (errors: từng trường)");
        boolean answersUnknownCodes = handler.hasMethodAnnotation(ApiAnswersUnknownCodes.class);
        if (has(handler, PathVariable.class) && !answersUnknownCodes) {
            add(responses, "404", "not-found: không có (hoặc người gọi không được xem) đối tượng mang mã này");
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        List<String> consumes = mapping == null ? List.of() : List.of(mapping.consumes());
        boolean multipart = consumes.stream().anyMatch(type -> type.startsWith("multipart/"));
        if (!consumes.isEmpty() || has(handler, RequestBody.class)) {
            add(responses, "415", "unsupported-media-type: Content-Type không phải "
                    + (consumes.isEmpty() ? "application/json" : String.join(", ", consumes)));
        }
        ApiConflict conflict = handler.getMethodAnnotation(ApiConflict.class);
        if (conflict != null) {
            add(responses, "409", "conflict: " + conflict.value());
        }
        if (multipart) {
            add(responses, "413", "too-large: tệp hoặc yêu cầu vượt quá dung lượng cho phép (25 MB)");
        }
        add(responses, "500", "error: lỗi của hệ thống");
        return operation;
    }

    /** Every error answer, declared here, by the identity module or on the endpoint, carries the Problem body. */
    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        ProblemDocumentation.declareSchema(api);
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        response.setContent(ProblemDocumentation.content());
                    }
                });
            }
        }));
    }

    private static boolean has(HandlerMethod handler, Class<? extends Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, ProblemDocumentation.response(description));
    }
}
