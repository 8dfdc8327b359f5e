package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser-facing answers through a real servlet container, where the forward of a refused form POST really passes
 * the security filters a second time (MockMvc only records a forward): the filled form comes back once (no loop),
 * with status 403, and the token it carries works with the cookie the browser has after that answer. Also: an unknown
 * page is HTML for a browser and a problem document under /api/.
 * <p>
 * The whole service with the real rules; the configuration is that of hardening.HardeningContext, so that Spring's
 * test context cache starts the service once for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lotse.admin.password=hardening-admin-secret"})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
class BrowserAnswersOverHttpTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]*)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    private static Map<String, String> indianDeveloper(String token) {
        Map<String, String> values = new LinkedHashMap<>(FormCases.indianDeveloper());
        if (token != null) {
            values.put("_csrf", token);
        }
        return values;
    }

    private HttpResponse<String> post(String path, Map<String, String> values, String cookie)
            throws IOException, InterruptedException {
        String body = values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", PageErrorsTest.BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", "XSRF-TOKEN=" + cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String tokenOf(HttpResponse<String> page) {
        Matcher m = TOKEN.matcher(page.body());
        assertThat(m.find()).as("a token in the form").isTrue();
        return m.group(1);
    }

    private static String contentType(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    private static Optional<String> newCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().map(TOKEN_COOKIE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst();
    }

    private static void isTheFilledFormWithTheNotice(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(contentType(answer)).startsWith("text/html");
        assertThat(answer.body())
                .contains("id=\"token-rejected\"", "Sicherheitskennung dieser Seite war abgelaufen")
                .contains("value=\"Indien (IN)\"", "value=\"52.000\"", "value=\"2026-03-09\"")
                .doesNotContain("class=\"recommendation\"");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aStaleTokenBringsTheFilledFormBackAndItsTokenWorks() throws Exception {
        HttpResponse<String> refused = post("/advice", indianDeveloper("token-of-another-tab"), "current-token");
        isTheFilledFormWithTheNotice(refused);
        assertThat(newCookie(refused)).as("the cookie stays").isEmpty();

        HttpResponse<String> again = post("/advice", indianDeveloper(tokenOf(refused)), "current-token");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("class=\"recommendation\"", "Blaue Karte EU");
    }

    @Test
    void withoutTheCookieTheSameAnswerBringsANewCookieAndTheFormsTokenForIt() throws Exception {
        HttpResponse<String> refused = post("/advice/pdf", indianDeveloper(null), null);
        isTheFilledFormWithTheNotice(refused);
        String cookie = newCookie(refused).orElseThrow(() -> new AssertionError("no new token cookie"));

        HttpResponse<String> again = post("/advice", indianDeveloper(tokenOf(refused)), cookie);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Blaue Karte EU");
    }

    @Test
    void theRulesPagesReloadWithAStaleTokenIsThePageAgainAndAnyOtherRefusedPostAProblemDocument() throws Exception {
        HttpResponse<String> reload = post("/rules/reload", Map.of("_csrf", "stale"), "current-token");
        assertThat(reload.statusCode()).isEqualTo(403);
        assertThat(contentType(reload)).startsWith("text/html");
        assertThat(reload.body()).contains("id=\"token-rejected\"", "nicht neu geladen");

        HttpResponse<String> other = post("/rules", Map.of("_csrf", "stale"), "current-token");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(contentType(other)).startsWith("application/problem+json");
        assertThat(other.body()).contains("\"type\":\"urn:lotse:problem:forbidden\"", "\"instance\":\"/rules\"");
    }

    @Test
    void anAddressTheFirewallRejectsIsAProblemDocumentOrForABrowserOnAPageTheErrorPage() throws Exception {
        for (String path : new String[] {"/api/v1/decisions;x=1", "/api/v1//decisions", "/api/v1/%2e%2e/decisions",
                "/api/v1/decisions%2Fbatch"}) {
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Accept", PageErrorsTest.BROWSER)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(path).isEqualTo(400);
            assertThat(contentType(api)).as(path).startsWith("application/problem+json");
            assertThat(api.body()).as(path).contains("\"status\":400").doesNotContain("timestamp", "Exception");
            hasTheSecurityHeaders(api, path);
        }

        for (String path : new String[] {"/rules;x=1", "/rules%2Fx", "//rules"}) {
            HttpResponse<String> page = get(path, PageErrorsTest.BROWSER);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(contentType(page)).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("Status 400").doesNotContain("Exception");
            hasTheSecurityHeaders(page, path);
        }

        HttpResponse<String> program = get("/rules;x=1", "application/json");
        assertThat(program.statusCode()).isEqualTo(400);
        assertThat(contentType(program)).startsWith("application/problem+json");
        assertThat(program.body()).contains("\"instance\":\"/rules;x=1\"");
    }

    private static void hasTheSecurityHeaders(HttpResponse<String> answer, String path) {
        assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        assertThat(answer.headers().firstValue("Permissions-Policy")).as(path)
                .hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
        assertThat(answer.headers().firstValue("Cache-Control")).as(path)
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(answer.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
    }

    @Test
    void anUnknownPageIsHtmlForABrowserAndAProblemUnderTheApi() throws Exception {
        HttpResponse<String> page = get("/nonexistent", PageErrorsTest.BROWSER);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(contentType(page)).startsWith("text/html");
        assertThat(page.body()).contains("Diese Seite gibt es nicht.").doesNotContain("Exception");

        HttpResponse<String> api = get("/api/v1/nope", PageErrorsTest.BROWSER);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(contentType(api)).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":404").doesNotContain("Exception");
    }
}
