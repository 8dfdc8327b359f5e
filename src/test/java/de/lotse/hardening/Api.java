package de.lotse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lotse.scenario.Scenario;
import de.lotse.scenario.ScenarioFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Sends payloads through MockMvc of the hardening context and checks the answers every client may rely on. */
final class Api {

    static final String DECISIONS = "/api/v1/decisions";
    static final String BATCH = "/api/v1/decisions/batch";
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Payloads sent by all hardening tests of this JVM. */
    static final AtomicLong SENT = new AtomicLong();

    private static MockMvc mvc;
    private static List<ObjectNode> requests;

    private Api() {
    }

    /** One answer, body decoded as UTF-8 and parsed if it is JSON. */
    record Answer(int status, String contentType, String body, JsonNode json) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    static synchronized MockMvc mvc() {
        if (mvc == null) {
            mvc = HardeningContext.context().getBean(MockMvc.class);
        }
        return mvc;
    }

    /** The requests of every scenario in test-cases/ that expects an answer (valid requests). */
    static synchronized List<ObjectNode> scenarioRequests() {
        if (requests == null) {
            List<ObjectNode> found = new ArrayList<>();
            for (Scenario s : ScenarioFiles.readFolder(Path.of(System.getProperty("lotse.test-cases.dir", "test-cases")))) {
                if (!s.expect().has("error") && s.request() instanceof ObjectNode object) {
                    found.add(object);
                }
            }
            requests = List.copyOf(found);
        }
        return requests;
    }

    static Answer post(String path, String contentType, String body) {
        return send(HttpMethod.POST, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer postJson(String path, JsonNode body) {
        return post(path, JSON, body.toString());
    }

    static Answer send(HttpMethod method, String path, String contentType, byte[] body) {
        SENT.incrementAndGet();
        MockHttpServletRequestBuilder builder = request(method, path);
        if (contentType != null) {
            builder.contentType(contentType);
        }
        if (body != null) {
            builder.content(body);
        }
        try {
            MockHttpServletResponse response = mvc().perform(builder).andReturn().getResponse();
            String text = response.getContentAsString(StandardCharsets.UTF_8);
            JsonNode json = null;
            if (response.getContentType() != null && response.getContentType().contains("json") && !text.isEmpty()) {
                json = MAPPER.readTree(text);
            }
            return new Answer(response.getStatus(), response.getContentType(), text, json);
        } catch (Exception e) {
            throw new AssertionError("the request failed inside the service (would be a 500): " + e, e);
        }
    }

    /** Never a 5xx; a 4xx is an RFC 9457 problem document that reveals no internals. */
    static void assertNoServerErrorAndProblemIfRejected(Answer a) {
        assertThat(a.status()).as("status of %s", a).isLessThan(500);
        if (a.status() >= 400) {
            assertProblem(a, a.status());
        }
    }

    static void assertProblem(Answer a, int status) {
        assertThat(a.status()).as("status of %s", a).isEqualTo(status);
        assertThat(a.contentType()).as("content type of %s", a).startsWith(PROBLEM);
        assertThat(a.json()).as("problem body of %s", a).isNotNull();
        assertThat(a.json().path("status").asInt()).as("status in %s", a).isEqualTo(status);
        assertThat(a.json().path("title").asText()).as("title in %s", a).isNotBlank();
        assertThat(a.body()).as("no internals in %s", a).doesNotContain("\tat ", "Exception", "de.lotse.", "org.springframework", "com.fasterxml");
    }

    /** A 400 problem naming the field: one of its errors has the path, or an element of it ("path[0]"). */
    static void assertRejectedNaming(Answer a, String path) {
        assertProblem(a, 400);
        Set<String> fields = fields(a.json());
        assertThat(fields).as("fields named by %s", a)
                .anyMatch(f -> f.equals(path) || f.startsWith(path + "[") || f.startsWith(path + "."));
        for (JsonNode error : a.json().path("errors")) {
            assertThat(error.path("message").asText()).as("every error says what is wrong: %s", a).isNotBlank();
        }
    }

    static Set<String> fields(JsonNode problem) {
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode error : problem.path("errors")) {
            fields.add(error.path("field").asText());
        }
        return fields;
    }

    /** A 200 advice in JSON, computed by the loaded rules. */
    static void assertAnswered(Answer a) {
        assertThat(a.status()).as("status of %s", a).isEqualTo(200);
        assertThat(a.contentType()).startsWith(JSON);
        assertAdvice(a.json(), a);
    }

    static void assertAdvice(JsonNode advice, Object context) {
        assertThat(advice.path("rulesVersion").asText()).as("advice of %s", context).startsWith("sha256:");
        assertThat(advice.path("pathways").isArray() && advice.path("pathways").size() > 0).as("pathways of %s", context).isTrue();
    }
}
