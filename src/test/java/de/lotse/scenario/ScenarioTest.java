package de.lotse.scenario;

import static org.junit.jupiter.api.Assertions.fail;

import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario of test-cases/ against the rules of rules/, one test per scenario, without Spring. */
class ScenarioTest {

    static final KnowledgeBase RULES = new KnowledgeBaseLoader(Clock.systemUTC())
            .load(Path.of(System.getProperty("lotse.rules.dir", "rules")));

    @TestFactory
    Stream<DynamicTest> everyScenarioOfTestCasesHoldsForTheRules() {
        ScenarioChecker checker = new ScenarioChecker(RULES);
        return ScenarioFiles.readFolder(Path.of(System.getProperty("lotse.test-cases.dir", "test-cases"))).stream()
                .map(s -> DynamicTest.dynamicTest(s.id() + ": " + s.name(), () -> {
                    ScenarioResult result = checker.check(s);
                    if (!result.passed()) {
                        fail(String.join("\n", result.mismatches()));
                    }
                }));
    }
}
