package de.lotse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged service end to end: starts target/fachkraefte-lotse.jar with java -jar on a free port against a copy of
 * the repository's rules/, and talks HTTP to it like any client; a legal expert edits a file in that copy.
 */
class PackagedServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAR = System.getProperty("lotse.jar", "target/fachkraefte-lotse.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process service;
    private static String base;
    private static Path log;
    private static Path rules;
    private static Path compiledRules;

    private static final String INDIAN_DEVELOPER = """
            {"caseReference": "HR-2026-0042", "assessmentDate": "2026-03-09", "language": "%s",
             "candidate": {"citizenships": ["IN"], "age": 31, "residence": "ABROAD"},
             "qualification": {"level": "ACADEMIC", "acquiredIn": "ABROAD", "profession": "SOFTWARE_DEVELOPER",
                               "academicComparability": "COMPARABLE", "graduationDate": "2019-07-15"},
             "jobOffer": {"annualGrossSalaryEur": 52000, "iscoCode": "2512", "qualifiedEmployment": true,
                          "matchesQualification": true}}
            """;

    @BeforeAll
    static void startTheJar() throws Exception {
        rules = Files.createTempDirectory("lotse-e2e-rules").resolve("rules");
        FileSystemUtils.copyRecursively(Path.of(System.getProperty("lotse.rules.dir", "rules")), rules);
        compiledRules = rules.resolveSibling("compiled-rules");
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        log = Files.createTempFile("lotse-e2e", ".log");
        service = start(port, rules, log);
    }

    /**
     * Starts the jar on {@code port} with {@code rulesDir}, the test's compiled-rules cache and {@code more} arguments;
     * waits until healthy (which includes ready).
     */
    private static Process start(int port, Path rulesDir, Path output, String... more) throws Exception {
        return start(List.of(new File(System.getProperty("java.home"), "bin/java").getPath(), "-jar", JAR), Map.of(),
                compiledRules, port, rulesDir, output, more);
    }

    /**
     * Starts {@code launcher} (java, its options, -jar and the jar) with {@code env} and the compiled-rules cache
     * {@code cache}; waits until healthy.
     */
    private static Process start(List<String> launcher, Map<String, String> env, Path cache, int port, Path rulesDir,
            Path output, String... more) throws Exception {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("--server.port=" + port, "--lotse.rules.dir=" + rulesDir,
                "--lotse.rules.cache-dir=" + cache));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        String url = "http://127.0.0.1:" + port + "/actuator/health";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped during start-up:\n" + Files.readString(output));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not become healthy within 90 s:\n" + Files.readString(output));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws InterruptedException, IOException {
        if (service != null) {
            stop(service);
        }
        if (rules != null) {
            FileSystemUtils.deleteRecursively(rules.getParent());
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(base, path, body);
    }

    private static HttpResponse<String> post(String service, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theIndianSoftwareDeveloperGetsTheBlueCardInGermanAndEnglish() throws Exception {
        for (String language : new String[] {"de", "en"}) {
            HttpResponse<String> response = post("/api/v1/decisions", INDIAN_DEVELOPER.formatted(language));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode advice = JSON.readTree(response.body());
            assertThat(advice.path("caseReference").asText()).isEqualTo("HR-2026-0042");
            assertThat(advice.path("language").asText()).isEqualTo(language);
            assertThat(advice.path("rulesVersion").asText()).startsWith("sha256:");
            assertThat(advice.path("recommendedPathway").asText()).isEqualTo("BLUE_CARD");
            JsonNode blueCard = advice.path("pathways").get(0);
            assertThat(blueCard.path("code").asText()).isEqualTo("BLUE_CARD");
            assertThat(blueCard.path("outcome").asText()).isEqualTo("ELIGIBLE");
            assertThat(blueCard.path("legalBasis").get(0).asText()).isEqualTo("§ 18g AufenthG");
            assertThat(blueCard.path("federalEmploymentAgencyApproval").asText()).isEqualTo("NOT_REQUIRED");
            JsonNode salary = null;
            for (JsonNode condition : blueCard.path("conditions")) {
                if (condition.path("code").asText().equals("SALARY_THRESHOLD")) {
                    salary = condition;
                }
            }
            assertThat(salary).isNotNull();
            assertThat(salary.path("required").decimalValue()).isEqualByComparingTo("50700");
            assertThat(salary.path("actual").decimalValue()).isEqualByComparingTo("52000");
            assertThat(salary.path("text").asText()).contains(language.equals("de") ? "50.700" : "50,700");
            assertThat(blueCard.path("documents").findValuesAsText("code")).contains("PASSPORT", "EMPLOYMENT_CONTRACT", "ANABIN_PRINTOUT");
            assertThat(advice.path("trace").size()).isPositive();
            assertThat(advice.path("trace").get(0).path("legalBasis").asText()).isNotBlank();
            assertThat(advice.path("disclaimer").asText()).isNotBlank();
            assertThat(advice.path("pathways").size()).isEqualTo(12);
        }
    }

    @Test
    void badInputIsAProblemDocumentNeverA500() throws Exception {
        HttpResponse<String> response = post("/api/v1/decisions", "{\"candidate\": {\"age\": 200}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asText()).isEqualTo("candidate.age");
        assertThat(post("/api/v1/decisions", "{\"assessmentDate\": \"2027-01-01\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theRulesDescriptionOpenApiAndHealthAnswer() throws Exception {
        JsonNode rules = JSON.readTree(get("/api/v1/rules").body());
        assertThat(rules.path("version").asText()).startsWith("sha256:");
        assertThat(rules.path("ruleCount").asInt()).isEqualTo(rules.path("rules").size()).isPositive();
        assertThat(rules.path("rules").get(0).path("legalBasis").asText()).isNotBlank();
        assertThat(rules.path("supportedAssessmentDates").path("from").asText()).isEqualTo("2024-03-01");
        HttpResponse<String> openApi = get("/v3/api-docs");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/decisions").contains("CaseFacts");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).contains("UP");
    }

    @Test
    void editingAParameterFileChangesTheAnswersWithinSecondsWithoutRestart() throws Exception {
        String fivePoints = """
                {"assessmentDate": "2025-06-16", "language": "en",
                 "candidate": {"citizenships": ["IN"], "age": 30, "residence": "ABROAD", "germanLevel": "A1",
                               "englishLevel": "B1", "priorStayInGermanyMonths": 0, "monthlyFundsEur": 1200,
                               "spouseMeetsOpportunityCardRequirements": false, "spouseApplyingTogether": false},
                 "qualification": {"level": "VOCATIONAL", "acquiredIn": "ABROAD", "profession": "COOK",
                                   "trainingDurationYears": 3, "stateRecognizedInIssuingCountry": true,
                                   "germanChamberAbroadQualification": false, "recognition": "NOT_STARTED"},
                 "experience": {"relevantYearsInLast5": 5, "relevantYearsInLast7": 6},
                 "goal": "JOB_SEARCH"}""";
        JsonNode before = JSON.readTree(post("/api/v1/decisions", fivePoints).body());
        assertThat(opportunityCard(before)).isEqualTo("ELIGIBLE_AFTER_STEPS");

        Path minPoints = rules.resolve("parameters/opportunity-card-min-points.yaml");
        String original = Files.readString(minPoints);
        Files.writeString(minPoints, original.replace("value: 6", "value: 5"));
        try {
            long edited = System.nanoTime();
            JsonNode after = before;
            while (System.nanoTime() - edited < TimeUnit.SECONDS.toNanos(60)
                    && after.path("rulesVersion").asText().equals(before.path("rulesVersion").asText())) {
                Thread.sleep(100);
                after = JSON.readTree(post("/api/v1/decisions", fivePoints).body());
            }
            System.out.printf("The edited parameter was in service after %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - edited));
            assertThat(after.path("rulesVersion").asText()).isNotEqualTo(before.path("rulesVersion").asText());
            assertThat(opportunityCard(after)).isEqualTo("ELIGIBLE");
            JsonNode status = JSON.readTree(get("/api/v1/rules").body());
            assertThat(status.path("lastReload").path("status").asText()).isEqualTo("LOADED");
            assertThat(status.path("lastReload").path("trigger").asText()).isEqualTo("file watcher");
        } finally {
            Files.writeString(minPoints, original);
        }
    }

    /** The second start also warms up (lotse.warm-up), as the container image does: ready only afterwards. */
    @Test
    void aSecondStartWithTheSameRulesReadsTheCompiledRulesAndAnswersTheSame() throws Exception {
        assertThat(Files.readString(log)).contains("loaded from").doesNotContain("compiled rules from the cache");
        Path sameRules = rules.resolveSibling("same-rules");
        FileSystemUtils.copyRecursively(Path.of(System.getProperty("lotse.rules.dir", "rules")), sameRules);
        int port = freePort();
        Path secondLog = Files.createTempFile("lotse-e2e-second", ".log");
        long started = System.nanoTime();
        Process second = start(port, sameRules, secondLog, "--lotse.warm-up=2s");
        try {
            System.out.printf("The second start was healthy after %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            // healthy includes ready, and ready comes after the warm-up: its line is already there. A normal start
            // warns about nothing (operators alert on WARN)
            assertThat(Files.readString(secondLog)).contains("compiled rules from the cache")
                    .containsPattern("Warmed up for \\d+ ms before reporting ready: [1-9]\\d* decisions of [1-9]\\d* "
                            + "generated cases")
                    .doesNotContainPattern("(?m)^\\S+\\s+(WARN|ERROR)\\s");
            answersTheBlueCardCaseAsTheFirstService(port, "de");
        } finally {
            stop(second);
        }
    }

    /**
     * The container image's steps (the Dockerfile, read by {@link ImageRecipe}) on the image's Java, as far as a
     * machine without Docker can follow them: the jar extracted, the training runs with the image's JAVA_TOOL_OPTIONS
     * (the first compiles and keeps the rules, the second writes the AOT cache), then the start with the entry point's
     * options plus {@code -XX:AOTMode=on}, so that a cache the JVM cannot use fails the start instead of being
     * ignored. It must read its rules from the first training run and answer exactly as the jar on the build's Java.
     * Skipped, with the reason, when this machine has no JDK of the image's version ({@code LOTSE_IMAGE_JAVA} may
     * name one).
     */
    @Test
    void theImagesStepsOnTheImagesJavaStartWithItsAotCacheAndAnswerTheSame() throws Exception {
        ImageRecipe recipe = ImageRecipe.read(Path.of(System.getProperty("lotse.dockerfile", "Dockerfile")));
        Optional<Path> java = recipe.findJava();
        assumeTrue(java.isPresent(), () -> "no JDK " + recipe.javaVersion() + " (the image's Java) on this machine; "
                + "LOTSE_IMAGE_JAVA may name its java: the image's steps were not followed");
        assertThat(recipe.trainingRuns()).as("training runs in the Dockerfile").hasSize(2);
        Path app = rules.resolveSibling("app"); // stands for the image's /app
        Path service = app.resolve("service");
        Path imageRules = app.resolve("rules");
        Path imageCache = app.resolve("compiled-rules");
        Path steps = Files.createTempFile("lotse-e2e-image-steps", ".log");
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", recipe.javaToolOptions());
        String serviceJar = service.resolve("fachkraefte-lotse.jar").toString();
        FileSystemUtils.copyRecursively(Path.of(System.getProperty("lotse.rules.dir", "rules")), imageRules);
        Files.createDirectories(app.resolve("cds"));
        long began = System.nanoTime();
        runToTheEnd(List.of(java.get().toString(), "-Djarmode=tools", "-jar", JAR, "extract", "--destination",
                service.toString()), Map.of(), steps);
        for (List<String> training : recipe.trainingRuns()) {
            List<String> command = new ArrayList<>(List.of(java.get().toString()));
            command.addAll(ImageRecipe.under(training, app));
            command.addAll(List.of("-jar", serviceJar, "--lotse.rules.dir=" + imageRules,
                    "--lotse.rules.cache-dir=" + imageCache));
            runToTheEnd(command, env, steps);
        }
        List<String> entryPoint = ImageRecipe.under(recipe.entryPoint(), app);
        assertThat(entryPoint).as("the entry point's options").anySatisfy(option -> {
            assertThat(option).startsWith("-XX:AOTCache=");
            assertThat(Path.of(option.substring("-XX:AOTCache=".length()))).as("the AOT cache the training wrote")
                    .isNotEmptyFile();
        });
        System.out.printf("The image's steps on Java %d (%s) took %d ms%n", recipe.javaVersion(), java.get(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));

        List<String> launcher = new ArrayList<>(List.of(java.get().toString()));
        launcher.addAll(entryPoint);
        launcher.addAll(List.of("-XX:AOTMode=on", "-jar", serviceJar));
        int port = freePort();
        Path imageLog = Files.createTempFile("lotse-e2e-image", ".log");
        long started = System.nanoTime();
        Process image = start(launcher, env, imageCache, port, imageRules, imageLog);
        try {
            System.out.printf("The service as the image starts it was healthy after %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(Files.readString(imageLog)).contains("compiled rules from the cache")
                    .doesNotContainPattern("(?m)^\\S+\\s+(WARN|ERROR)\\s")
                    .doesNotContainPattern("\\]\\[(warning|error) *\\]\\[aot");
            answersTheBlueCardCaseAsTheFirstService(port, "en");
        } finally {
            stop(image);
        }
    }

    /**
     * Runs {@code command} with {@code env} to its end (at most 3 minutes), its output appended to {@code output}; it
     * must succeed.
     */
    private static void runToTheEnd(List<String> command, Map<String, String> env, Path output) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 3 minutes: " + command + "\n" + Files.readString(output));
        }
        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", command, Files.readString(output)).isZero();
    }

    /**
     * The instance on {@code port} recommends the Blue Card to the Indian developer and answers exactly as the first
     * service (apart from the decision id) once that serves the same rules version: it may still be reloading after
     * the parameter test put its file back.
     */
    private static void answersTheBlueCardCaseAsTheFirstService(int port, String language) throws Exception {
        String body = INDIAN_DEVELOPER.formatted(language);
        JsonNode other = JSON.readTree(post("http://127.0.0.1:" + port, "/api/v1/decisions", body).body());
        JsonNode first = JSON.readTree(post("/api/v1/decisions", body).body());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!first.path("rulesVersion").equals(other.path("rulesVersion")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            first = JSON.readTree(post("/api/v1/decisions", body).body());
        }
        ((ObjectNode) other).remove("decisionId");
        ((ObjectNode) first).remove("decisionId");
        assertThat(other.path("recommendedPathway").asText()).isEqualTo("BLUE_CARD");
        assertThat(other).isEqualTo(first);
    }

    @Test
    void adminEndpointsAreClosedWithoutAConfiguredPasswordAndPagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> reload = post("/api/v1/admin/rules/reload", "");
        assertThat(reload.statusCode()).isEqualTo(401);
        HttpResponse<String> rulesInfo = get("/api/v1/rules");
        assertThat(rulesInfo.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(rulesInfo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(rulesInfo.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    private static String opportunityCard(JsonNode advice) {
        for (JsonNode pathway : advice.path("pathways")) {
            if (pathway.path("code").asText().equals("OPPORTUNITY_CARD")) {
                return pathway.path("outcome").asText();
            }
        }
        throw new AssertionError("no OPPORTUNITY_CARD in " + advice);
    }
}
