package de.lotse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lotse.decision.DecisionMetrics;
import de.lotse.web.FormCases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsProperties;
import org.springframework.boot.actuate.autoconfigure.metrics.PropertiesMeterFilter;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Metrics of the decisions and the access log: a decision counts each assessed pathway under its outcome, the
 * recommended pathway, and its latency, once per case answered (API, each case of a batch, the form's result — not
 * the previous variant decided again for the comparison, not again for the PDF protocol); every case counts as
 * answered or rejected under its channel, refusals by reason; the admin reads them at /actuator/prometheus; every API
 * request leaves one access log line, with a request id the caller may supply.
 */
class ObservabilityTest extends HardeningContext {

    private static final String CASE = """
            {"assessmentDate": "2026-03-09", "language": "en",
             "candidate": {"citizenships": ["IN"], "age": 31, "residence": "ABROAD"},
             "qualification": {"level": "ACADEMIC", "acquiredIn": "ABROAD", "profession": "SOFTWARE_DEVELOPER",
                               "academicComparability": "COMPARABLE", "graduationDate": "2019-07-15"},
             "jobOffer": {"annualGrossSalaryEur": 52000, "iscoCode": "2512", "qualifiedEmployment": true,
                          "matchesQualification": true}}
            """;

    /** {@link #CASE} as an advisor types it into the German form. */
    private static final Map<String, String> FORM_CASE = FormCases.indianDeveloper();

    /** The previous variant of {@link #FORM_CASE}: a lower salary outside the IT occupations. */
    private static final String PREVIOUS_CASE = CASE.replace("52000", "40000").replace("\"2512\"", "\"2421\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry registry;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDecisionCountsEveryAssessedPathwayUnderItsOutcomeTheRecommendationAndItsLatency() throws Exception {
        Map<String, Double> before = decisionCounts();
        double recommendedBefore = count(DecisionMetrics.RECOMMENDED, "pathway", "BLUE_CARD");
        long timedBefore = latency().count();

        JsonNode advice = json.readTree(body(decide(CASE)));

        assertThat(advice.path("recommendedPathway").asText()).isEqualTo("BLUE_CARD");
        Map<String, Double> expected = new HashMap<>(before);
        for (JsonNode pathway : advice.path("pathways")) {
            expected.merge(pathway.path("code").asText() + "/" + pathway.path("outcome").asText(), 1.0, Double::sum);
        }
        assertThat(advice.path("pathways").size()).isGreaterThan(5);
        assertThat(decisionCounts()).isEqualTo(expected);
        assertThat(count(DecisionMetrics.RECOMMENDED, "pathway", "BLUE_CARD")).isEqualTo(recommendedBefore + 1);
        assertThat(latency().count()).isEqualTo(timedBefore + 1);
        assertThat(latency().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void refusedCasesCountByReasonAndChannel() throws Exception {
        Map<String, Double> before = new HashMap<>();
        for (String reason : List.of(DecisionMetrics.INVALID_FIELD, DecisionMetrics.INVALID_CASE,
                DecisionMetrics.ASSESSMENT_DATE, DecisionMetrics.UNREADABLE, DecisionMetrics.BATCH_TOO_LARGE)) {
            before.put(reason, count(DecisionMetrics.REJECTED, "reason", reason));
            for (String channel : List.of("api", "batch", "form", "pdf")) {
                before.put(reason + "/" + channel, rejected(reason, channel));
            }
        }
        double batchAnsweredBefore = count(DecisionMetrics.ANSWERED, "channel", "batch");
        double decisionsBefore = count(DecisionMetrics.RECOMMENDED);
        assertThat(decide(CASE.replace("\"age\": 31", "\"age\": 300")).getStatus()).isEqualTo(400);
        assertThat(decide(CASE.replace("SOFTWARE_DEVELOPER", "NO_SUCH_PROFESSION")).getStatus()).isEqualTo(400);
        assertThat(decide(CASE.replace("2026-03-09", "2001-01-01")).getStatus()).isEqualTo(400);
        assertThat(decide(CASE.substring(0, 40)).getStatus()).isEqualTo(400);
        String batch = "{\"cases\": [" + CASE + ", {\"candidate\": {\"age\": -1}}, {\"goal\": \"NONSENSE\"}]}";
        assertThat(mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content(batch))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        String tooMany = "{\"cases\": [" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]}";
        assertThat(mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content(tooMany))
                .andReturn().getResponse().getStatus()).isEqualTo(400);

        assertThat(count(DecisionMetrics.REJECTED, "reason", DecisionMetrics.INVALID_FIELD))
                .isEqualTo(before.get(DecisionMetrics.INVALID_FIELD) + 3);
        assertThat(count(DecisionMetrics.REJECTED, "reason", DecisionMetrics.INVALID_CASE))
                .isEqualTo(before.get(DecisionMetrics.INVALID_CASE) + 1);
        assertThat(count(DecisionMetrics.REJECTED, "reason", DecisionMetrics.ASSESSMENT_DATE))
                .isEqualTo(before.get(DecisionMetrics.ASSESSMENT_DATE) + 1);
        assertThat(count(DecisionMetrics.REJECTED, "reason", DecisionMetrics.UNREADABLE))
                .isEqualTo(before.get(DecisionMetrics.UNREADABLE) + 1);
        assertThat(count(DecisionMetrics.REJECTED, "reason", DecisionMetrics.BATCH_TOO_LARGE))
                .isEqualTo(before.get(DecisionMetrics.BATCH_TOO_LARGE) + 1);
        // by channel: the single requests are api, the batch's cases and the batch as a whole are batch
        assertThat(rejected(DecisionMetrics.INVALID_FIELD, "api")).isEqualTo(before.get("invalid-field/api") + 1);
        assertThat(rejected(DecisionMetrics.INVALID_FIELD, "batch")).isEqualTo(before.get("invalid-field/batch") + 2);
        assertThat(rejected(DecisionMetrics.INVALID_CASE, "api")).isEqualTo(before.get("invalid-case/api") + 1);
        assertThat(rejected(DecisionMetrics.ASSESSMENT_DATE, "api")).isEqualTo(before.get("assessment-date/api") + 1);
        assertThat(rejected(DecisionMetrics.UNREADABLE, "api")).isEqualTo(before.get("unreadable/api") + 1);
        assertThat(rejected(DecisionMetrics.BATCH_TOO_LARGE, "batch")).isEqualTo(before.get("batch-too-large/batch") + 1);
        assertThat(count(DecisionMetrics.ANSWERED, "channel", "batch")).as("the batch's one valid case")
                .isEqualTo(batchAnsweredBefore + 1);
        assertThat(count(DecisionMetrics.RECOMMENDED)).isEqualTo(decisionsBefore + 1);

        // a batch that is no JSON, or whose envelope is wrong, is refused as a whole and counts once, as batch
        assertThat(batch(CASE.substring(0, 40)).getStatus()).isEqualTo(400);
        assertThat(batch("{\"items\": []}").getStatus()).isEqualTo(400);
        assertThat(rejected(DecisionMetrics.UNREADABLE, "batch")).isEqualTo(before.get("unreadable/batch") + 1);
        assertThat(rejected(DecisionMetrics.UNREADABLE, "api")).isEqualTo(before.get("unreadable/api") + 1);
        assertThat(rejected(DecisionMetrics.INVALID_FIELD, "batch")).isEqualTo(before.get("invalid-field/batch") + 3);
        // a body that is no JSON elsewhere is no refused case
        assertThat(mvc.perform(post("/api/v1/admin/rules/check").with(httpBasic("admin", ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"rulesDir\":")).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(count(DecisionMetrics.REJECTED, "reason", DecisionMetrics.UNREADABLE))
                .isEqualTo(before.get(DecisionMetrics.UNREADABLE) + 2);
        assertThat(rejected(DecisionMetrics.INVALID_FIELD, "form")).isEqualTo(before.get("invalid-field/form"));
        assertThat(rejected(DecisionMetrics.INVALID_FIELD, "pdf")).isEqualTo(before.get("invalid-field/pdf"));
    }

    @Test
    void aFormResultCountsOnceAsADecisionEvenWithAPreviousVariantAndItsPdfNotAgain() throws Exception {
        Map<String, Double> before = decisionCounts();
        double recommendedBefore = count(DecisionMetrics.RECOMMENDED);
        long timedBefore = latency().count();
        double formBefore = count(DecisionMetrics.ANSWERED, "channel", "form");
        double rejectedBefore = count(DecisionMetrics.REJECTED);

        // the previous variant (another salary and occupation, so other outcomes) is decided only for the comparison;
        // a previous variant outside the rules' dates is dropped, and is no refusal either
        assertThat(form("/advice", FORM_CASE, "previousCase", PREVIOUS_CASE).getStatus()).isEqualTo(200);
        Map<String, Double> afterForm = decisionCounts();
        assertThat(count(DecisionMetrics.RECOMMENDED)).isEqualTo(recommendedBefore + 1);
        assertThat(latency().count()).isEqualTo(timedBefore + 1);
        assertThat(count(DecisionMetrics.ANSWERED, "channel", "form")).isEqualTo(formBefore + 1);
        assertThat(form("/advice", FORM_CASE, "previousCase", PREVIOUS_CASE.replace("2026-03-09", "2001-01-01"))
                .getStatus()).isEqualTo(200);
        assertThat(count(DecisionMetrics.REJECTED)).isEqualTo(rejectedBefore);
        assertThat(count(DecisionMetrics.RECOMMENDED)).isEqualTo(recommendedBefore + 2);

        // the PDF protocol prints that result: answered through pdf, but no second decision
        double pdfBefore = count(DecisionMetrics.ANSWERED, "channel", "pdf");
        Map<String, Double> beforePdf = decisionCounts();
        MockHttpServletResponse pdf = form("/advice/pdf", FORM_CASE);
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        assertThat(count(DecisionMetrics.ANSWERED, "channel", "pdf")).isEqualTo(pdfBefore + 1);
        assertThat(decisionCounts()).isEqualTo(beforePdf);
        assertThat(count(DecisionMetrics.RECOMMENDED)).isEqualTo(recommendedBefore + 2);
        assertThat(latency().count()).isEqualTo(timedBefore + 2);

        // one form result counts the pathways exactly as one API decision of the same case does
        Map<String, Double> beforeApi = decisionCounts();
        assertThat(decide(CASE).getStatus()).isEqualTo(200);
        assertThat(difference(before, afterForm)).isNotEmpty().isEqualTo(difference(beforeApi, decisionCounts()));
    }

    @Test
    void aRefusedFormCountsOnceByReasonWhateverTheNumberOfFaultyFields() throws Exception {
        double invalidField = rejected(DecisionMetrics.INVALID_FIELD, "form");
        double invalidCase = rejected(DecisionMetrics.INVALID_CASE, "form");
        double assessmentDate = rejected(DecisionMetrics.ASSESSMENT_DATE, "pdf");
        double rejected = count(DecisionMetrics.REJECTED);
        double answered = count(DecisionMetrics.ANSWERED);
        double recommended = count(DecisionMetrics.RECOMMENDED);

        assertThat(form("/advice", FORM_CASE, "candidate.age", "200").getStatus()).isEqualTo(400);
        assertThat(rejected(DecisionMetrics.INVALID_FIELD, "form")).isEqualTo(invalidField + 1);
        // two faulty inputs: a text that is no amount (found by the form) and an unknown country
        Map<String, String> twoFaults = new HashMap<>(FORM_CASE);
        twoFaults.put("jobOffer.annualGrossSalaryEur", "viel");
        twoFaults.put("candidate.citizenships", "Atlantis");
        assertThat(form("/advice", twoFaults).getStatus()).isEqualTo(400);
        assertThat(rejected(DecisionMetrics.INVALID_FIELD, "form")).isEqualTo(invalidField + 2);
        // a contradiction the engine finds
        assertThat(form("/advice", FORM_CASE, "candidate.birthDate", "01.01.1980").getStatus()).isEqualTo(400);
        assertThat(rejected(DecisionMetrics.INVALID_CASE, "form")).isEqualTo(invalidCase + 1);
        // a protocol the rules in service cannot answer
        assertThat(form("/advice/pdf", FORM_CASE, "assessmentDate", "2001-01-01").getStatus()).isEqualTo(400);
        assertThat(rejected(DecisionMetrics.ASSESSMENT_DATE, "pdf")).isEqualTo(assessmentDate + 1);

        assertThat(count(DecisionMetrics.REJECTED)).isEqualTo(rejected + 4);
        assertThat(count(DecisionMetrics.ANSWERED)).isEqualTo(answered);
        assertThat(count(DecisionMetrics.RECOMMENDED)).isEqualTo(recommended);
    }

    @Test
    void theAdminReadsTheDecisionMetricsInPrometheusFormatOthersMayNot() throws Exception {
        decide(CASE);
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        MockHttpServletResponse scrape = mvc.perform(get("/actuator/prometheus")
                .with(httpBasic("admin", ADMIN_PASSWORD))).andReturn().getResponse();
        assertThat(scrape.getStatus()).isEqualTo(200);
        assertThat(body(scrape))
                .containsPattern("lotse_decisions_total\\{outcome=\"ELIGIBLE\",pathway=\"BLUE_CARD\"} \\d")
                .containsPattern("lotse_decisions_recommended_total\\{pathway=\"BLUE_CARD\"} \\d")
                .containsPattern("lotse_decision_latency_seconds_count \\d")
                .as("no latency histogram unless configured").doesNotContain("lotse_decision_latency_seconds_bucket");
        MockHttpServletResponse metric = mvc.perform(get("/actuator/metrics/lotse.decision.latency")
                .with(httpBasic("admin", ADMIN_PASSWORD))).andReturn().getResponse();
        assertThat(metric.getStatus()).isEqualTo(200);
    }

    /** The histogram is off by default; Boot's per-meter property switches it on for our timer. */
    @Test
    void theLatencyHistogramCanBePublishedByConfiguration() {
        MetricsProperties properties = new MetricsProperties();
        properties.getDistribution().getPercentilesHistogram().put(DecisionMetrics.LATENCY, true);
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prometheus.config().meterFilter(new PropertiesMeterFilter(properties));
        new DecisionMetrics(prometheus);
        prometheus.timer(DecisionMetrics.LATENCY).record(java.time.Duration.ofMillis(2));
        assertThat(prometheus.scrape()).contains("lotse_decision_latency_seconds_bucket");
    }

    /**
     * Requests are timed once (http.server.requests); Spring Security's own observations — one per filter of its
     * chain, for every request — are off (application.properties: a measurable share of a request's CPU, fifth round of
     * docs/performance.md).
     */
    @Test
    void requestsAreTimedOnceWithoutSpringSecuritysPerFilterObservations() throws Exception {
        decide(CASE);
        mvc.perform(get("/actuator/health")).andReturn();
        assertThat(registry.find("http.server.requests").tag("uri", "/api/v1/decisions").timers()).isNotEmpty();
        assertThat(registry.getMeters()).map(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void everyApiRequestLeavesOneAccessLogLineWithARequestId() throws Exception {
        List<ILoggingEvent> lines;
        MockHttpServletResponse given;
        MockHttpServletResponse generated;
        MockHttpServletResponse forged;
        try (LogCapture logs = new LogCapture()) {
            given = mvc.perform(post("/api/v1/decisions").header("X-Request-Id", "portal-4711.a")
                    .contentType(MediaType.APPLICATION_JSON).content(CASE)).andReturn().getResponse();
            generated = mvc.perform(get("/api/v1/rules")).andReturn().getResponse();
            forged = mvc.perform(get("/api/v1/nothing-here").header("X-Request-Id", "x\nmethod=FAKE status=200"))
                    .andReturn().getResponse();
            mvc.perform(get("/actuator/health")).andReturn();
            lines = logs.events().stream().filter(e -> e.getLoggerName().equals("de.lotse.access")).toList();
        }
        assertThat(given.getHeader("X-Request-Id")).isEqualTo("portal-4711.a");
        assertThat(generated.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(forged.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(lines).as("health probes are not logged").hasSize(3);
        assertThat(lines.get(0).getFormattedMessage()).matches(
                "method=POST path=/api/v1/decisions status=200 durationMs=\\d+ rulesVersion=sha256:[0-9a-f]{64} requestId=portal-4711\\.a");
        assertThat(lines.get(0).getLevel().toString()).isEqualTo("INFO");
        assertThat(lines.get(1).getFormattedMessage()).startsWith("method=GET path=/api/v1/rules status=200 ")
                .endsWith("requestId=" + generated.getHeader("X-Request-Id"));
        assertThat(lines.get(2).getFormattedMessage()).startsWith("method=GET path=/api/v1/nothing-here status=404 ")
                .doesNotContain("FAKE");
    }

    private MockHttpServletResponse decide(String body) throws Exception {
        return mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse batch(String body) throws Exception {
        return mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    /** The form posted with its CSRF token; {@code changes} are pairs of field and value that replace or add one. */
    private MockHttpServletResponse form(String path, Map<String, String> values, String... changes) throws Exception {
        Map<String, String> form = new HashMap<>(values);
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> difference = new HashMap<>();
        after.forEach((key, value) -> {
            double delta = value - before.getOrDefault(key, 0.0);
            if (delta != 0) {
                difference.put(key, delta);
            }
        });
        return difference;
    }

    private Map<String, Double> decisionCounts() {
        Map<String, Double> counts = new HashMap<>();
        for (Counter c : registry.find(DecisionMetrics.DECISIONS).counters()) {
            counts.put(c.getId().getTag("pathway") + "/" + c.getId().getTag("outcome"), c.count());
        }
        return counts;
    }

    /** The sum of the counters of that name with these tags (pairs of key and value), over their other tags. */
    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double rejected(String reason, String channel) {
        return count(DecisionMetrics.REJECTED, "reason", reason, "channel", channel);
    }

    private Timer latency() {
        return registry.get(DecisionMetrics.LATENCY).timer();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
