package de.lotse.bench;

import de.lotse.decision.Advice;
import de.lotse.decision.CaseFacts;
import de.lotse.decision.DecisionService;
import de.lotse.decision.Evaluation;
import de.lotse.knowledge.KnowledgeBase;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision engine alone, without HTTP: the full knowledge base of {@code rules/} (or {@code -Dlotse.rules.dir}),
 * and as the case mix every scenario request of {@code test-cases/} (or {@code -Dlotse.test-cases.dir}) that is
 * answered (scenarios that expect a rejection are left out). One operation = one case, in turn.
 * <ul>
 *   <li>{@code decide}: what a request costs after reading — defaults and checks, one fresh stateless Drools
 *       session with all facts, and the advice with its texts ({@link DecisionService#decide}).</li>
 *   <li>{@code rulesOnly}: the Drools part alone ({@link KnowledgeBase#evaluate}), to tell engine from assembly.</li>
 * </ul>
 * Run with {@code scripts/bench-engine.sh}; classic DRL needs a long warm-up (spike.md), hence 3 × 8 s.
 * Not a test: surefire excludes this package.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 8)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class EngineBenchmark {

    /** The knowledge base and the case mix, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Engine {
        CaseMix mix;

        @Setup(Level.Trial)
        public void load() {
            mix = new CaseMix();
            System.out.println("# Lotse: " + mix.describe());
        }
    }

    /** Each thread reads its own copies of the cases (decisions fill defaults into them) and walks through them. */
    @State(Scope.Thread)
    public static class Cases {
        CaseFacts[] facts;
        LocalDate[] dates;
        int next;

        @Setup(Level.Trial)
        public void read(Engine engine) {
            facts = engine.mix.cases();
            dates = new LocalDate[facts.length];
            for (int i = 0; i < facts.length; i++) {
                dates[i] = engine.mix.decisions.decide(facts[i]).assessmentDate();
            }
        }

        int next() {
            int i = next;
            next = i + 1 == facts.length ? 0 : i + 1;
            return i;
        }
    }

    @Benchmark
    public Advice decide(Engine engine, Cases cases) {
        return engine.mix.decisions.decide(cases.facts[cases.next()]);
    }

    @Benchmark
    public Evaluation rulesOnly(Engine engine, Cases cases) {
        int i = cases.next();
        return engine.mix.rules.evaluate(cases.facts[i], cases.dates[i]);
    }
}
