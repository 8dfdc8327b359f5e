package de.lotse.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem documents of the service, in one place: the problem types (URNs listed in docs/api.md) with
 * their titles and statuses, and {@link #write} for refusals that happen before a controller is reached (security,
 * body size limit). Controllers and exception handlers return the same documents as response bodies.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:lotse:problem:";

    static final String INVALID_REQUEST = TYPE_PREFIX + "invalid-request";

    private Problems() {
    }

    /** 400: the request is wrong; {@code fields} names each field at fault. */
    static ProblemDetail invalid(String detail, List<ProblemField> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(INVALID_REQUEST));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", fields);
        return problem;
    }

    /** 413: the body is larger than the limit. */
    static ProblemDetail payloadTooLarge(long limit) {
        return of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large",
                "The request body exceeds " + limit + " bytes.");
    }

    /** 500: the service's fault, without internals (the cause is logged). */
    public static ProblemDetail internal() {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The service could not answer; the error has been logged.");
    }

    /** 401: credentials (HTTP Basic) are missing or wrong. */
    public static ProblemDetail unauthorized(String detail) {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail);
    }

    /** 403: the credentials do not allow the request, or the form's CSRF token is missing or stale. */
    public static ProblemDetail forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** 401: the API key ({@code lotse.api.key}) is missing or wrong. */
    public static ProblemDetail apiKeyRequired(String detail) {
        return of(HttpStatus.UNAUTHORIZED, "api-key-required", "API key required", detail);
    }

    /** A problem of the given type ({@code urn:lotse:problem:<type>}). */
    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Writes a problem as the whole answer, the way Spring MVC writes one that a controller returns: its status,
     * {@code application/problem+json} in UTF-8, and the request's path as {@code instance} unless the problem has one.
     * {@code mapper} is the service's ObjectMapper (it knows how to write a ProblemDetail's extra properties).
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                             ObjectMapper mapper) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        mapper.writeValue(response.getOutputStream(), problem);
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return null; // a path that is no valid URI: no instance rather than a failure
        }
    }
}
