package de.lotse.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of the decisions (no case data, only codes that the rules folder defines).
 * <p>
 * What counts: every case a caller sends counts once, either as answered (with an advice) or as rejected (with the
 * reason), under the {@link Channel} it came through — a single API request, each case of a batch, the form's result,
 * the form's PDF protocol. A <em>decision</em> is a case answered with a new advice: through {@code api},
 * {@code batch} or {@code form}. The PDF protocol prints the result the advisor has just seen on the form's result
 * page, so it counts as answered ({@code channel=pdf}) but not again as a decision. Work that answers no caller by
 * itself does not count: the previous variant decided again for the comparison on the result page, the scenario
 * runner, the rules check, {@code ./lotse}, the benchmarks ({@link DecisionService#decide(CaseFacts)}).
 * <ul>
 *   <li>{@code lotse.decisions} (counter, tags {@code pathway}, {@code outcome}): one per pathway assessed per
 *       decision;</li>
 *   <li>{@code lotse.decisions.recommended} (counter, tag {@code pathway}, {@code NONE} when no pathway is open): one
 *       per decision, so its sum is the number of decisions;</li>
 *   <li>{@code lotse.decision.latency} (timer): rules and advice assembly of one decision, without HTTP and JSON; its
 *       count is the number of decisions. No percentile histogram by default; publish one with
 *       {@code management.metrics.distribution.percentiles-histogram.lotse.decision.latency=true};</li>
 *   <li>{@code lotse.decisions.answered} (counter, tag {@code channel}: {@code api}, {@code batch}, {@code form},
 *       {@code pdf}): cases answered with an advice; without {@code pdf} it sums to the number of decisions;</li>
 *   <li>{@code lotse.decisions.rejected} (counter, tags {@code reason}, {@code channel}): cases refused as invalid,
 *       each once — {@code unreadable} (malformed JSON, no body), {@code invalid-field} (wrong type, unknown field or
 *       value out of range; in the form also an input that is no number or date, once per form whatever the number
 *       of fields), {@code invalid-case} (unknown code, age and birth date that contradict each other),
 *       {@code assessment-date} (outside the supported window), {@code batch-too-large}. A batch refused as a whole
 *       ({@code unreadable}, {@code invalid-field} for a wrong envelope, {@code batch-too-large}) counts once; in an
 *       accepted batch each refused case counts. Refusals before a case is read at all (401/403, 413, 415) are only
 *       in Spring's {@code http.server.requests}.</li>
 * </ul>
 * Meters are looked up once per tag combination and then reused; a decision costs only counter increments.
 */
@Component
public class DecisionMetrics {

    public static final String DECISIONS = "lotse.decisions";
    public static final String RECOMMENDED = "lotse.decisions.recommended";
    public static final String LATENCY = "lotse.decision.latency";
    public static final String ANSWERED = "lotse.decisions.answered";
    public static final String REJECTED = "lotse.decisions.rejected";

    /** Reasons of {@link #rejected(String, Channel)}. */
    public static final String UNREADABLE = "unreadable";
    public static final String INVALID_FIELD = "invalid-field";
    public static final String INVALID_CASE = "invalid-case";
    public static final String ASSESSMENT_DATE = "assessment-date";
    public static final String BATCH_TOO_LARGE = "batch-too-large";

    /** Where a case came from; the tag value is the lower-case name. */
    public enum Channel {
        /** {@code POST /api/v1/decisions}. */
        API(true),
        /** One case of {@code POST /api/v1/decisions/batch}. */
        BATCH(true),
        /** The advisor form's result page. */
        FORM(true),
        /** The PDF protocol of a form result: answered, but not a new decision. */
        PDF(false);

        private final boolean decision;
        private final String tag = name().toLowerCase(Locale.ROOT);

        Channel(boolean decision) {
            this.decision = decision;
        }

        /** The value of the {@code channel} tag. */
        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry registry;
    private final Timer latency;
    private final Counter[] answered = new Counter[Channel.values().length];
    private final Map<String, Counter[]> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> recommended = new ConcurrentHashMap<>();
    /** By reason and channel tag ("invalid-field/api"). */
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder(LATENCY)
                .description("Time to decide one case: rules and advice assembly, without HTTP and JSON")
                .register(registry);
        for (Channel channel : Channel.values()) {
            answered[channel.ordinal()] = Counter.builder(ANSWERED)
                    .description("Cases answered with an advice, by channel (pdf: a form result printed, no new decision)")
                    .tag("channel", channel.tag()).register(registry);
        }
    }

    /** Meters that go nowhere, for use without Spring (scenario runner, benchmarks). */
    public static DecisionMetrics none() {
        return new DecisionMetrics(new CompositeMeterRegistry());
    }

    /** A case answered through {@code channel}; a decision (not {@link Channel#PDF}) also counts its pathways. */
    void decided(Advice advice, long nanos, Channel channel) {
        answered[channel.ordinal()].increment();
        if (!channel.decision) {
            return;
        }
        latency.record(nanos, TimeUnit.NANOSECONDS);
        for (Advice.PathwayAdvice pathway : advice.pathways()) {
            counter(pathway.code(), pathway.outcome()).increment();
        }
        String best = advice.recommendedPathway() == null ? "NONE" : advice.recommendedPathway();
        recommended.computeIfAbsent(best, code -> Counter.builder(RECOMMENDED)
                .description("Decisions by recommended pathway (NONE: no pathway open)")
                .tag("pathway", code).register(registry)).increment();
    }

    /** A racing second lookup is harmless: the registry hands out the same counter for the same tags. */
    private Counter counter(String pathway, Outcome outcome) {
        Counter[] byOutcome = decisions.computeIfAbsent(pathway, code -> new Counter[Outcome.values().length]);
        Counter counter = byOutcome[outcome.ordinal()];
        if (counter == null) {
            counter = Counter.builder(DECISIONS)
                    .description("Pathways assessed, by pathway and outcome (one per pathway per decision)")
                    .tag("pathway", pathway).tag("outcome", outcome.name()).register(registry);
            byOutcome[outcome.ordinal()] = counter;
        }
        return counter;
    }

    /** A case refused as invalid; {@code reason} is one of the constants of this class. */
    public void rejected(String reason, Channel channel) {
        rejected.computeIfAbsent(reason + "/" + channel.tag(), key -> Counter.builder(REJECTED)
                .description("Cases refused as invalid, by reason and channel")
                .tag("reason", reason).tag("channel", channel.tag()).register(registry)).increment();
    }
}
