package de.lotse.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import de.lotse.knowledge.ParameterTable;
import de.lotse.scenario.ScenarioFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lotse check} and {@code ./lotse impact} run in-process (the same entry point the script starts), on the real
 * rules and on copies with a broken, a changed or an extended file: output and exit codes.
 */
class LotseCliTest {

    static KnowledgeBase rules;

    @BeforeAll
    static void loadRules() {
        rules = TempRules.load(TempRules.RULES);
    }

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run lotse(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LotseCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), TempRules::load);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------------- check

    @Test
    void theToolKeepsCompiledRulesWhereTheServiceDoesUnlessLotseRulesCacheDirSaysOtherwise() throws Exception {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(properties).contains("lotse.rules.cache-dir=${java.io.tmpdir}/"
                + KnowledgeBaseLoader.defaultCompiledRulesDir().getFileName());
        assertThat(LotseCli.compiledRulesDir(null)).isEqualTo(KnowledgeBaseLoader.defaultCompiledRulesDir());
        assertThat(LotseCli.compiledRulesDir("/srv/lotse/compiled")).isEqualTo(Path.of("/srv/lotse/compiled"));
        assertThat(LotseCli.compiledRulesDir("")).as("empty: not kept").isNull();
    }

    @Test
    void checkOfTheRealRulesPassesEveryScenarioWithOneLinePerScenarioAndExitCode0() {
        int scenarios = ScenarioFiles.readFolder(TempRules.TEST_CASES).size();

        Run run = lotse("check", "--lang", "en");

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("Totals: " + scenarios + " scenarios, " + scenarios + " passed, 0 failed.")
                .contains(rules.version().substring(0, 19))
                .contains("assessment dates " + rules.supportedWindow().from() + " to " + rules.supportedWindow().until());
        assertThat(run.out().lines().filter(l -> l.startsWith("PASS  "))).hasSize(scenarios);
        assertThat(run.out()).doesNotContain("FAIL  ");
    }

    @Test
    void aBrokenDrlFileStopsTheCheckWithFileAndLineAndExitCode2(@TempDir Path temp) {
        Path copy = TempRules.copy(TempRules.RULES, temp.resolve("rules"));
        String file = "aufenthg/s18g_blaue_karte.drl";
        int lines = (int) TempRules.read(copy.resolve(file)).lines().count();
        TempRules.edit(copy, file, drl -> drl + "\nrule \"broken\"\n    @legalBasis(\"none\")\nwhen\n    Candidate(age >>> 3)\nthen\nend\n");

        Run run = lotse("check", copy.toString(), "--lang", "en");

        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).contains("cannot be loaded");
        Matcher at = Pattern.compile("s18g_blaue_karte\\.drl:(\\d+): ").matcher(run.out());
        assertThat(at.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(at.group(1))).as("the line of the broken rule").isGreaterThan(lines);
        assertThat(run.out()).doesNotContain("PASS  ").doesNotContain("Totals:");
    }

    @Test
    void aMissingRulesFolderIsReportedWithExitCode2(@TempDir Path temp) {
        Run run = lotse("check", temp.resolve("nowhere").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("nowhere").contains("does not exist");
    }

    @Test
    void aChangedParameterFailsTheScenariosThatDependOnItWithExpectedAgainstActualAndExitCode1(@TempDir Path temp) {
        Path copy = TempRules.copy(TempRules.RULES, temp.resolve("rules"));
        String file = "parameters/opportunity-card-min-points.yaml";
        Matcher value = Pattern.compile("value: (\\d+)").matcher(TempRules.read(copy.resolve(file)));
        assertThat(value.find()).isTrue();
        int before = Integer.parseInt(value.group(1));
        TempRules.edit(copy, file, yaml -> yaml.replace("value: " + before, "value: " + (before + 1)));

        Run run = lotse("check", copy.toString(), "--lang", "en");

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        Matcher totals = Pattern.compile("Totals: (\\d+) scenarios, (\\d+) passed, (\\d+) failed\\.").matcher(run.out());
        assertThat(totals.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(totals.group(3))).isPositive();
        assertThat(run.out()).contains("FAIL  opportunity-card.yaml #")
                .contains("OPPORTUNITY_CARD – points.required: expected " + before + ", actual " + (before + 1))
                .contains("Not ready");
        assertThat(run.out().lines().filter(l -> l.startsWith("FAIL  ")).count())
                .isEqualTo(Long.parseLong(totals.group(3)));
    }

    @Test
    void aNewBaseFigureWithoutItsComputedThresholdsAndARuleWithoutScenarioAreWarningsThatFailTheCheck(@TempDir Path temp) {
        LocalDate until = rules.supportedWindow().until();
        LocalDate next = until.plusDays(1);
        ParameterTable.Definition ceiling = rules.parameters().definitions().values().stream()
                .filter(d -> rules.parameters().definitions().values().stream().anyMatch(c -> d.name().equals(c.computedFrom())))
                .findFirst().orElseThrow();
        Path copy = TempRules.copy(TempRules.RULES, temp.resolve("rules"));
        BigDecimal raised = last(ceiling).add(BigDecimal.valueOf(1000));
        TempRules.edit(copy, ceiling.file(), yaml -> yaml + (yaml.endsWith("\n") ? "" : "\n") + "  " + next
                + ":\n    value: " + raised.toPlainString() + "\n    source: \"EXAMPLE for a test\"\n");
        TempRules.edit(copy, "aufenthg/s18g_blaue_karte.drl", drl -> drl + """

                rule "A rule for a test that no scenario reaches"
                    @legalBasis("none")
                when
                    Candidate(age != null, age > 150)
                then
                end
                """);

        Run run = lotse("check", copy.toString(), "--lang", "en", "--failures-only");

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        for (ParameterTable.Definition d : rules.parameters().definitions().values()) {
            if (ceiling.name().equals(d.computedFrom())) {
                assertThat(run.out()).as(d.file()).containsPattern("WARNING .*" + Pattern.quote(d.file()) + ":\\d+: computed as .* "
                        + Pattern.quote(ceiling.name()) + ".*add a value for " + next);
            }
        }
        assertThat(run.out()).containsPattern("WARNING .*s18g_blaue_karte\\.drl:\\d+: the rule \"A rule for a test that no scenario reaches\" fires in no scenario")
                .contains("0 failed.").contains("warning(s).").contains("Not ready");
    }

    @Test
    void checkSpeaksGermanOnRequest(@TempDir Path temp) {
        Run run = lotse("check", temp.resolve("fehlt").toString(), "--lang", "de");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("lassen sich nicht laden").contains("Korrigieren Sie");
    }

    @Test
    void wrongUsageIsExitCode64WithTheReason(@TempDir Path temp) {
        Run unknown = lotse("chek");
        assertThat(unknown.exit()).isEqualTo(LotseCli.USAGE);
        assertThat(unknown.err()).contains("unknown command 'chek'").contains("./lotse help");

        Run noScenarios = lotse("check", "--scenarios", temp.resolve("none").toString());
        assertThat(noScenarios.exit()).isEqualTo(LotseCli.USAGE);
        assertThat(noScenarios.err()).contains("--scenarios").contains("does not exist");

        Run badFrom = lotse("impact", "--from", "no-such-folder-or-revision-xyz");
        assertThat(badFrom.exit()).isEqualTo(LotseCli.USAGE);
        assertThat(badFrom.err()).contains("neither a folder nor a git revision");

        Run help = lotse("help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("./lotse check").contains("./lotse impact");
    }

    // ------------------------------------------------------------------------------------------------------ impact

    @Test
    void impactOfAContentChangeWithoutEffectSaysNoChanges(@TempDir Path temp) {
        Path copy = TempRules.copy(TempRules.RULES, temp.resolve("rules"));
        TempRules.edit(copy, "aufenthg/s18g_blaue_karte.drl", drl -> drl + "\n// a comment changes the version, not the advice\n");

        Run run = lotse("impact", "--from", TempRules.RULES.toString(), "--to", copy.toString(), "--lang", "en");

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("No changes: none of the")
                .contains("Totals: ")
                .doesNotContain("cases change —");
        Matcher versions = Pattern.compile("\\((sha256:[0-9a-f]{12})").matcher(run.out());
        Set<String> seen = new HashSet<>();
        while (versions.find()) {
            seen.add(versions.group(1));
        }
        assertThat(seen).as("both versions are named and differ").hasSize(2);
    }

    /**
     * The worked example of docs/rule-authoring.md: next year's figures are entered (the supported dates grow and the
     * corpus cases of that year become assessable), then next year's contribution ceiling is raised, which raises every
     * salary threshold computed from it: Blue Card cases of that year flip.
     */
    @Test
    void impactShowsNewlyAssessableCasesForNextYearAndTheCasesAThresholdChangeFlips(@TempDir Path temp) {
        LocalDate nextYear = rules.supportedWindow().until().plusDays(1);
        Path withNextYear = TempRules.copy(TempRules.RULES, temp.resolve("next-year"));
        enterNextYear(withNextYear, new BigDecimal("1.04"));

        Run extended = lotse("impact", "--from", TempRules.RULES.toString(), "--to", withNextYear.toString(), "--lang", "en");

        assertThat(extended.exit()).as(extended.all()).isZero();
        Matcher newly = Pattern.compile("Not assessable under from \\(it supports [0-9-]+ to ([0-9-]+)\\): (\\d+) case\\(s\\) dated ("
                + nextYear.getYear() + "-[0-9-]+) to").matcher(extended.out());
        assertThat(newly.find()).as(extended.out()).isTrue();
        assertThat(newly.group(1)).isEqualTo(rules.supportedWindow().until().toString());
        assertThat(Integer.parseInt(newly.group(2))).as("corpus cases dated next year").isPositive();
        assertThat(extended.out()).contains("assessment dates " + rules.supportedWindow().from() + " to "
                + nextYear.plusYears(1).minusDays(1))
                .contains("Compared with the same cases on " + rules.supportedWindow().until() + " under from");

        Path raised = TempRules.copy(TempRules.RULES, temp.resolve("raised"));
        enterNextYear(raised, new BigDecimal("1.10"));

        Run flips = lotse("impact", "--from", withNextYear.toString(), "--to", raised.toString(), "--lang", "en");

        assertThat(flips.exit()).as(flips.all()).isZero();
        Matcher blueCard = Pattern.compile("(?m)^BLUE_CARD: (\\d+) cases? change(s)? — (.*)$").matcher(flips.out());
        assertThat(blueCard.find()).as(flips.out()).isTrue();
        assertThat(Integer.parseInt(blueCard.group(1))).isPositive();
        assertThat(blueCard.group(3)).contains("ELIGIBLE → ");
        assertThat(flips.out()).contains("SALARY_THRESHOLD: ").contains(" → ").contains("corpus/")
                .doesNotContain("No changes");
        Matcher totals = Pattern.compile("Totals: (\\d+) cases, (\\d+) assessable under both; (\\d+) change").matcher(flips.out());
        assertThat(totals.find()).isTrue();
        assertThat(Integer.parseInt(totals.group(3))).isPositive();
    }

    @Test
    void impactStopsWithExitCode2WhenOneSideDoesNotCompile(@TempDir Path temp) {
        Path copy = TempRules.copy(TempRules.RULES, temp.resolve("rules"));
        TempRules.edit(copy, "parameters/pension-ceiling.yaml", yaml -> yaml.replaceFirst("source: ", "sauce: "));

        Run run = lotse("impact", "--from", TempRules.RULES.toString(), "--to", copy.toString(), "--lang", "en");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("The rules of 'to'").containsPattern("parameters/pension-ceiling\\.yaml:\\d+: ");
    }

    @Test
    void impactTakesTheRulesOfAGitRevision() throws Exception {
        assumeTrue(Files.isDirectory(Path.of(".git")) || Files.isRegularFile(Path.of(".git")), "not a git checkout");
        Process git = new ProcessBuilder("git", "cat-file", "-e", "HEAD:rules/knowledge-base.yaml").start();
        assumeTrue(git.waitFor() == 0, "HEAD has no rules folder");

        Run run = lotse("impact", "--summary", "--lang", "en");

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("from  HEAD:rules  (sha256:").contains("Totals: ");
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    /**
     * Enters example figures for the year after the supported dates into a copy of the rules, the way the guide says:
     * every file whose {@code knownUntil} ends the supported dates gets a value from 1 January of the next year and a
     * {@code knownUntil} one year later. Bases of computed parameters grow by {@code factor}; computed parameters
     * follow their base; all other figures stay as they are.
     */
    static void enterNextYear(Path folder, BigDecimal factor) {
        LocalDate until = rules.supportedWindow().until();
        LocalDate next = until.plusDays(1);
        Map<String, ParameterTable.Definition> all = rules.parameters().definitions();
        Set<String> bases = new HashSet<>();
        all.values().forEach(d -> {
            if (d.computedFrom() != null) {
                bases.add(d.computedFrom());
            }
        });
        Map<String, BigDecimal> values = new HashMap<>();
        for (ParameterTable.Definition d : all.values()) {
            if (Objects.equals(d.knownUntil(), until) && d.computedFrom() == null) {
                BigDecimal last = last(d);
                values.put(d.name(), bases.contains(d.name()) ? last.multiply(factor).setScale(-2, RoundingMode.HALF_UP).setScale(0) : last);
            }
        }
        for (ParameterTable.Definition d : all.values()) {
            if (Objects.equals(d.knownUntil(), until) && d.computedFrom() != null) {
                BigDecimal base = values.getOrDefault(d.computedFrom(), last(all.get(d.computedFrom())));
                values.put(d.name(), base.multiply(d.computedPercent()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
        }
        values.forEach((name, value) -> TempRules.edit(folder, all.get(name).file(), yaml ->
                yaml.replace("knownUntil: " + until, "knownUntil: " + until.plusYears(1))
                        + (yaml.endsWith("\n") ? "" : "\n")
                        + "  " + next + ":\n    value: " + value.toPlainString() + "\n    source: \"EXAMPLE for a test, not a legal figure\"\n"));
    }

    private static BigDecimal last(ParameterTable.Definition d) {
        return d.values().get(d.values().size() - 1).value();
    }
}
