package vn.dvc.shared;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * How the OpenAPI file describes an error answer: {@code application/problem+json} with the one shared
 * {@code Problem} schema, the shape every error of the API has (ApiProblems, ApiErrorController, the request
 * filters and the container's own refusals).
 */
public final class ProblemDocumentation {

    public static final String SCHEMA = "Problem";
    public static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ProblemDocumentation() {
    }

    /** Adds the Problem schema to the document, once. */
    public static void declareSchema(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        if (api.getComponents().getSchemas() != null && api.getComponents().getSchemas().containsKey(SCHEMA)) {
            return;
        }
        Schema<?> field = new ObjectSchema().addProperty("field", new StringSchema().description("tên trường"))
                .addProperty("message", new StringSchema().description("lỗi của trường, tiếng Việt"));
        field.setRequired(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457: lỗi của API, detail bằng tiếng Việt (tiếng Anh khi đã chọn ?lang=en)")
                .addProperty("type", new StringSchema().example("urn:dvc:problem:not-found")
                        .description("urn:dvc:problem:<code>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("địa chỉ đã gọi"))
                .addProperty("code", new StringSchema().example("not-found").description(
                        "mã ổn định: invalid-input, unauthorized, invalid-token, forbidden, csrf, not-found, "
                                + "method-not-allowed, not-acceptable, conflict, too-large, uri-too-long, "
                                + "unsupported-media-type, too-many-requests, headers-too-large, error"))
                .addProperty("errors", new ArraySchema().items(field)
                        .description("invalid-input: từng trường không hợp lệ, khi có"));
        problem.setRequired(List.of("type", "title", "status", "code"));
        api.getComponents().addSchemas(SCHEMA, problem);
    }

    /** An error answer with the given description and the Problem body. */
    public static ApiResponse response(String description) {
        return new ApiResponse().description(description).content(content());
    }

    public static Content content() {
        return new Content().addMediaType(MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
    }
}
