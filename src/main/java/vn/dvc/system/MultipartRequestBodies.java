package vn.dvc.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * An endpoint that takes {@code multipart/form-data} reads its fields as request parameters and its files from
 * the request's parts; springdoc describes the fields as query parameters and the files not at all, so a
 * client generated from the OpenAPI file would send the fields in the address and no file. Here the fields
 * become the properties of a {@code multipart/form-data} request body (with their types, descriptions and
 * required flags) and the files its additional properties (binary parts, named as the operation's description
 * says: {@code component.<n>}, {@code item.<n>}, {@code file}). Headers and path variables stay parameters.
 */
@Component
class MultipartRequestBodies implements OperationCustomizer, Ordered {

    static final String MULTIPART = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        if (mapping == null || !List.of(mapping.consumes()).contains(MULTIPART) || operation.getParameters() == null) {
            return operation;
        }
        ObjectSchema body = existingBody(operation);
        List<String> required = new ArrayList<>(body.getRequired() == null ? List.of() : body.getRequired());
        for (Iterator<Parameter> it = operation.getParameters().iterator(); it.hasNext();) {
            Parameter parameter = it.next();
            if (!"query".equals(parameter.getIn())) {
                continue;
            }
            it.remove();
            Schema<?> field = parameter.getSchema() == null ? new StringSchema() : parameter.getSchema();
            if (parameter.getDescription() != null) {
                field.setDescription(parameter.getDescription());
            }
            body.addProperty(parameter.getName(), field);
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                required.add(parameter.getName());
            }
        }
        if (body.getAdditionalProperties() == null && (body.getProperties() == null
                || body.getProperties().values().stream().noneMatch(p -> "binary".equals(p.getFormat())))) {
            body.setAdditionalProperties(new StringSchema().format("binary")
                    .description("tệp đính kèm: mỗi phần một tệp, tên phần theo mô tả của thao tác"));
        }
        body.setRequired(required.isEmpty() ? null : required);
        operation.setRequestBody(new RequestBody().required(true)
                .content(new Content().addMediaType(MULTIPART, new MediaType().schema(body))));
        if (operation.getParameters().isEmpty()) {
            operation.setParameters(null);
        }
        return operation;
    }

    /** The body springdoc already describes (a {@code MultipartFile} parameter), or a new one. */
    private static ObjectSchema existingBody(Operation operation) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType media = operation.getRequestBody().getContent().get(MULTIPART);
            if (media != null && media.getSchema() instanceof ObjectSchema object) {
                return object;
            }
            if (media != null && media.getSchema() != null && media.getSchema().getProperties() != null) {
                Schema<?> described = media.getSchema();
                ObjectSchema copy = new ObjectSchema();
                described.getProperties().forEach((name, schema) -> copy.addProperty(name, schema));
                copy.setRequired(described.getRequired());
                return copy;
            }
        }
        return new ObjectSchema();
    }
}
