package de.lotse.api;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents of the API. Problem types are URNs listed in docs/api.md. */
final class Problems {

    static final String INVALID_REQUEST = "urn:lotse:problem:invalid-request";

    private Problems() {
    }

    static ProblemDetail invalid(String detail, List<ProblemField> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(INVALID_REQUEST));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", fields);
        return problem;
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:lotse:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
