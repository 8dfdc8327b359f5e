package de.lotse.api;

import de.lotse.decision.RuleBookProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One access log line per request, logger {@code de.lotse.access}, INFO, key=value:
 * {@code method=POST path=/api/v1/decisions status=400 durationMs=3 rulesVersion=sha256:… requestId=…}.
 * Never the body, the query string or headers: case data must not reach a log. The request id is the caller's
 * {@code X-Request-Id} when it is a plain token (letters, digits, {@code .-_:}, at most 64), else a new one; it is
 * returned in {@code X-Request-Id} and put in the MDC as {@code requestId} for other lines of the same request.
 * Paths matching {@code lotse.access-log.skip} (health probes, static files) are not logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AccessLogFilter extends OncePerRequestFilter {

    static final String LOGGER = "de.lotse.access";
    static final String REQUEST_ID = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_PATH = 240;

    private final ObjectProvider<RuleBookProvider> rules;
    private volatile RuleBookProvider provider;
    private final List<String> skip;
    /** The literal start of each skip pattern: most paths are told apart by it without running the matcher. */
    private final List<String> skipPrefixes;
    private final AntPathMatcher matcher = new AntPathMatcher();

    AccessLogFilter(ObjectProvider<RuleBookProvider> rules,
                    @Value("${lotse.access-log.skip:/actuator/health/**,/css/**,/js/**,/img/**,/favicon.ico}") List<String> skip) {
        this.rules = rules;
        this.skip = List.copyOf(skip);
        this.skipPrefixes = this.skip.stream().map(p -> p.replaceFirst("[*?{].*$", "")).toList();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (!log.isInfoEnabled() || skipped(ApiPaths.pathWithinApplication(request))) { // skip list: no context path
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !PLAIN_ID.matcher(requestId).matches()) {
            // unique, not secret: no need for UUID.randomUUID()'s SecureRandom on every request
            ThreadLocalRandom random = ThreadLocalRandom.current();
            requestId = new UUID(random.nextLong(), random.nextLong()).toString();
        }
        response.setHeader(REQUEST_ID, requestId);
        MDC.put("requestId", requestId);
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("method={} path={} status={} durationMs={} rulesVersion={} requestId={}", request.getMethod(),
                    printable(path), status, millis, rulesVersion(), requestId);
            MDC.remove("requestId");
        }
    }

    private boolean skipped(String path) {
        for (int i = 0; i < skip.size(); i++) {
            String prefix = skipPrefixes.get(i);
            boolean candidate = path.startsWith(prefix) || prefix.startsWith(path + "/") || prefix.equals(path + "/");
            if (candidate && matcher.match(skip.get(i), path)) {
                return true;
            }
        }
        return false;
    }

    /** The version in service when the request ends (a decision reports the one it used in its answer). */
    private String rulesVersion() {
        RuleBookProvider provider = this.provider;
        if (provider == null) {
            provider = rules.getIfAvailable(); // looked up once: a bean lookup per request costs more than the log line
            if (provider == null) {
                return "-";
            }
            this.provider = provider;
        }
        try {
            return provider.current().version();
        } catch (RuntimeException notLoaded) {
            return "-";
        }
    }

    /** The path as sent, cut to MAX_PATH characters, without spaces or control characters that could forge a line. */
    static String printable(String path) {
        String cut = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c <= ' ' || c == 0x7f ? '_' : c);
        }
        return out.toString();
    }
}
