package vn.dvc.identity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

import vn.dvc.shared.ProblemDocumentation;

/**
 * Declares in the OpenAPI file who may call each operation, asking the security rules themselves
 * ({@link SecurityConfiguration}, through Spring Security's privilege evaluator) rather than repeating them:
 * a {@code security} requirement (the session cookie, or a bearer token where systems are let in) and 403 on
 * operations closed to anonymous callers; 403 {@code csrf} on state changes that need the token; 401 on every
 * operation, since an unusable bearer token is refused even where no sign-in is needed.
 */
@Component
class ApiAccessResponses implements OpenApiCustomizer {

    static final String SESSION = "session";
    static final String BEARER = "bearer";
    private static final Set<PathItem.HttpMethod> SAFE = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS, PathItem.HttpMethod.TRACE);

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> rules;

    ApiAccessResponses(ObjectProvider<WebInvocationPrivilegeEvaluator> rules) {
        this.rules = rules;
    }

    @Override
    public void customise(OpenAPI api) {
        WebInvocationPrivilegeEvaluator evaluator = rules.getIfAvailable();
        if (api.getPaths() == null || evaluator == null) {
            return;
        }
        ProblemDocumentation.declareSchema(api);
        api.getComponents()
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                        .description("Phiên đăng nhập (POST /login với username, password và _csrf). Mọi yêu cầu "
                                + "thay đổi dữ liệu gửi kèm tiêu đề X-XSRF-TOKEN bằng giá trị cookie XSRF-TOKEN."))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("Mã truy cập OAuth2 (client credentials, POST /oauth2/token) của các hệ thống; "
                                + "chỉ dùng được cho /api/v1/integration/**."));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (method, operation) -> declare(evaluator, sample(path), method, operation)));
    }

    private static void declare(WebInvocationPrivilegeEvaluator evaluator, String uri, PathItem.HttpMethod method,
            Operation operation) {
        String verb = method.name();
        boolean open = evaluator.isAllowed("", uri, verb, anonymous());
        boolean csrf = !SAFE.contains(method)
                && !SecurityConfiguration.CSRF_EXEMPT.matches(request(uri, verb));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.putIfAbsent("401", ProblemDocumentation.response(open
                ? "invalid-token: mã truy cập Bearer gửi kèm không dùng được (không cần đăng nhập để gọi)"
                : "unauthorized: chưa đăng nhập (header WWW-Authenticate: Bearer); invalid-token: mã truy cập "
                        + "Bearer không hợp lệ hoặc hết hạn"));
        if (!open || csrf) {
            responses.putIfAbsent("403", ProblemDocumentation.response(String.join("; ", Arrays.stream(new String[] {
                open ? null : "forbidden: tài khoản (hoặc mã truy cập) không có quyền gọi",
                csrf ? "csrf: thiếu hoặc sai tiêu đề X-XSRF-TOKEN" : null}).filter(t -> t != null).toList())));
        }
        if (!open) {
            List<SecurityRequirement> ways = new java.util.ArrayList<>();
            if (evaluator.isAllowed("", uri, verb, person())) {
                ways.add(new SecurityRequirement().addList(SESSION));
            }
            if (evaluator.isAllowed("", uri, verb, system())) {
                ways.add(new SecurityRequirement().addList(BEARER));
            }
            operation.setSecurity(ways);
        }
    }

    /** A request to match against the rules: Spring Security's stand-in, able to hold the parsed path. */
    private static HttpServletRequest request(String uri, String method) {
        Map<String, Object> attributes = new HashMap<>();
        return new HttpServletRequestWrapper(new FilterInvocation("", uri, method).getRequest()) {
            @Override
            public Object getAttribute(String name) {
                return attributes.get(name);
            }

            @Override
            public void setAttribute(String name, Object value) {
                attributes.put(name, value);
            }

            @Override
            public void removeAttribute(String name) {
                attributes.remove(name);
            }
        };
    }

    /** A concrete address of the path template: its variables filled with a sample value. */
    private static String sample(String path) {
        return path.replaceAll("\\{[^}]+}", "x");
    }

    private static Authentication anonymous() {
        return new AnonymousAuthenticationToken("openapi", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    /** A signed-in person holding every role: whether the address is open to people at all. */
    private static Authentication person() {
        return UsernamePasswordAuthenticationToken.authenticated("openapi", null,
                Arrays.stream(Role.values()).map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    private static Authentication system() {
        return new JwtAuthenticationToken(Jwt.withTokenValue("openapi").header("alg", "none").claim("sub", "openapi")
                .build(), List.of());
    }
}
