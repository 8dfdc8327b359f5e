package de.lotse.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lotse.decision.Catalogue.Entry;
import de.lotse.decision.Catalogue.PathwayInfo;
import de.lotse.decision.DecisionMetrics.Channel;
import de.lotse.decision.facts.Finding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the decision service counts, on a small hand-made rule book: a case answered through a channel counts once
 * (a decision, or for the PDF protocol only as answered), a refusal once by reason and channel, and a decision
 * without a channel (comparison, scenario runner, benchmarks) not at all.
 */
class DecisionMetricsTest {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 9);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** P1 is met, P2 is not: each decision assesses both, and recommends P1. */
    private final RuleBook rules = new RuleBook() {
        private final Catalogue catalogue = new Catalogue(
                List.of(pathway("P1"), pathway("P2")), List.of(), List.of(),
                List.of(new Entry("C_A", new LocalizedText("A", "A"))),
                Map.of("KNOWN", new LocalizedText("Bekannt", "Known")),
                new Texts(Map.of("disclaimer", new LocalizedText("Stand {date}.", "As of {date}."))));

        @Override public String version() { return "sha256:test"; }
        @Override public Instant loadedAt() { return Instant.EPOCH; }
        @Override public DateWindow supportedWindow() { return new DateWindow(DATE.minusYears(1), DATE.plusYears(1)); }
        @Override public Catalogue catalogue() { return catalogue; }

        @Override
        public Evaluation evaluate(CaseFacts facts, LocalDate date) {
            return new Evaluation(List.of(Finding.met("P1", "C_A", "§ A"), Finding.unmet("P2", "C_A", "§ A")), List.of());
        }
    };

    private final DecisionService decisions = new DecisionService(() -> rules, new AdviceAssembler(),
            Clock.fixed(DATE.atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant(), ZoneId.of("Europe/Berlin")),
            new DecisionMetrics(registry));

    @Test
    void aCaseAnsweredThroughAChannelCountsOnceAsADecision() {
        Advice advice = decisions.decide(validCase(), Channel.API);
        decisions.decide(validCase(), Channel.BATCH);
        decisions.decide(validCase(), Channel.FORM);

        assertThat(advice.recommendedPathway()).isEqualTo("P1");
        assertThat(count(DecisionMetrics.DECISIONS, "pathway", "P1", "outcome", "ELIGIBLE")).isEqualTo(3);
        assertThat(count(DecisionMetrics.DECISIONS, "pathway", "P2", "outcome", "NOT_ELIGIBLE")).isEqualTo(3);
        assertThat(total(DecisionMetrics.DECISIONS)).isEqualTo(6);
        assertThat(count(DecisionMetrics.RECOMMENDED, "pathway", "P1")).isEqualTo(3);
        assertThat(total(DecisionMetrics.RECOMMENDED)).isEqualTo(3);
        assertThat(registry.get(DecisionMetrics.LATENCY).timer().count()).isEqualTo(3);
        assertThat(registry.get(DecisionMetrics.LATENCY).timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
        for (String channel : List.of("api", "batch", "form")) {
            assertThat(count(DecisionMetrics.ANSWERED, "channel", channel)).as(channel).isEqualTo(1);
        }
        assertThat(count(DecisionMetrics.ANSWERED, "channel", "pdf")).isZero();
        assertThat(total(DecisionMetrics.REJECTED)).isZero();
        assertThat(registry.find(DecisionMetrics.DECISIONS).counters()).as("one meter per tag combination").hasSize(2);
    }

    @Test
    void thePdfProtocolCountsAsAnsweredButNotAsANewDecision() {
        decisions.decide(validCase(), Channel.PDF);

        assertThat(count(DecisionMetrics.ANSWERED, "channel", "pdf")).isEqualTo(1);
        assertThat(total(DecisionMetrics.ANSWERED)).isEqualTo(1);
        assertThat(total(DecisionMetrics.DECISIONS)).isZero();
        assertThat(total(DecisionMetrics.RECOMMENDED)).isZero();
        assertThat(registry.get(DecisionMetrics.LATENCY).timer().count()).isZero();
    }

    @Test
    void aDecisionWithoutAChannelCountsNothingNeitherAnswerNorRefusal() {
        assertThat(decisions.decide(validCase()).recommendedPathway()).isEqualTo("P1");
        CaseFacts unknownProfession = validCase();
        unknownProfession.getQualification().setProfession("NO_SUCH_PROFESSION");
        assertThatThrownBy(() -> decisions.decide(unknownProfession)).isInstanceOf(InvalidCaseException.class);
        CaseFacts outside = validCase();
        outside.setAssessmentDate(DATE.minusYears(5));
        assertThatThrownBy(() -> decisions.decide(outside)).isInstanceOf(AssessmentDateOutOfRangeException.class);

        assertThat(total(DecisionMetrics.ANSWERED)).isZero();
        assertThat(total(DecisionMetrics.DECISIONS)).isZero();
        assertThat(total(DecisionMetrics.RECOMMENDED)).isZero();
        assertThat(total(DecisionMetrics.REJECTED)).isZero();
        assertThat(registry.get(DecisionMetrics.LATENCY).timer().count()).isZero();
    }

    @Test
    void aRefusalCountsOnceByReasonAndChannel() {
        CaseFacts unknownProfession = validCase();
        unknownProfession.getQualification().setProfession("NO_SUCH_PROFESSION");
        assertThatThrownBy(() -> decisions.decide(unknownProfession, Channel.BATCH)).isInstanceOf(InvalidCaseException.class);
        CaseFacts outside = validCase();
        outside.setAssessmentDate(DATE.minusYears(5));
        assertThatThrownBy(() -> decisions.decide(outside, Channel.FORM))
                .isInstanceOf(AssessmentDateOutOfRangeException.class);
        assertThatThrownBy(() -> decisions.decide(outside, Channel.PDF))
                .isInstanceOf(AssessmentDateOutOfRangeException.class);
        decisions.rejected(DecisionMetrics.INVALID_FIELD, Channel.FORM);
        decisions.rejected(DecisionMetrics.INVALID_FIELD, Channel.FORM);
        decisions.rejected(DecisionMetrics.UNREADABLE, Channel.API);

        assertThat(rejected(DecisionMetrics.INVALID_CASE, "batch")).isEqualTo(1);
        assertThat(rejected(DecisionMetrics.ASSESSMENT_DATE, "form")).isEqualTo(1);
        assertThat(rejected(DecisionMetrics.ASSESSMENT_DATE, "pdf")).isEqualTo(1);
        assertThat(rejected(DecisionMetrics.INVALID_FIELD, "form")).isEqualTo(2);
        assertThat(rejected(DecisionMetrics.UNREADABLE, "api")).isEqualTo(1);
        assertThat(total(DecisionMetrics.REJECTED)).isEqualTo(6);
        assertThat(registry.find(DecisionMetrics.REJECTED).counters()).as("one meter per reason and channel").hasSize(5);
        assertThat(total(DecisionMetrics.ANSWERED)).isZero();
        assertThat(total(DecisionMetrics.DECISIONS)).isZero();
        assertThat(registry.get(DecisionMetrics.LATENCY).timer().count()).isZero();
    }

    private static CaseFacts validCase() {
        CaseFacts facts = new CaseFacts();
        facts.setAssessmentDate(DATE);
        Qualification qualification = new Qualification();
        qualification.setProfession("KNOWN");
        facts.setQualification(qualification);
        return facts;
    }

    private static PathwayInfo pathway(String code) {
        return new PathwayInfo(code, new LocalizedText(code, code), List.of("§ " + code), "https://example.org/" + code,
                Set.of(Goal.ANY));
    }

    private double rejected(String reason, String channel) {
        return count(DecisionMetrics.REJECTED, "reason", reason, "channel", channel);
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private double total(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
