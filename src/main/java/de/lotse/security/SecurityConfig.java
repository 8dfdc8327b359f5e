package de.lotse.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lotse.api.ApiPaths;
import de.lotse.api.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Access rules of the service.
 * <ul>
 *   <li>{@code /api/v1/admin/**}, {@code POST /rules/reload} and the Actuator endpoints other than health and info:
 *       HTTP Basic, user {@code admin}, password {@code lotse.admin.password} (env {@code LOTSE_ADMIN_PASSWORD}).
 *       Without a password they are closed: 401 for everyone.</li>
 *   <li>The rest of {@code /api/**}: open, or with {@code lotse.api.key} set, the header {@code X-API-Key}.</li>
 *   <li>The advisor form and the rules page: open, or with {@code lotse.web.password} set, HTTP Basic as user
 *       {@code advisor} (the admin may use them too).</li>
 * </ul>
 * No sessions: the form's CSRF token travels in a cookie (double submit), so several instances can serve one advisor.
 * The JSON API has no cookies to ride on and is exempt from CSRF. Every answer carries CSP, frame and no-sniff headers.
 * Refusals are problem documents ({@link Problems}), except one: a POST of a page whose token is missing or stale (the
 * cookie expired, was dropped, or another tab replaced it) is forwarded to be shown again (status 403): the advisor
 * form with what was entered and a valid token ({@link #FORM_TOKEN_REJECTED}), the rules page with a notice that
 * nothing was reloaded ({@link #RULES_TOKEN_REJECTED}). Nothing is decided or reloaded from such a POST, so a
 * cross-site POST can at most make the victim's browser show a page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    static final String ADMIN = "ADMIN";
    static final String ADVISOR = "ADVISOR";

    /** Pages and the API load nothing from elsewhere, run no inline script and may not be framed. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";
    static final String REFERRER_POLICY = "same-origin";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";
    /** Swagger UI sets inline styles; it still runs only its own scripts. */
    static final String CSP_SWAGGER = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /** The POSTs of the advisor form (web.AdvisorController). */
    static final Set<String> FORM_POSTS = Set.of("/advice", "/edit", "/advice/pdf");
    /** Where a form POST with a missing or stale token goes: web.AdvisorController shows the form again there. */
    static final String FORM_TOKEN_REJECTED = "/advice/token-rejected";
    /** The rules page's POST (web.RulesPageController), and where it goes with a missing or stale token. */
    static final String RULES_RELOAD = "/rules/reload";
    static final String RULES_TOKEN_REJECTED = "/rules/token-rejected";

    private final String adminPassword;
    private final String apiKey;
    private final String webPassword;

    SecurityConfig(@Value("${lotse.admin.password:}") String adminPassword,
                   @Value("${lotse.api.key:}") String apiKey,
                   @Value("${lotse.web.password:}") String webPassword) {
        this.adminPassword = adminPassword;
        this.apiKey = apiKey;
        this.webPassword = webPassword;
    }

    @Bean
    @Order(1)
    SecurityFilterChain swaggerUi(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return common(http, CSP_SWAGGER).csrf(c -> c.disable()).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http, ObjectMapper mapper) throws Exception {
        boolean webClosed = isSet(webPassword);
        http.authorizeHttpRequests(a -> {
            a.requestMatchers("/api/v1/admin/**").hasRole(ADMIN);
            a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
            a.requestMatchers("/actuator/**").hasRole(ADMIN);
            a.requestMatchers(RULES_RELOAD).hasRole(ADMIN);
            a.requestMatchers("/api/**", "/error").permitAll();
            a.requestMatchers("/css/**", "/js/**", "/img/**", "/favicon.ico").permitAll();
            if (webClosed) {
                a.anyRequest().hasAnyRole(ADVISOR, ADMIN);
            } else {
                a.anyRequest().permitAll();
            }
        });
        http.csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()).ignoringRequestMatchers("/api/**")
                .ignoringRequestMatchers(SecurityConfig::isTokenRejectedForward));
        http.httpBasic(b -> b.realmName("Fachkraefte-Lotse").authenticationEntryPoint(entryPoint(mapper)));
        http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(mapper))
                .accessDeniedHandler(accessDenied(mapper)));
        if (isSet(apiKey)) {
            http.addFilterAfter(new ApiKeyFilter(apiKey, mapper), BasicAuthenticationFilter.class);
        }
        return common(http, CSP).build();
    }

    private static HttpSecurity common(HttpSecurity http, String csp) throws Exception {
        return http
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(Customizer.withDefaults())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(csp))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.get(REFERRER_POLICY)))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
    }

    private static AuthenticationEntryPoint entryPoint(ObjectMapper mapper) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Fachkraefte-Lotse\"");
            Problems.write(request, response, Problems.unauthorized("This resource needs HTTP Basic credentials."),
                    mapper);
        };
    }

    private static AccessDeniedHandler accessDenied(ObjectMapper mapper) {
        return (request, response, e) -> {
            String shownAgain = e instanceof CsrfException ? tokenRejectedPage(request) : null;
            if (shownAgain != null) {
                // The forward passes the security filters again: authorization applies to it (a closed page stays
                // closed), and the CSRF filter does not refuse it again (isTokenRejectedForward): no loop.
                response.setStatus(HttpStatus.FORBIDDEN.value());
                request.getRequestDispatcher(shownAgain).forward(request, response);
                return;
            }
            Problems.write(request, response, Problems.forbidden("These credentials do not allow this request (or the"
                    + " form's security token is missing or stale; reload the page)."), mapper);
        };
    }

    /**
     * Where a page's POST as the browser sent it (not a forward or an error dispatch) is shown again when its token is
     * refused, or null for any other request.
     */
    private static String tokenRejectedPage(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !"POST".equals(request.getMethod())) {
            return null;
        }
        String path = path(request);
        return FORM_POSTS.contains(path) ? FORM_TOKEN_REJECTED : RULES_RELOAD.equals(path) ? RULES_TOKEN_REJECTED : null;
    }

    /**
     * The forward of a refused page POST needs no token of its own: its handler only shows the page again. (The CSRF
     * filter already skips a forward inside its own refusal; this keeps it so should that ever change.)
     */
    private static boolean isTokenRejectedForward(HttpServletRequest request) {
        String path = path(request);
        return request.getDispatcherType() == DispatcherType.FORWARD
                && (FORM_TOKEN_REJECTED.equals(path) || RULES_TOKEN_REJECTED.equals(path));
    }

    private static String path(HttpServletRequest request) {
        return ApiPaths.pathWithinApplication(request);
    }

    /**
     * The only accounts: {@code admin} when {@code lotse.admin.password} is set, {@code advisor} when
     * {@code lotse.web.password} is set. Defining this bean also stops Spring Boot from inventing a default user.
     */
    @Bean
    UserDetailsService users(PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (isSet(adminPassword)) {
            users.add(User.withUsername("admin").password(encoded(adminPassword, encoder)).roles(ADMIN).build());
        }
        if (isSet(webPassword)) {
            users.add(User.withUsername("advisor").password(encoded(webPassword, encoder)).roles(ADVISOR).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A value like {@code {bcrypt}...} is already encoded; anything else is taken as the plain password. */
    private static String encoded(String password, PasswordEncoder encoder) {
        return password.startsWith("{") && password.indexOf('}') > 1 ? password : encoder.encode(password);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
