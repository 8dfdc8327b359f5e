package de.lotse.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of the decisions (no case data, only codes that the rules folder defines):
 * <ul>
 *   <li>{@code lotse.decisions} (counter, tags {@code pathway}, {@code outcome}): one per pathway assessed per
 *       decision;</li>
 *   <li>{@code lotse.decisions.recommended} (counter, tag {@code pathway}, {@code NONE} when no pathway is open);</li>
 *   <li>{@code lotse.decision.latency} (timer): rules and advice assembly of one decision, without HTTP and JSON.
 *       No percentile histogram by default; publish one with
 *       {@code management.metrics.distribution.percentiles-histogram.lotse.decision.latency=true};</li>
 *   <li>{@code lotse.decisions.rejected} (counter, tag {@code reason}): cases refused as invalid —
 *       {@code unreadable} (malformed JSON, no body), {@code invalid-field} (wrong type, unknown field or value out of
 *       range), {@code invalid-case} (unknown code, age and birth date that contradict each other),
 *       {@code assessment-date} (outside the supported window), {@code batch-too-large}.</li>
 * </ul>
 * Meters are looked up once per tag combination and then reused.
 */
@Component
public class DecisionMetrics {

    public static final String DECISIONS = "lotse.decisions";
    public static final String RECOMMENDED = "lotse.decisions.recommended";
    public static final String LATENCY = "lotse.decision.latency";
    public static final String REJECTED = "lotse.decisions.rejected";

    /** Reasons of {@link #rejected(String)}. */
    public static final String UNREADABLE = "unreadable";
    public static final String INVALID_FIELD = "invalid-field";
    public static final String INVALID_CASE = "invalid-case";
    public static final String ASSESSMENT_DATE = "assessment-date";
    public static final String BATCH_TOO_LARGE = "batch-too-large";

    private final MeterRegistry registry;
    private final Timer latency;
    private final Map<String, Counter[]> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> recommended = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder(LATENCY)
                .description("Time to decide one case: rules and advice assembly, without HTTP and JSON")
                .register(registry);
    }

    /** Meters that go nowhere, for use without Spring (scenario runner, benchmarks). */
    public static DecisionMetrics none() {
        return new DecisionMetrics(new CompositeMeterRegistry());
    }

    void decided(Advice advice, long nanos) {
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
    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder(REJECTED)
                .description("Cases refused as invalid, by reason").tag("reason", r).register(registry)).increment();
    }
}
