package de.lotse.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionMetrics;
import de.lotse.decision.DecisionService;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The warm-up before ready, on the repository's rules, without Spring. */
class WarmUpTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static KnowledgeBase rules;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();

    private static synchronized KnowledgeBase rules() {
        if (rules == null) {
            rules = new KnowledgeBaseLoader(CLOCK).load(Path.of("rules"));
        }
        return rules;
    }

    private WarmUp warmUp(Duration duration) {
        KnowledgeBase kb = rules();
        DecisionService decisions = new DecisionService(() -> kb, new AdviceAssembler(), CLOCK,
                new DecisionMetrics(registry));
        return new WarmUp(() -> kb, decisions, CaseReader.standalone(), mapper, duration);
    }

    @Test
    void decidesGeneratedCasesUntilItsTimeIsUpWithoutCountingThemAsDecisions() {
        WarmUp.Result result = warmUp(Duration.ofMillis(700)).warmUp();

        assertThat(result.cases()).isGreaterThanOrEqualTo(WarmUp.CASES - 10); // the generator rounds per kind of case
        assertThat(result.decisions()).isPositive();
        assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        // nobody asked for these decisions: the metrics of real ones stay as they were
        assertThat(registry.find(DecisionMetrics.ANSWERED).counters()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(registry.find(DecisionMetrics.DECISIONS).counters()).extracting(Counter::count)
                .allSatisfy(count -> assertThat(count).isZero());
        assertThat(registry.find(DecisionMetrics.LATENCY).timer().count()).isZero();
    }

    @Test
    void offByDefaultItDecidesNothing() {
        @SuppressWarnings("unchecked")
        Supplier<KnowledgeBase> knowledge = mock(Supplier.class);
        DecisionService decisions = mock(DecisionService.class);
        CaseReader reader = mock(CaseReader.class);

        new WarmUp(knowledge, decisions, reader, mapper, Duration.ZERO).run(new DefaultApplicationArguments());
        new WarmUp(knowledge, decisions, reader, mapper, null).run(new DefaultApplicationArguments());

        verifyNoInteractions(knowledge, decisions, reader);
    }

    @Test
    void aServiceThatIsStoppingEndsItsWarmUp() throws Exception {
        WarmUp stoppedFirst = warmUp(Duration.ofMinutes(10));
        stoppedFirst.stop();
        assertThat(stoppedFirst.warmUp().decisions()).isZero();

        WarmUp running = warmUp(Duration.ofMinutes(10));
        CompletableFuture<WarmUp.Result> result = CompletableFuture.supplyAsync(running::warmUp);
        Thread.sleep(300);
        running.stop();
        // ends at its next case, long before its ten minutes
        assertThat(result.get(60, TimeUnit.SECONDS).took()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aWarmUpThatFailsNeverStopsTheStart() {
        KnowledgeBase kb = rules();
        DecisionService decisions = new DecisionService(() -> kb, new AdviceAssembler(), CLOCK);
        WarmUp failing = new WarmUp(() -> {
            throw new IllegalStateException("no rules");
        }, decisions, CaseReader.standalone(), mapper, Duration.ofSeconds(5));

        assertThatCode(() -> failing.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
    }
}
