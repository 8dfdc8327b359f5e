package de.lotse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No case data in any log line and nothing stored: decisions (single, batch, both languages) and the error paths run
 * with distinctive values while every log event and everything printed is captured at the production levels (DEBUG
 * for de.lotse, INFO for the rest). None of the values may appear; the caseReference comes back only in the answer.
 * Afterwards the rules folder is unchanged and no file written meanwhile (project folder, temp folder) holds them.
 */
class PrivacyTest extends HardeningContext {

    private static final String REFERENCE = "ZX-PRIV-93731";
    /** Case values and how they could look when written (as sent, or formatted for a text). */
    private static final List<String> DISTINCTIVE = List.of(REFERENCE, "ZX-PRIV", "98765.43", "98,765.43",
            "98.765,43", "98765,43", "1987-04-23", "23.04.1987", "1234.56", "1.234,56", "1,234.56",
            "PHYSIOTHERAPIST", "ZX_PRIV_PROFESSION", "ZXPRIVFIELD", "ZX-PRIV-QUERY", "61-ZXQ");

    private static final String CASE = """
            {"caseReference": "ZX-PRIV-93731", "assessmentDate": "2026-03-09", "language": "%s",
             "candidate": {"citizenships": ["IN"], "birthDate": "1987-04-23", "residence": "ABROAD",
                           "monthlyFundsEur": 1234.56, "germanLevel": "B1"},
             "qualification": {"level": "VOCATIONAL", "acquiredIn": "ABROAD", "profession": "PHYSIOTHERAPIST",
                               "recognition": "FULL"},
             "jobOffer": {"annualGrossSalaryEur": 98765.43, "iscoCode": "2264", "qualifiedEmployment": true,
                          "matchesQualification": true, "weeklyHours": 37.25}}
            """;

    @Autowired
    MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noCaseValueReachesALogOrADiskAndTheReferenceIsOnlyEchoed() throws Exception {
        Path rules = Path.of(System.getProperty("lotse.rules.dir", "rules")).toAbsolutePath();
        String rulesBefore = fingerprint(rules);
        Instant start = Instant.now().minusSeconds(1);
        List<String> answers = new ArrayList<>();
        List<ILoggingEvent> events;
        String printed;
        int requests = 0;
        try (LogCapture logs = new LogCapture()) {
            for (String language : List.of("de", "en")) {
                MockHttpServletResponse advice = send("/api/v1/decisions", CASE.formatted(language));
                requests++;
                assertThat(advice.getStatus()).as(body(advice)).isEqualTo(200);
                JsonNode answer = json.readTree(body(advice));
                assertThat(answer.path("caseReference").asText()).isEqualTo(REFERENCE);
                assertThat(body(advice)).contains("98");
                answers.add(body(advice));
            }
            MockHttpServletResponse batch = send("/api/v1/decisions/batch", "{\"cases\": [" + CASE.formatted("en") + ", "
                    + CASE.formatted("de").replace("\"PHYSIOTHERAPIST\"", "\"ZX_PRIV_PROFESSION\"") + "]}");
            requests++;
            assertThat(batch.getStatus()).isEqualTo(200);
            JsonNode results = json.readTree(body(batch)).path("results");
            assertThat(results.get(0).path("caseReference").asText()).isEqualTo(REFERENCE);
            assertThat(results.get(1).path("status").asInt()).isEqualTo(400);

            // error paths, each carrying case values: unknown code, wrong type, unknown field, broken JSON, too large,
            // out-of-window date, values in the query string
            List<String> bad = List.of(
                    CASE.formatted("en").replace("\"PHYSIOTHERAPIST\"", "\"ZX_PRIV_PROFESSION\""),
                    CASE.formatted("en").replace("\"birthDate\": \"1987-04-23\"", "\"birthDate\": \"ZX-PRIV-1987-04-23\""),
                    CASE.formatted("en").replace("\"germanLevel\": \"B1\"", "\"germanLevel\": \"ZX-PRIV-93731\""),
                    CASE.formatted("en").replace("\"residence\"", "\"ZXPRIVFIELD\": 98765.43, \"residence\""),
                    CASE.formatted("en").replace("\"weeklyHours\": 37.25", "\"weeklyHours\": \"37.25\""),
                    CASE.formatted("en").replace("\"annualGrossSalaryEur\": 98765.43", "\"annualGrossSalaryEur\": -98765.43"),
                    CASE.formatted("en").replace("\"caseReference\": \"ZX-PRIV-93731\"", "\"caseReference\": \"ZX-PRIV-93731"),
                    CASE.formatted("en").replace("2026-03-09", "1987-04-23"),
                    CASE.formatted("en").replace("\"IN\"", "\"ZX\""),
                    CASE.formatted("en").substring(0, 200),
                    "{\"caseReference\": \"ZX-PRIV-93731\", \"caseReference\": \"ZX-PRIV-93731\"}",
                    "{\"caseReference\": \"ZX-PRIV-93731" + "9".repeat(300_000) + "\"}");
            for (String body : bad) {
                MockHttpServletResponse refused = send("/api/v1/decisions", body);
                requests++;
                assertThat(refused.getStatus()).as(body(refused)).isBetween(400, 499);
            }
            MockHttpServletResponse withQuery = mvc.perform(post("/api/v1/decisions?caseReference=ZX-PRIV-QUERY&salary=61-ZXQ")
                    .contentType(MediaType.APPLICATION_JSON).content(CASE.formatted("en"))).andReturn().getResponse();
            requests++;
            assertThat(withQuery.getStatus()).isEqualTo(200);
            MockHttpServletResponse wrongType = mvc.perform(post("/api/v1/decisions").contentType(MediaType.TEXT_PLAIN)
                    .content(CASE.formatted("en"))).andReturn().getResponse();
            requests++;
            assertThat(wrongType.getStatus()).isEqualTo(415);
            events = logs.events();
            printed = logs.printed();
        }

        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent event : events) {
            String text = LogCapture.fullText(event);
            DISTINCTIVE.stream().filter(text::contains).forEach(v -> leaks.add(event.getLevel() + " " + text));
        }
        DISTINCTIVE.stream().filter(printed::contains).forEach(v -> leaks.add("printed: '" + v + "'"));
        assertThat(leaks).as("log lines or output with case data").isEmpty();

        List<ILoggingEvent> access = events.stream().filter(e -> e.getLoggerName().equals("de.lotse.access")).toList();
        assertThat(access).as("one access log line per request").hasSize(requests);
        assertThat(access).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .matches("method=POST path=/api/v1/decisions(/batch)? status=\\d{3} durationMs=\\d+ rulesVersion=sha256:[0-9a-f]{64} requestId=\\S+"));

        assertThat(fingerprint(rules)).as("the rules folder is unchanged").isEqualTo(rulesBefore);
        List<String> stored = new ArrayList<>();
        stored.addAll(filesWithCaseData(Path.of("").toAbsolutePath(), start));
        stored.addAll(filesWithCaseData(Path.of(System.getProperty("java.io.tmpdir")), start));
        assertThat(stored).as("files written during the decisions that hold case data").isEmpty();
        assertThat(answers).allSatisfy(a -> assertThat(a).contains(REFERENCE));
    }

    private MockHttpServletResponse send(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths, sizes and contents of every file of the folder. */
    private static String fingerprint(Path folder) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        TreeMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.put(folder.relativize(p).toString(), p));
        }
        for (var file : files.entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file.getValue()));
        }
        return files.size() + " files, " + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Files below the folder modified since the start that contain a distinctive value — other than this build's own
     * output (test reports may quote assertion messages) and version control.
     */
    private static List<String> filesWithCaseData(Path folder, Instant since) throws IOException, URISyntaxException {
        Path build = Path.of(PrivacyTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        List<String> found = new ArrayList<>();
        Files.walkFileTree(folder, java.util.Set.of(), 6, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return dir.equals(build) || name.equals(".git") || name.equals("target") || name.startsWith("build-")
                        || name.startsWith("bash_jobs") || name.equals("node_modules")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && attrs.lastModifiedTime().toInstant().isAfter(since)
                        && attrs.size() < 20_000_000) {
                    try {
                        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                        if (content.contains(REFERENCE) || content.contains("98765.43")) {
                            found.add(file.toString());
                        }
                    } catch (IOException unreadable) {
                        // not ours
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
