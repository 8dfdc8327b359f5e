package de.lotse.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lotse.decision.Advice;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionService;
import de.lotse.expert.CorpusGenerator;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseService;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides generated cases on one thread for {@code lotse.warm-up} (env {@code LOTSE_WARMUP}; default 0s = off, the
 * container image sets 30s) after the service has started and before it reports ready.
 * <p>
 * Why: the JIT compiles the generated code of the rules only once it has run often. Under full load a fresh instance
 * leaves the compiler a small share of the CPU and answered a fraction of its warm throughput for minutes; after 30
 * seconds of this warm-up it answered 1.7–2 times as many decisions in its first two minutes (docs/performance.md,
 * sixth round). The web server is already open meanwhile (liveness is up, requests are answered); only readiness
 * waits, so a load balancer sends traffic once the instance is warmer.
 * <p>
 * The cases come from {@link CorpusGenerator} for the rules in service (no case data of anyone); they go the way of
 * an API request — read, decided, the advice written as JSON (to nowhere) — and are not counted in the decision
 * metrics.
 * A warm-up that fails is logged and skipped: it never stops the start.
 */
@Component
public class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    /** Generated cases to go round: enough to fire every pathway's rules, few enough to generate in milliseconds. */
    static final int CASES = 256;

    private final Supplier<KnowledgeBase> knowledge;
    private final DecisionService decisions;
    private final CaseReader reader;
    private final ObjectMapper mapper;
    private final Duration duration;
    private volatile boolean stopping;

    @Autowired
    public WarmUp(KnowledgeBaseService knowledge, DecisionService decisions, CaseReader reader, ObjectMapper mapper,
                  @Value("${lotse.warm-up:0s}") Duration duration) {
        this(knowledge::current, decisions, reader, mapper, duration);
    }

    WarmUp(Supplier<KnowledgeBase> knowledge, DecisionService decisions, CaseReader reader, ObjectMapper mapper,
           Duration duration) {
        this.knowledge = knowledge;
        this.decisions = decisions;
        this.reader = reader;
        this.mapper = mapper;
        this.duration = duration == null || duration.isNegative() ? Duration.ZERO : duration;
    }

    /** What a warm-up did. */
    record Result(int cases, long decisions, Duration took) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (duration.isZero()) {
            return;
        }
        try {
            Result result = warmUp();
            if (stopping) {
                log.info("Warm-up ended after {} ms: the service is stopping", result.took().toMillis());
            } else {
                log.info("Warmed up for {} ms before reporting ready: {} decisions of {} generated cases",
                        result.took().toMillis(), result.decisions(), result.cases());
            }
        } catch (RuntimeException e) {
            log.warn("Warm-up skipped, the service reports ready without it: {}", e.toString());
        }
    }

    /** The service is stopping: a warm-up in progress ends at its next case. */
    @EventListener(ContextClosedEvent.class)
    public void stop() {
        stopping = true;
    }

    /** Decides the generated cases in turn until {@code duration} has passed or the service stops. */
    Result warmUp() {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<ObjectNode> requests = new CorpusGenerator(knowledge.get(), 1).generate(CASES).values().stream()
                .flatMap(List::stream).map(CorpusGenerator.GeneratedCase::request).toList();
        long decided = 0;
        // no cases (a rules folder the generator finds nothing in) ends at once instead of spinning until the end
        while (!requests.isEmpty() && !stopping && !Thread.currentThread().isInterrupted()
                && System.nanoTime() < end) {
            for (ObjectNode request : requests) {
                if (stopping || System.nanoTime() >= end) {
                    break;
                }
                if (decide(request)) {
                    decided++;
                }
            }
        }
        return new Result(requests.size(), decided, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One case the way of an API request; false if it is refused (as generated incomplete cases may be). */
    private boolean decide(ObjectNode request) {
        if (!(decisions.attempt(reader, request) instanceof DecisionService.Answered answered)) {
            return false;
        }
        Advice advice = answered.advice();
        try {
            mapper.writeValue(OutputStream.nullOutputStream(), advice);
        } catch (IOException e) {
            throw new IllegalStateException("an advice could not be written as JSON", e);
        }
        return true;
    }
}
