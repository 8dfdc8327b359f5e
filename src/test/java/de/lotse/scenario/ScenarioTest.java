package de.lotse.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import de.lotse.knowledge.RuleInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario of test-cases/ against the rules of rules/, one test per scenario, without Spring; and checks
 * that the scenarios exercise every rule.
 */
class ScenarioTest {

    static final KnowledgeBase RULES = new KnowledgeBaseLoader(Clock.systemUTC())
            .load(Path.of(System.getProperty("lotse.rules.dir", "rules")));
    static final List<Scenario> SCENARIOS =
            ScenarioFiles.readFolder(Path.of(System.getProperty("lotse.test-cases.dir", "test-cases")));

    @TestFactory
    Stream<DynamicTest> everyScenarioOfTestCasesHoldsForTheRules() {
        ScenarioChecker checker = new ScenarioChecker(RULES);
        return SCENARIOS.stream()
                .map(s -> DynamicTest.dynamicTest(s.id() + ": " + s.name(), () -> {
                    ScenarioResult result = checker.check(s);
                    if (!result.passed()) {
                        fail(String.join("\n", result.mismatches()));
                    }
                }));
    }

    @Test
    void aWrongExpectationIsReportedAsExpectedAgainstActualNamingThePathwayOnce() {
        Scenario first = SCENARIOS.stream().filter(s -> s.file().equals("blue-card.yaml")).findFirst().orElseThrow();
        com.fasterxml.jackson.databind.node.ObjectNode expect = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        expect.putObject("outcomes").put("BLUE_CARD", "NOT_ELIGIBLE").put("NO_SUCH_PATHWAY", "ELIGIBLE");
        expect.putObject("conditions").putObject("BLUE_CARD").putObject("SALARY_THRESHOLD").put("required", 1);
        expect.putObject("textContains").putArray("BLUE_CARD").add("no advice says this");

        ScenarioResult result = new ScenarioChecker(RULES)
                .check(new Scenario(first.file(), first.index(), first.name(), first.request(), expect));

        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).extracting(Difference::pathway, Difference::expectation, Difference::expected)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("BLUE_CARD", "outcomes", "NOT_ELIGIBLE"),
                        org.assertj.core.groups.Tuple.tuple("NO_SUCH_PATHWAY", "outcomes", null),
                        org.assertj.core.groups.Tuple.tuple("BLUE_CARD", "conditions.SALARY_THRESHOLD.required", "1"),
                        org.assertj.core.groups.Tuple.tuple("BLUE_CARD", "textContains", null));
        assertThat(result.mismatches()).contains(
                "BLUE_CARD outcomes: expected NOT_ELIGIBLE, got ELIGIBLE",
                "NO_SUCH_PATHWAY outcomes: the pathway is not in the advice",
                "BLUE_CARD textContains: expected a text containing \"no advice says this\"");
        assertThat(result.mismatches()).anySatisfy(m -> assertThat(m)
                .matches("BLUE_CARD conditions\\.SALARY_THRESHOLD\\.required: expected 1, got \\d+"));
        assertThat(result.mismatches()).allSatisfy(m -> assertThat(m.indexOf("BLUE_CARD")).isEqualTo(m.lastIndexOf("BLUE_CARD")));
    }

    @Test
    void anEmptyListOfRecognitionStepsExpectsNoStepAtAll() {
        Scenario nurse = SCENARIOS.stream().filter(s -> s.file().equals("recognition.yaml")).findFirst().orElseThrow();
        com.fasterxml.jackson.databind.node.ObjectNode expect = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        expect.putObject("recognition").putArray("steps");

        ScenarioResult result = new ScenarioChecker(RULES)
                .check(new Scenario(nurse.file(), nurse.index(), nurse.name(), nurse.request(), expect));

        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).extracting(Difference::expectation, Difference::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("recognition.steps", "none"));
    }

    @Test
    void everyRuleFiresInAtLeastOneScenario() {
        Set<String> fired = new HashSet<>();
        for (ScenarioResult result : new ScenarioChecker(RULES).check(SCENARIOS)) {
            if (result.advice() != null) {
                result.advice().trace().forEach(t -> fired.add(t.rule()));
            }
        }
        List<String> neverFired = RULES.rules().stream().map(RuleInfo::name).filter(n -> !fired.contains(n))
                .map(n -> RULES.rules().stream().filter(r -> r.name().equals(n)).findFirst()
                        .map(r -> r.file() + ":" + r.line() + " \"" + n + "\"").orElse(n))
                .toList();
        assertThat(neverFired).as("rules that no scenario in test-cases/ exercises — add a scenario for each").isEmpty();
    }

    @Test
    void everyConditionCodeRecordedByARuleIsInTheCatalogue() {
        Set<String> catalogued = new HashSet<>();
        RULES.catalogue().conditions().forEach(c -> catalogued.add(c.code()));
        Set<String> missing = new java.util.TreeSet<>();
        for (ScenarioResult result : new ScenarioChecker(RULES).check(SCENARIOS)) {
            if (result.advice() != null) {
                result.advice().pathways().forEach(p -> p.conditions().stream().map(c -> c.code())
                        .filter(code -> !catalogued.contains(code)).forEach(missing::add));
            }
        }
        assertThat(missing).as("condition codes missing in rules/catalogues/conditions.yaml").isEmpty();
    }

    @Test
    void thereAreEnoughScenarios() {
        assertThat(SCENARIOS).hasSizeGreaterThanOrEqualTo(80);
    }
}
