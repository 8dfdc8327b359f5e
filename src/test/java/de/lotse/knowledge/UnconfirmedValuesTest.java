package de.lotse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lotse.decision.Candidate;
import de.lotse.decision.CaseFacts;
import de.lotse.decision.Experience;
import de.lotse.decision.Goal;
import de.lotse.decision.Qualification;
import de.lotse.decision.facts.Note;
import de.lotse.decision.facts.RecognitionAdvice;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * Parameter values marked {@code confirmed: false}: the loader wants a reason and the caveat text, and whatever a
 * rule records with such a value — directly or through a fact an earlier rule derived from it — carries the caveat
 * into the advice of its pathway, once, and only on the dates the unconfirmed value applies.
 */
class UnconfirmedValuesTest {

    private static final String CAVEAT = "note.unconfirmed.test-figure";

    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader(Clock.systemUTC());

    @TempDir
    Path temp;

    private Path rulesWithTestFigure(boolean withCaveatText) throws IOException {
        Path rules = temp.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), rules);
        Files.writeString(rules.resolve("parameters/test-figure.yaml"), """
                description: A figure for this test.
                unit: EUR
                reference: § 1 Test
                values:
                  2024-01-01:
                    value: 100
                    source: "an official source"
                  2026-01-01:
                    value: 120
                    source: "a blog"
                    confirmed: false
                    note: "UNCONFIRMED: only a blog gives 120 EUR"
                """);
        if (withCaveatText) {
            Files.writeString(rules.resolve("texts/zz-test.yaml"), CAVEAT + """
                    :
                      de: "Nicht bestätigt: {value} EUR ab {since}."
                      en: "Not confirmed: {value} EUR from {since}."
                    """);
        }
        Files.writeString(rules.resolve("aufenthv/zz_test_figure.drl"), """
                package testfigure;
                import de.lotse.decision.facts.*;

                declare TestFigureSeen
                    value : java.math.BigDecimal
                end

                rule "test: the figure is seen"
                    @legalBasis("test")
                when
                    Parameter(name == "test-figure", $value : value)
                then
                    insert(new TestFigureSeen($value));
                    insert(Step.of(RecognitionAdvice.PATHWAY, "APPLY_FOR_VISA"));
                end

                rule "test: what follows from the figure"
                    @legalBasis("test")
                when
                    TestFigureSeen()
                then
                    insert(Finding.met("TEST_P", "SALARY_THRESHOLD", "test"));
                    insert(Note.of("TEST_P", "note.visaFreeEntry"));
                end

                rule "test: a rule that does not use the figure"
                    @legalBasis("test")
                when
                    Parameter(name == "national-visa-fee")
                then
                    insert(Note.of("TEST_Q", "note.visaFreeEntry"));
                end
                """);
        return rules;
    }

    private static List<Note> caveats(KnowledgeBase kb, LocalDate date) {
        CaseFacts facts = new CaseFacts();
        facts.setGoal(Goal.ANY);
        facts.setCandidate(new Candidate());
        facts.setQualification(new Qualification());
        facts.setExperience(new Experience());
        return kb.evaluate(facts, date).outputs().stream()
                .filter(o -> o instanceof Note n && n.getKey().equals(CAVEAT)).map(Note.class::cast).toList();
    }

    @Test
    void whatRulesRecordWithAnUnconfirmedValueCarriesItsCaveatOncePerPathway() throws IOException {
        KnowledgeBase kb = loader.load(rulesWithTestFigure(true));
        List<Note> caveats = caveats(kb, LocalDate.of(2026, 3, 9));
        // the recognition step uses the figure directly, TEST_P's finding and note through the derived fact;
        // TEST_Q's note does not use it
        assertThat(caveats).extracting(Note::getPathway).containsExactly(RecognitionAdvice.PATHWAY, "TEST_P");
        assertThat(caveats.get(1).getArgs()).isEqualTo(Map.of("value", new BigDecimal("120"),
                "since", LocalDate.of(2026, 1, 1)));
    }

    @Test
    void aConfirmedValueBringsNoCaveat() throws IOException {
        KnowledgeBase kb = loader.load(rulesWithTestFigure(true));
        assertThat(caveats(kb, LocalDate.of(2025, 6, 2))).isEmpty();
        assertThat(caveats(kb, LocalDate.of(2026, 1, 1))).isNotEmpty();
    }

    @Test
    void anUnconfirmedValueWithoutItsCaveatTextIsRejectedWithFileAndLine() throws IOException {
        Path rules = rulesWithTestFigure(false);
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("parameters/test-figure.yaml:9")
                .hasMessageContaining("'" + CAVEAT + "'");
    }

    @Test
    void anUnconfirmedValueWithoutAReasonIsRejectedWithFileAndLine() throws IOException {
        Path rules = rulesWithTestFigure(true);
        Path file = rules.resolve("parameters/test-figure.yaml");
        Files.writeString(file, Files.readString(file).replace("    note: \"UNCONFIRMED: only a blog gives 120 EUR\"\n", ""));
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("parameters/test-figure.yaml:9")
                .hasMessageContaining("has no 'note'");
    }

    @Test
    void theRepositoryMarksTheValuesItsLegalReferenceCallsUnconfirmed() {
        ParameterTable parameters = loader.load(Path.of("rules")).parameters();
        assertThat(parameters.definitions().values().stream()
                .filter(d -> d.values().stream().anyMatch(v -> !v.confirmed())).map(ParameterTable.Definition::name))
                .contains("study-monthly-subsistence", "western-balkans-annual-quota", "zab-statement-fee");
    }
}
