package de.lotse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lotse.decision.Advice;
import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.DecisionService;
import de.lotse.decision.DateWindow;
import de.lotse.scenario.Scenario;
import de.lotse.scenario.ScenarioChecker;
import de.lotse.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Temporal coverage: on every date a parameter changes, and on the day before, every parameter has exactly one value
 * and the reference cases (the first scenario of each test-cases file) get a complete advice — every pathway assessed.
 */
class TemporalCoverageTest {

    private static final KnowledgeBase KB = new KnowledgeBaseLoader(Clock.systemUTC()).load(Path.of("rules"));

    private static TreeSet<LocalDate> checkDates() {
        DateWindow window = KB.supportedWindow();
        TreeSet<LocalDate> dates = new TreeSet<>(List.of(window.from(), window.until()));
        for (ParameterTable.Definition d : KB.parameters().definitions().values()) {
            for (ParameterTable.DatedValue v : d.values()) {
                for (LocalDate date : List.of(v.from(), v.from().minusDays(1))) {
                    if (window.contains(date)) {
                        dates.add(date);
                    }
                }
            }
        }
        return dates;
    }

    @Test
    void everyParameterHasExactlyOneValueOnEveryChangeDateAndTheDayBefore() {
        List<String> gaps = new ArrayList<>();
        for (LocalDate date : checkDates()) {
            for (ParameterTable.Definition d : KB.parameters().definitions().values()) {
                if (d.applicableFrom() != null && date.isBefore(d.applicableFrom())) {
                    continue;
                }
                long starts = d.values().stream().filter(v -> v.from().equals(date)).count();
                if (ParameterTable.valueOn(d, date) == null || starts > 1) {
                    gaps.add(d.file() + " on " + date + (starts > 1 ? ": defined twice" : ": no value"));
                }
            }
            long facts = KB.parameters().factsOn(date).stream().map(p -> p.getName()).distinct().count();
            assertThat(facts).as("distinct parameter facts on " + date).isEqualTo(KB.parameters().factsOn(date).size());
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void referenceCasesGetACompleteAdviceOnEveryChangeDateAndTheDayBefore() {
        Map<String, Scenario> references = new LinkedHashMap<>();
        for (Scenario s : ScenarioFiles.readFolder(Path.of("test-cases"))) {
            if (!s.expect().has("error")) {
                references.putIfAbsent(s.file(), s);
            }
        }
        assertThat(references).isNotEmpty();
        DecisionService decisions = new DecisionService(() -> KB, new AdviceAssembler(), Clock.systemUTC());
        ScenarioChecker reader = new ScenarioChecker(KB);
        List<String> incomplete = new ArrayList<>();
        for (LocalDate date : checkDates()) {
            for (Scenario reference : references.values()) {
                ObjectNode request = reference.request().deepCopy();
                request.put("assessmentDate", date.toString());
                Advice advice = decisions.decide(reader.read(request));
                assertThat(advice.assessmentDate()).isEqualTo(date);
                for (Advice.PathwayAdvice p : advice.pathways()) {
                    if (p.conditions().isEmpty()) {
                        incomplete.add(reference.file() + " on " + date + ": " + p.code() + " not assessed");
                    }
                }
            }
        }
        assertThat(incomplete).isEmpty();
    }
}
