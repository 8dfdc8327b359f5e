package de.lotse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lotse.decision.DecisionMetrics;
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

/**
 * Metrics of the decisions and the access log: a decision counts each assessed pathway under its outcome, the
 * recommended pathway, and its latency; refusals count by reason; the admin reads them at /actuator/prometheus;
 * every API request leaves one access log line, with a request id the caller may supply.
 */
class ObservabilityTest extends HardeningContext {

    private static final String CASE = """
            {"assessmentDate": "2026-03-09", "language": "en",
             "candidate": {"citizenships": ["IN"], "age": 31, "residence": "ABROAD"},
             "qualification": {"level": "ACADEMIC", "acquiredIn": "ABROAD", "profession": "SOFTWARE_DEVELOPER",
                               "academicComparability": "COMPARABLE"},
             "jobOffer": {"annualGrossSalaryEur": 52000, "iscoCode": "2512", "qualifiedEmployment": true,
                          "matchesQualification": true}}
            """;

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
    void refusedCasesCountByReason() throws Exception {
        Map<String, Double> before = new HashMap<>();
        for (String reason : List.of(DecisionMetrics.INVALID_FIELD, DecisionMetrics.INVALID_CASE,
                DecisionMetrics.ASSESSMENT_DATE, DecisionMetrics.UNREADABLE, DecisionMetrics.BATCH_TOO_LARGE)) {
            before.put(reason, count(DecisionMetrics.REJECTED, "reason", reason));
        }
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

    private Map<String, Double> decisionCounts() {
        Map<String, Double> counts = new HashMap<>();
        for (Counter c : registry.find(DecisionMetrics.DECISIONS).counters()) {
            counts.put(c.getId().getTag("pathway") + "/" + c.getId().getTag("outcome"), c.count());
        }
        return counts;
    }

    private double count(String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer latency() {
        return registry.get(DecisionMetrics.LATENCY).timer();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
