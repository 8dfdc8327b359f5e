package de.lotse.expert;

import de.lotse.expert.CheckReport.FileProblem;
import de.lotse.expert.CheckReport.ScenarioOutcome;
import de.lotse.expert.CheckReport.Totals;
import de.lotse.knowledge.InvalidRulesException;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import de.lotse.knowledge.ParameterTable;
import de.lotse.scenario.Scenario;
import de.lotse.scenario.ScenarioChecker;
import de.lotse.scenario.ScenarioFiles;
import de.lotse.scenario.ScenarioResult;
import de.lotse.knowledge.RuleInfo;
import de.lotse.knowledge.RuleProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Compiles a rules folder and runs every scenario of a test-cases folder against it (not {@code corpus/}). The one
 * implementation behind {@code ./lotse check} and {@code POST /api/v1/admin/rules/check}; it never touches the
 * knowledge base in service.
 */
@Component
public class RulesCheck {

    private final RulesLoader loader;

    @Autowired
    public RulesCheck(Clock clock) {
        this(new KnowledgeBaseLoader(clock)::load);
    }

    RulesCheck(RulesLoader loader) {
        this.loader = loader;
    }

    /** Both folders must exist (the front ends check that and name the offending one). */
    public CheckReport check(Path rulesDir, Path scenariosDir) {
        KnowledgeBase kb;
        try {
            kb = loader.load(rulesDir);
        } catch (InvalidRulesException e) {
            return new CheckReport(rulesDir.toString(), scenariosDir.toString(), false, null, null, List.of(), 0,
                    e.problems(), List.of(), List.of(), List.of(), new Totals(0, 0, 0));
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<FileProblem> unreadable = new ArrayList<>();
        for (Path file : ScenarioFiles.files(scenariosDir)) {
            String name = ScenarioFiles.name(scenariosDir, file);
            try {
                scenarios.addAll(ScenarioFiles.read(file, name));
            } catch (RuntimeException e) {
                unreadable.add(new FileProblem(name, e.getMessage()));
            }
        }
        ScenarioChecker checker = new ScenarioChecker(kb);
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        int passed = 0;
        for (Scenario scenario : scenarios) {
            ScenarioResult result = checker.check(scenario);
            if (result.advice() != null) {
                result.advice().trace().forEach(t -> fired.add(t.rule()));
            }
            outcomes.add(new ScenarioOutcome(scenario.file(), scenario.index() + 1, scenario.name(), result.passed(),
                    result.differences()));
            passed += result.passed() ? 1 : 0;
        }
        return new CheckReport(rulesDir.toString(), scenariosDir.toString(), true, kb.version(),
                kb.supportedWindow(), windowLimitedBy(kb),
                kb.rules().size(), List.of(), warnings(kb, fired, scenarios.isEmpty()), unreadable, outcomes,
                new Totals(outcomes.size(), passed, outcomes.size() - passed));
    }

    private static List<RuleProblem> warnings(KnowledgeBase kb, Set<String> fired, boolean noScenarios) {
        List<RuleProblem> warnings = new ArrayList<>(kb.parameters().computedGapsAfterWindow());
        if (!noScenarios) {
            for (RuleInfo rule : kb.rules()) {
                if (!fired.contains(rule.name())) {
                    warnings.add(new RuleProblem(rule.file(), rule.line(), "the rule \"" + rule.name()
                            + "\" fires in no scenario: add a scenario in which it applies"));
                }
            }
        }
        return warnings;
    }

    /** The parameter files whose {@code knownUntil} is the end of the supported dates: extend all of them to grow it. */
    static List<String> windowLimitedBy(KnowledgeBase kb) {
        LocalDate until = kb.supportedWindow().until();
        return kb.parameters().definitions().values().stream()
                .filter(d -> Objects.equals(d.knownUntil(), until))
                .map(ParameterTable.Definition::file)
                .sorted()
                .toList();
    }
}
