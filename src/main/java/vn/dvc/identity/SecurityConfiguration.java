package vn.dvc.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Who may call what. Public pages and the public API need no login; administration needs an officer
 * role, checked again on each use case. CSRF protects every state change; the token is also in the
 * {@code XSRF-TOKEN} cookie so that scripts can send it back in {@code X-XSRF-TOKEN}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** What anyone may read without signing in: public pages, the public API, static files, health. */
    private static final String[] PUBLIC_READS = {"/", "/login", "/error", "/procedures/**", "/agencies/**",
            "/api/v1/agencies/**", "/api/v1/procedures/**", "/forms/**", "/actuator/health/**",
            "/calendar", "/calendar/**", "/api/v1/calendar/**",
            "/plans", "/plans/**", "/api/v1/plans", "/api/v1/plans/**",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/css/**", "/js/**",
            "/favicon.ico", "/webjars/**", "/mailbox", "/lookup", "/api/v1/lookup/**",
            "/api/v1/payments/vnpay/ipn", "/payments/vnpay/return",
            "/sandbox/vnpay/pay", "/statistics", "/api/v1/statistics/**",
            "/verify", "/verify/**", "/api/v1/verify/**",
            "/statistics/satisfaction", "/ranking", "/ranking/**", "/api/v1/ranking/**"};

    /** State changes that need no CSRF token (besides calls with a bearer token). */
    static final RequestMatcher CSRF_EXEMPT = new OrRequestMatcher(
            // The test gateway's merchant API is called server to server, signed, without a session.
            PathPatternRequestMatcher.pathPattern("/sandbox/vnpay/querydr"),
            // checking a result file changes nothing, and scripts call it without a session
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/verify"));

    /**
     * The benchmark's baselines (bench/dossier.sh): open to anyone and without a CSRF token, but only when
     * {@code app.bench.baseline=true}, which only the benchmark script sets (the endpoints exist only then);
     * otherwise this matches nothing.
     */
    static RequestMatcher benchBaselines(boolean enabled) {
        return enabled ? PathPatternRequestMatcher.pathPattern("/bench/**") : request -> false;
    }

    /** The pages of registration and password reset, read before signing in. */
    private static final String[] ACCOUNT_READS = {"/register", "/register/**", "/terms", "/verify-email",
            "/forgot-password", "/reset-password"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; older bcrypt hashes keep verifying.
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * No tracing of each security filter, authentication and authorisation: nothing reads those
     * observations, and wrapping every filter of every request in one cost about 7 % of an online
     * submission's CPU (docs/benchmarks.md). Request metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * An address the firewall refuses (";", an encoded "." or "/", a NUL...) is a 400 answered by the error page,
     * which tells it apart from unreadable data (shared/ApiErrorController): a problem for the API, the error page
     * for people.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, rejected);
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    /** The CSRF token lives in a cookie that scripts can read (and send back in {@code X-XSRF-TOKEN}). */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, CsrfTokenRepository csrfTokens,
            @Value("${app.public-url:}") String publicUrl, @Value("${payment.vnpay.pay-url:}") String gatewayUrl,
            @Value("${app.bench.baseline:false}") boolean benchBaseline,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> pages)
            throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // load the token on every request, so the cookie is set
        http.authorizeHttpRequests(auth -> auth
                        // OPTIONS only says which methods an address takes (Spring MVC's Allow answer, 404 where
                        // nothing is mapped); it runs no handler, changes nothing and opens no CORS.
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/admin/**").hasAnyRole("AGENCY_ADMIN", "PROVINCIAL_COORDINATOR",
                                "SYSTEM_ADMIN")
                        .requestMatchers("/api/v1/admin/**").hasAnyRole("AGENCY_ADMIN", "PROVINCIAL_COORDINATOR",
                                "SYSTEM_ADMIN")
                        // Applicant accounts: registration and password reset are public, the account is the applicant's.
                        .requestMatchers(HttpMethod.GET, ACCOUNT_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, ACCOUNT_READS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/register", "/register/organisation", "/forgot-password",
                                "/reset-password").permitAll()
                        .requestMatchers("/account/**", "/api/v1/account").hasRole("APPLICANT")
                        // Public reads; HEAD answers like GET (uptime monitors and link checkers use it).
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        // Anyone may check a result file (it changes nothing).
                        .requestMatchers(HttpMethod.POST, "/verify", "/api/v1/verify").permitAll()
                        // The test gateway's page stands for VNPay's: no sign-in there (off with a real gateway).
                        .requestMatchers(HttpMethod.POST, "/sandbox/vnpay/pay", "/sandbox/vnpay/querydr").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(benchBaselines(benchBaseline)).permitAll()
                        // Systems with an OAuth2 token reach the integration API only (its scopes are checked there).
                        .requestMatchers("/api/v1/integration/**").authenticated()
                        .anyRequest().access(peopleOnly()))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(invalidToken())
                        // The error page is not checked again: an unusable token would fail there too and
                        // leave the answer empty.
                        .bearerTokenResolver(notOnTheErrorPage()))
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler((request, response, exception) -> {
                            LoginController.keepTypedUsername(request);
                            response.sendRedirect(request.getContextPath() + (exception instanceof LockedException
                                    ? "/login?locked" : "/login?error"));
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                // Scripts get 401 rather than a redirect to the sign-in page they cannot use.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInOr401(pages))
                        // The error page tells a refused CSRF token from a missing right (shared/ApiErrorController).
                        .accessDeniedHandler((request, response, e) -> {
                            request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
                            response.sendError(HttpStatus.FORBIDDEN.value());
                        }))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        // A bearer token is not sent by the browser on its own: no cross-site forgery to fear.
                        .ignoringRequestMatchers(SecurityConfiguration::bearerToken)
                        .ignoringRequestMatchers(CSRF_EXEMPT)
                        .ignoringRequestMatchers(benchBaselines(benchBaseline)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action " + formTargets(publicUrl, gatewayUrl)
                                        + "; base-uri 'self'"))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new LoginAttemptFilter(throttle),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Where a submitted form may lead: this site, under its public address too (mails and the gateway's
     * return use it), and the payment gateway the pay button redirects to (browsers apply form-action to
     * the redirect after a post).
     */
    static String formTargets(String... addresses) {
        StringBuilder targets = new StringBuilder("'self'");
        for (String address : addresses) {
            try {
                java.net.URI uri = java.net.URI.create(address == null ? "" : address.strip());
                if (uri.getScheme() != null && uri.getHost() != null && uri.getScheme().matches("https?")) {
                    targets.append(' ').append(uri.getScheme()).append("://").append(uri.getHost())
                            .append(uri.getPort() < 0 ? "" : ":" + uri.getPort());
                }
            } catch (IllegalArgumentException e) {
                // not an address: nothing more is allowed
            }
        }
        return targets.toString();
    }

    /** Signed-in people (not systems holding a token): the rest of the application is theirs. */
    private static AuthorizationManager<RequestAuthorizationContext> peopleOnly() {
        AuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();
        return (authentication, context) -> authentication.get() instanceof JwtAuthenticationToken
                ? new AuthorizationDecision(false) : signedIn.authorize(authentication, context);
    }

    private static boolean bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * Scripts get 401; people are sent to the sign-in page, unless the address leads nowhere: a mistyped or
     * stale link answers "page not found" at once instead of asking an anonymous visitor to sign in first.
     */
    private static AuthenticationEntryPoint signInOr401(ObjectProvider<HandlerMapping> pages) {
        RequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> {
            if (api.matches(request)) {
                // 401 through the error page: the API answers it as a problem (application/problem+json) with a
                // Vietnamese detail; the challenge names the bearer tokens systems use.
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                response.sendError(HttpStatus.UNAUTHORIZED.value());
            } else if (!leadsSomewhere(pages.getIfAvailable(), request)) {
                response.sendError(HttpStatus.NOT_FOUND.value());
            } else {
                signIn.commence(request, response, e);
            }
        };
    }

    private static boolean leadsSomewhere(HandlerMapping pages, HttpServletRequest request) {
        if (pages == null) {
            return true;
        }
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            return pages.getHandler(request) != null;
        } catch (Exception mappedOtherwise) {
            return true; // e.g. the address exists for another method
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
        }
    }

    /**
     * A bearer token that cannot be used: the standard challenge (RFC 6750, {@code error="invalid_token"}) and,
     * through the error page, a problem body saying so in Vietnamese (shared/ApiErrorController).
     */
    private static AuthenticationEntryPoint invalidToken() {
        AuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            challenge.commence(request, response, e);
            request.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, e);
            response.sendError(HttpStatus.UNAUTHORIZED.value());
        };
    }

    private static BearerTokenResolver notOnTheErrorPage() {
        BearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> request.getDispatcherType() == DispatcherType.ERROR ? null : header.resolve(request);
    }

    /** Refuses sign-in attempts from an address that has tried too often recently. */
    static final class LoginAttemptFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        LoginAttemptFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
                    && !throttle.allowAttempt(request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
