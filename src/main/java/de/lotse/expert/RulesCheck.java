package de.lotse.expert;

import de.lotse.decision.Acts;
import de.lotse.expert.CheckReport.FileProblem;
import de.lotse.expert.CheckReport.ScenarioOutcome;
import de.lotse.expert.CheckReport.Totals;
import de.lotse.knowledge.InvalidRulesException;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import de.lotse.knowledge.ParameterTable;
import de.lotse.knowledge.RuleInfo;
import de.lotse.knowledge.RuleProblem;
import de.lotse.scenario.Scenario;
import de.lotse.scenario.ScenarioChecker;
import de.lotse.scenario.ScenarioResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        SampleCases.Scenarios read = SampleCases.scenarios(scenariosDir);
        List<Scenario> scenarios = read.scenarios();
        List<FileProblem> unreadable = read.unreadableFiles();
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
        warnings.addAll(unlistedActs(kb));
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

    /** A word that looks like the abbreviation of an act: "PflBG", "BÄO", "ThürSozAnerkG", "FreizügG/EU". */
    private static final Pattern ACT_LIKE =
            Pattern.compile("(?<![\\p{L}\\d])\\p{Lu}\\p{L}+[GVO](?:/EU)?(?![\\p{L}\\d])");

    /**
     * The acts that rules cite ({@code @legalBasis}) but catalogues/acts.yaml lacks, once each, at the first rule that
     * cites them: such citations show without a link. A part of a citation (cut at ";") that names no act of the
     * catalogue counts when it holds a word that looks like an act's abbreviation, or else a "§" or "Art.".
     */
    static List<RuleProblem> unlistedActs(KnowledgeBase kb) {
        Acts acts = kb.catalogue().acts();
        List<RuleProblem> warnings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (RuleInfo rule : kb.rules()) {
            for (String part : Acts.parts(rule.legalBasis())) {
                if (acts.find(part) != null) {
                    continue;
                }
                List<String> unlisted = new ArrayList<>();
                Matcher word = ACT_LIKE.matcher(part);
                while (word.find()) {
                    unlisted.add(word.group());
                }
                if (unlisted.isEmpty() && (part.contains("§") || part.contains("Art."))) {
                    unlisted.add(part);
                }
                for (String act : unlisted) {
                    if (reported.add(act)) {
                        String names = act.equals(part) ? "names no act of " + KnowledgeBaseLoader.ACTS
                                : "names '" + act + "', which is not in " + KnowledgeBaseLoader.ACTS;
                        warnings.add(new RuleProblem(rule.file(), rule.line(), "the citation \"" + part + "\" " + names
                                + ": add the act there (with its folder on the statute site, if it has one) so that its citations link"));
                    }
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
