package de.lotse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The running service under a steady stream of decisions over HTTP while its rules folder is changed and reloaded 20
 * times (data only, or data and a rule file), every fourth time with a broken rule or data file: no request fails, every answer was computed with the
 * rules its {@code rulesVersion} names, and the broken versions are reported with file and line while the last good
 * version serves. Admin endpoints refuse callers without credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotReloadUnderLoadTest {

    private static final String PASSWORD = "test-admin-secret";
    private static final Path RULES = copyOfRules();
    private static final String MIN_POINTS = "parameters/opportunity-card-min-points.yaml";
    private static final String TEXTS = "texts/general.yaml";
    private static final String DRL = "aufenthg/s20a_chancenkarte.drl";
    private static final String DATA = "parameters/blue-card-general-threshold.yaml";
    private static final String DISCLAIMER_EN = "Orientation, not legal advice:";
    private static final int CLIENTS = 3;

    /** An Indian cook aged 30 with 5 Opportunity Card points: eligible when 5 points suffice, else after steps. */
    private static final String FIVE_POINT_CASE = """
            {"assessmentDate": "2025-06-16", "language": "en",
             "candidate": {"citizenships": ["IN"], "age": 30, "residence": "ABROAD", "germanLevel": "A1",
                           "englishLevel": "B1", "priorStayInGermanyMonths": 0, "monthlyFundsEur": 1200,
                           "spouseMeetsOpportunityCardRequirements": false, "spouseApplyingTogether": false},
             "qualification": {"level": "VOCATIONAL", "acquiredIn": "ABROAD", "profession": "COOK",
                               "trainingDurationYears": 3, "stateRecognizedInIssuingCountry": true,
                               "germanChamberAbroadQualification": false, "recognition": "NOT_STARTED"},
             "experience": {"relevantYearsInLast5": 5, "relevantYearsInLast7": 6},
             "goal": "JOB_SEARCH"}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lotse.rules.dir", RULES::toString);
        registry.add("lotse.rules.watch", () -> "false"); // reloads come only from this test, so each is known
        registry.add("lotse.admin.password", () -> PASSWORD);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(RULES.getParent());
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper mapper;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void adminEndpointsAnswer401WithoutCredentials() throws Exception {
        for (String path : List.of("/api/v1/admin/rules/reload")) {
            HttpResponse<String> none = send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("application/problem+json"));
            HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("wrong"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/metrics")).GET()).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/metrics")).header("Authorization", basic(PASSWORD))
                .GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void twentyReloadsUnderASteadyStreamOfDecisionsFailNoRequest() throws Exception {
        String originalMinPoints = read(MIN_POINTS);
        String originalTexts = read(TEXTS);
        String originalDrl = read(DRL);
        String originalData = read(DATA);

        // what each version must answer: version -> (outcome of the five-point case, marker in the disclaimer)
        Map<String, Expected> expected = new ConcurrentHashMap<>();
        JsonNode first = decide();
        expected.put(first.get("rulesVersion").asText(), new Expected("ELIGIBLE_AFTER_STEPS", DISCLAIMER_EN));
        assertThat(outcome(first)).isEqualTo("ELIGIBLE_AFTER_STEPS");

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<JsonNode> answers = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clientRuns = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            clientRuns.add(clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = send(decisionRequest());
                        if (r.statusCode() != 200) {
                            failures.add(r.statusCode() + " " + r.body());
                        } else {
                            answers.add(mapper.readTree(r.body()));
                        }
                        Thread.sleep(10); // a steady stream, not a saturation test: the reload needs CPU too
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }

        int loaded = 0;
        int rejected = 0;
        List<Long> reloadMillis = new ArrayList<>();
        try {
            for (int i = 1; i <= 20; i++) {
                if (i % 4 == 0) {
                    boolean brokenRule = i % 8 == 0;
                    String file = brokenRule ? DRL : DATA;
                    String before = read(file);
                    write(file, brokenRule ? before.replaceFirst("(?m)^then$", "then oops(")
                            : before.replace("value: 48300", "value: 48.300,00 EUR"));
                    HttpResponse<String> r = reload();
                    assertThat(r.statusCode()).as("broken reload %d", i).isEqualTo(422);
                    JsonNode problem = mapper.readTree(r.body());
                    reloadMillis.add(problem.get("durationMillis").asLong());
                    assertThat(problem.get("errors")).isNotEmpty();
                    problem.get("errors").forEach(e -> {
                        assertThat(e.get("file").asText()).isEqualTo(file);
                        assertThat(e.get("line").asInt()).isPositive();
                    });
                    JsonNode rules = get("/api/v1/rules");
                    assertThat(rules.at("/lastReload/status").asText()).isEqualTo("FAILED");
                    assertThat(rules.at("/lastReload/errors/0/file").asText()).isEqualTo(file);
                    assertThat(rules.get("version").asText()).isEqualTo(problem.get("versionInService").asText());
                    write(file, before);
                    rejected++;
                } else {
                    boolean fivePointsSuffice = i % 2 == 1;
                    String marker = "Orientation, not legal advice [variant " + i + "]:";
                    write(MIN_POINTS, originalMinPoints.replace("value: 6", fivePointsSuffice ? "value: 5" : "value: 6"));
                    write(TEXTS, originalTexts.replace(DISCLAIMER_EN, marker));
                    // a data change alone reuses the compiled rules; every third reload also changes a rule file
                    // (a comment), so that whole compilations are swapped in under load as well
                    write(DRL, i % 3 == 0 ? originalDrl + "\n// reload " + i + "\n" : originalDrl);
                    HttpResponse<String> r = reload();
                    assertThat(r.statusCode()).as("reload %d: %s", i, r.body()).isEqualTo(200);
                    JsonNode attempt = mapper.readTree(r.body());
                    assertThat(attempt.get("status").asText()).isEqualTo("LOADED");
                    reloadMillis.add(attempt.get("durationMillis").asLong());
                    expected.put(attempt.get("version").asText(),
                            new Expected(fivePointsSuffice ? "ELIGIBLE" : "ELIGIBLE_AFTER_STEPS", marker));
                    loaded++;
                }
                Thread.sleep(150);
            }
        } finally {
            running.set(false);
            for (Future<?> f : clientRuns) {
                f.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();
            write(MIN_POINTS, originalMinPoints);
            write(TEXTS, originalTexts);
            write(DRL, originalDrl);
            write(DATA, originalData);
            reload();
        }

        assertThat(loaded).isEqualTo(15);
        assertThat(rejected).isEqualTo(5);
        assertThat(failures).isEmpty();
        assertThat(answers).hasSizeGreaterThan(100);
        System.out.printf("Hot reload under load: %d decisions from %d clients, %d reloads (%d rejected), 0 failed;"
                + " reload times in ms: %s%n", answers.size(), CLIENTS, loaded + rejected, rejected, reloadMillis);
        for (JsonNode answer : answers) {
            Expected e = expected.get(answer.get("rulesVersion").asText());
            assertThat(e).as("an answer names a version that was never in service").isNotNull();
            assertThat(outcome(answer)).isEqualTo(e.outcome());
            assertThat(answer.get("disclaimer").asText()).startsWith(e.disclaimerStart());
        }
        // answers came from several versions, not just one
        assertThat(answers.stream().map(a -> a.get("rulesVersion").asText()).distinct().count()).isGreaterThan(5);
    }

    private record Expected(String outcome, String disclaimerStart) {
    }

    private static String outcome(JsonNode answer) {
        for (JsonNode p : answer.get("pathways")) {
            if (p.get("code").asText().equals("OPPORTUNITY_CARD")) {
                return p.get("outcome").asText();
            }
        }
        throw new AssertionError("no OPPORTUNITY_CARD in " + answer);
    }

    private JsonNode decide() throws Exception {
        HttpResponse<String> r = send(decisionRequest());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return mapper.readTree(r.body());
    }

    private HttpRequest.Builder decisionRequest() {
        return HttpRequest.newBuilder(uri("/api/v1/decisions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FIVE_POINT_CASE));
    }

    private HttpResponse<String> reload() throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/admin/rules/reload")).header("Authorization", basic(PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode get(String path) throws Exception {
        return mapper.readTree(send(HttpRequest.newBuilder(uri(path)).GET()).body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(java.time.Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String file) throws IOException {
        return Files.readString(RULES.resolve(file));
    }

    private static void write(String file, String content) throws IOException {
        Files.writeString(RULES.resolve(file), content);
    }

    private static Path copyOfRules() {
        try {
            Path copy = Files.createTempDirectory("lotse-hot-reload").resolve("rules");
            FileSystemUtils.copyRecursively(Path.of("rules"), copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
