package de.lotse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The one writer of problem documents outside the controllers (security refusals, the body size filter): the same
 * document Spring MVC writes for a controller's problem, and the problem types of docs/api.md.
 */
class ProblemsTest {

    /** Spring Boot's ObjectMapper is built the same way (it writes a ProblemDetail's properties at the top level). */
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();

    private JsonNode written(String path, ProblemDetail problem, MockHttpServletResponse response) throws Exception {
        Problems.write(new MockHttpServletRequest("POST", path), response, problem, mapper);
        return mapper.readTree(response.getContentAsByteArray());
    }

    @Test
    void aProblemIsWrittenWithItsStatusAsProblemJsonWithThePathAsInstance() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        JsonNode json = written("/api/v1/decisions", Problems.invalid("candidate.age: too old",
                List.of(ProblemField.of("candidate.age", "too old"))), response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getCharacterEncoding()).isEqualTo("UTF-8");
        assertThat(json.path("type").asText()).isEqualTo("urn:lotse:problem:invalid-request");
        assertThat(json.path("title").asText()).isEqualTo("Invalid request");
        assertThat(json.path("status").asInt()).isEqualTo(400);
        assertThat(json.path("detail").asText()).isEqualTo("candidate.age: too old");
        assertThat(json.path("instance").asText()).isEqualTo("/api/v1/decisions");
        assertThat(json.path("errors").get(0).path("field").asText()).isEqualTo("candidate.age");
        assertThat(json.has("properties")).isFalse();
    }

    @Test
    void anInstanceTheProblemAlreadyHasIsKept() throws Exception {
        ProblemDetail problem = Problems.forbidden("no");
        problem.setInstance(URI.create("/somewhere"));
        assertThat(written("/elsewhere", problem, new MockHttpServletResponse()).path("instance").asText())
                .isEqualTo("/somewhere");
    }

    @Test
    void theProblemTypesOfTheDocumentationWithTheirTitlesAndStatuses() {
        assertType(Problems.unauthorized("d"), 401, "unauthorized", "Authentication required");
        assertType(Problems.apiKeyRequired("d"), 401, "api-key-required", "API key required");
        assertType(Problems.forbidden("d"), 403, "forbidden", "Forbidden");
        assertType(Problems.payloadTooLarge(1024), 413, "payload-too-large", "Request body too large");
        assertThat(Problems.payloadTooLarge(1024).getDetail()).isEqualTo("The request body exceeds 1024 bytes.");
        assertType(Problems.internal(), 500, "internal", "Internal error");
        assertType(Problems.invalid("d", List.of()), 400, "invalid-request", "Invalid request");
    }

    private static void assertType(ProblemDetail problem, int status, String type, String title) {
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getType()).hasToString("urn:lotse:problem:" + type);
        assertThat(problem.getTitle()).isEqualTo(title);
    }
}
