package de.lotse.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lotse.api.ApiPaths;
import de.lotse.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The optional API key: when {@code lotse.api.key} is set, calls to {@code /api/**} (outside {@code /api/v1/admin/**},
 * which has its own credentials) need the header {@code X-API-Key} with that value. Compared in constant time.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final byte[] key;
    private final ObjectMapper mapper;

    ApiKeyFilter(String key, ObjectMapper mapper) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = ApiPaths.pathWithinApplication(request);
        return !ApiPaths.isApi(path) || path.startsWith(ApiPaths.ADMIN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        if (given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        Problems.write(request, response, Problems.apiKeyRequired(given == null
                ? "This service requires the header " + HEADER + "." : "The API key is not valid."), mapper);
    }
}
