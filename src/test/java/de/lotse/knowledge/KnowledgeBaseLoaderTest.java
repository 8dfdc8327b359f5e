package de.lotse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lotse.decision.Acts;
import de.lotse.decision.Advice;
import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.CaseFacts;
import de.lotse.decision.Catalogue.PathwayInfo;
import de.lotse.decision.Candidate;
import de.lotse.decision.DecisionService;
import de.lotse.decision.JobOffer;
import de.lotse.decision.Outcome;
import de.lotse.decision.Qualification;
import de.lotse.decision.QualificationLevel;
import de.lotse.decision.Comparability;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** Loading the rules folder: the real one loads; every kind of error names file and line; data changes answers. */
class KnowledgeBaseLoaderTest {

    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader(Clock.systemUTC());

    @TempDir
    Path temp;

    private Path copyOfRules() throws IOException {
        Path copy = temp.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), copy);
        return copy;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void theRulesFolderOfTheRepositoryLoads() {
        KnowledgeBase kb = loader.load(Path.of("rules"));
        assertThat(kb.version()).matches("sha256:[0-9a-f]{64}");
        assertThat(kb.rules()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.legalBasis()).as("citation of " + r.name()).isNotBlank();
            assertThat(r.file()).endsWith(".drl");
            assertThat(r.line()).isPositive();
        });
        assertThat(kb.supportedWindow().from()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(kb.supportedWindow().until()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    /** A catalogue flag left null stays unknown for the rules (OTHER: the shortage point depends on the occupation). */
    @Test
    void aProfessionsShortageFlagKeepsTrueFalseAndUnknownApart() {
        KnowledgeBase kb = loader.load(Path.of("rules"));
        assertThat(kb.professions().get("NURSE").getShortageOccupation()).isTrue();
        assertThat(kb.professions().get("COOK").getShortageOccupation()).isFalse();
        assertThat(kb.professions().get("OTHER").getShortageOccupation()).isNull();
    }

    /** Whether a regulated profession binds work or only its title to a permit: default PRACTICE, checked values. */
    @Test
    void aProfessionsRegulationScopeDefaultsToPracticeAndIsChecked() throws IOException {
        KnowledgeBase kb = loader.load(Path.of("rules"));
        assertThat(kb.professions().get("NURSE").getRegulationScope()).isEqualTo("PRACTICE");
        assertThat(kb.professions().get("ENGINEER").getRegulationScope()).isEqualTo("TITLE");
        assertThat(kb.professions().get("COOK").getRegulationScope()).isNull();

        Path rules = copyOfRules();
        Path file = rules.resolve("catalogues/professions.yaml");
        replace(file, "    regulationScope: TITLE\n", "    regulationScope: TITEL\n");
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("catalogues/professions.yaml:").hasMessageContaining("'TITEL' is not one of");
        replace(file, "    regulationScope: TITEL\n", "");
        replace(file, "  - code: COOK\n", "  - code: COOK\n    regulationScope: TITLE\n");
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("only for a profession with 'regulated: true'");
    }

    @Test
    void theVersionIsAContentHashThatChangesWithAnyFile() throws IOException {
        Path rules = copyOfRules();
        String before = loader.load(rules).version();
        assertThat(loader.load(rules).version()).isEqualTo(before);
        Files.writeString(rules.resolve("texts/general.yaml"), Files.readString(rules.resolve("texts/general.yaml")) + "\n# edited\n");
        assertThat(loader.load(rules).version()).isNotEqualTo(before);
    }

    @Test
    void aDrlSyntaxErrorIsReportedWithFileAndLine() throws IOException {
        Path rules = copyOfRules();
        Path drl = rules.resolve("aufenthg/s18g_blaue_karte.drl");
        List<String> lines = Files.readAllLines(drl);
        int line = lines.indexOf("    JobOffer($salary : annualGrossSalaryEur != null, annualGrossSalaryEur >= $general)") + 1;
        assertThat(line).isPositive();
        lines.set(line - 1, "    JobOffer($salary : annualGrossSalaryEur != null, annualGrossSalaryEur >= )");
        Files.write(drl, lines);
        assertThatThrownBy(() -> loader.load(rules))
                .isInstanceOf(InvalidRulesException.class)
                .satisfies(e -> assertThat(((InvalidRulesException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("aufenthg/s18g_blaue_karte.drl");
                            assertThat(p.line()).isEqualTo(line);
                        }))
                .hasMessageContaining("aufenthg/s18g_blaue_karte.drl:" + line);
    }

    @Test
    void anUnknownFieldInARuleIsReportedWithFileAndLine() throws IOException {
        Path rules = copyOfRules();
        replace(rules.resolve("aufenthg/s18g_blaue_karte.drl"), "JobOffer(matchesQualification == true)",
                "JobOffer(matchesQualificaton == true)");
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("aufenthg/s18g_blaue_karte.drl:").hasMessageContaining("matchesQualificaton");
    }

    /** A misspelt code would load and show without a title in the advice: it stops the load, with file and line. */
    @Test
    void aCodeThatNoCatalogueKnowsIsReportedWithFileAndLine() throws IOException {
        Path rules = copyOfRules();
        Path drl = rules.resolve("aufenthg/s18g_blaue_karte.drl");
        replace(drl, "DocumentRequirement.required(\"BLUE_CARD\", \"EMPLOYMENT_CONTRACT\")",
                "DocumentRequirement.required(\"BLUE_CARD\", \"EMPLOYMENT_CONTRAKT\")");
        replace(drl, ".actual($salary).remedy(\"RAISE_SALARY\"));", ".actual($salary).remedy(\"RAISE_SALERY\"));");
        replace(drl, "insert(Finding.unmet(\"BLUE_CARD\", \"SALARY_THRESHOLD\", \"§ 18g Abs. 1 Satz 1 AufenthG\")",
                "insert(Finding.unmet(\"BLUE_CARD\", \"SALARY_TRESHOLD\", \"§ 18g Abs. 1 Satz 1 AufenthG\")");
        Path points = rules.resolve("aufenthg/s20b_punkte.drl");
        replace(points, "PointsAward.of(\"OPPORTUNITY_CARD\", \"GERMAN_B1\"", "PointsAward.of(\"OPPORTUNITY_CARD\", \"GERMAN_B11\"");
        List<String> lines = Files.readAllLines(drl);
        List<String> pointsLines = Files.readAllLines(points);
        assertThatThrownBy(() -> loader.load(rules))
                .isInstanceOf(InvalidRulesException.class)
                .satisfies(e -> assertThat(((InvalidRulesException) e).problems()).containsExactlyInAnyOrder(
                        new RuleProblem("aufenthg/s18g_blaue_karte.drl", lineOf(lines, "EMPLOYMENT_CONTRAKT"),
                                "the document code 'EMPLOYMENT_CONTRAKT' is not in catalogues/documents.yaml"
                                        + " (misspelt, or add it there with its title)"),
                        new RuleProblem("aufenthg/s18g_blaue_karte.drl", lineOf(lines, "RAISE_SALERY"),
                                "the step code 'RAISE_SALERY' is not in catalogues/steps.yaml"
                                        + " (misspelt, or add it there with its title)"),
                        new RuleProblem("aufenthg/s18g_blaue_karte.drl", lineOf(lines, "SALARY_TRESHOLD"),
                                "the condition code 'SALARY_TRESHOLD' is not in catalogues/conditions.yaml"
                                        + " (misspelt, or add it there with its title)"),
                        new RuleProblem("aufenthg/s20b_punkte.drl", lineOf(pointsLines, "GERMAN_B11"),
                                "the points criterion code 'GERMAN_B11' is not in texts/ (as points.<CODE>)"
                                        + " (misspelt, or add it there with its title)")));
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not found");
    }

    @Test
    void aRuleWithoutLegalCitationIsRejected() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("aufenthg/zz_uncited.drl"), """
                package aufenthg;
                import de.lotse.decision.facts.*;

                rule "A rule without citation"
                when
                    Assessment()
                then
                end
                """);
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("aufenthg/zz_uncited.drl:4").hasMessageContaining("@legalBasis");
    }

    @Test
    void brokenYamlIsReportedWithFileAndLine() throws IOException {
        Path rules = copyOfRules();
        Path file = rules.resolve("parameters/blue-card-general-threshold.yaml");
        Files.writeString(file, Files.readString(file) + "  2027-01-01: [unclosed\n");
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("parameters/blue-card-general-threshold.yaml:");
    }

    @Test
    void aValueWithoutSourceIsRejected() throws IOException {
        Path rules = copyOfRules();
        Path file = rules.resolve("parameters/national-visa-fee.yaml");
        String text = Files.readString(file);
        Files.writeString(file, text.replaceAll("(?m)^(\\s+)source: .*$", "$1note: no source given"));
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("parameters/national-visa-fee.yaml:").hasMessageContaining("no 'source'");
    }

    @Test
    void aDocumentWithoutSourceIsRejected() throws IOException {
        Path rules = copyOfRules();
        Path file = rules.resolve("catalogues/documents.yaml");
        String text = Files.readString(file);
        int at = text.indexOf("source:");
        Files.writeString(file, text.substring(0, at) + "note_: x" + text.substring(text.indexOf('\n', at)));
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("catalogues/documents.yaml:").hasMessageContaining("'source' is missing");
    }

    @Test
    void aTwiceDefinedDateIsRejected() throws IOException {
        Path rules = copyOfRules();
        Path file = rules.resolve("parameters/pension-ceiling.yaml");
        String text = Files.readString(file);
        int at = text.indexOf("  2025-01-01:");
        int end = text.indexOf("  2026-01-01:");
        Files.writeString(file, text.substring(0, end) + text.substring(at, end) + text.substring(end));
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("parameters/pension-ceiling.yaml:").hasMessageContaining("'2025-01-01' appears twice");
    }

    @Test
    void aValueThatDoesNotMatchItsPercentageIsRejected() throws IOException {
        Path rules = copyOfRules();
        replace(rules.resolve("parameters/blue-card-general-threshold.yaml"), "value: 50700", "value: 50070");
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("parameters/blue-card-general-threshold.yaml:")
                .hasMessageContaining("expected 50700.00");
    }

    /**
     * A new contribution ceiling inside the supported dates without the thresholds computed from it would let
     * decisions use the old thresholds: the load stops and names every threshold that lacks its value.
     */
    @Test
    void aNewBaseFigureWithoutItsComputedThresholdsInsideTheWindowStopsTheLoad() throws IOException {
        Path rules = copyOfRules();
        Path ceiling = rules.resolve("parameters/pension-ceiling.yaml");
        Files.writeString(ceiling, Files.readString(ceiling).stripTrailing()
                + "\n  2026-07-01:\n    value: 104000\n    source: \"EXAMPLE for a test\"\n");
        assertThatThrownBy(() -> loader.load(rules))
                .isInstanceOf(InvalidRulesException.class)
                .satisfies(e -> assertThat(((InvalidRulesException) e).problems())
                        .extracting(RuleProblem::file)
                        .containsExactlyInAnyOrder("parameters/age-45-salary-threshold.yaml",
                                "parameters/blue-card-general-threshold.yaml", "parameters/blue-card-reduced-threshold.yaml",
                                "parameters/experience-salary-threshold.yaml"))
                .hasMessageContaining("blue-card-general-threshold.yaml:")
                .hasMessageContaining("computed as 50 % of pension-ceiling, which is 104000 from 2026-07-01")
                .hasMessageContaining("add a value for 2026-07-01 (52000.00)");
    }

    @Test
    void aParameterWithoutValueAtTheStartOfTheWindowIsAGap() throws IOException {
        Path rules = copyOfRules();
        replace(rules.resolve("parameters/pension-ceiling.yaml"), "2024-01-01:", "2024-04-01:");
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("parameters/pension-ceiling.yaml:").hasMessageContaining("no value from 2024-03-01");
    }

    @Test
    void theSupportedWindowEndsWithTheEarliestKnownUntil() throws IOException {
        Path rules = copyOfRules();
        replace(rules.resolve("parameters/pension-ceiling.yaml"), "knownUntil: 2026-12-31", "knownUntil: 2026-06-30");
        assertThat(loader.load(rules).supportedWindow().until()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void aTextWithoutEnglishIsRejected() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("texts/zz-extra.yaml"), "some.key:\n  de: Nur Deutsch\n");
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("texts/zz-extra.yaml:").hasMessageContaining("'en' is missing");
    }

    /** The documented way to change a threshold: edit the data, reload, the answer follows — no Java involved. */
    @Test
    void changingAThresholdInTheDataChangesTheAnswer() throws IOException {
        Path rules = copyOfRules();
        CaseFacts analyst = new CaseFacts();
        analyst.setAssessmentDate(LocalDate.of(2026, 3, 9));
        analyst.setCandidate(new Candidate());
        analyst.getCandidate().setCitizenships(List.of("IN"));
        analyst.getCandidate().setAge(31);
        analyst.setQualification(new Qualification());
        analyst.getQualification().setLevel(QualificationLevel.ACADEMIC);
        analyst.getQualification().setAcademicComparability(Comparability.COMPARABLE);
        analyst.getQualification().setGraduationDate(LocalDate.of(2015, 7, 1));
        analyst.setJobOffer(new JobOffer());
        analyst.getJobOffer().setAnnualGrossSalaryEur(new BigDecimal("52000"));
        analyst.getJobOffer().setIscoCode("2421"); // management analyst: no shortage occupation

        KnowledgeBase first = loader.load(rules);
        Advice before = decide(first, analyst);
        assertThat(blueCard(before).outcome()).isEqualTo(Outcome.ELIGIBLE);

        Path file = rules.resolve("parameters/blue-card-general-threshold.yaml");
        String text = Files.readString(file).replace("value: 50700", "value: 53000");
        Files.writeString(file, text.replaceAll("(?s)computedAs:.*?percent: 50\\s*\\n", ""));
        KnowledgeBase second = loader.load(rules);
        Advice after = decide(second, analyst);
        assertThat(second.sharesCompiledRulesWith(first)).as("a data change needs no compile").isTrue();
        assertThat(blueCard(after).outcome()).isEqualTo(Outcome.ELIGIBLE_AFTER_STEPS);
        assertThat(blueCard(after).conditions()).anySatisfy(c -> {
            assertThat(c.code()).isEqualTo("SALARY_THRESHOLD");
            assertThat(c.required()).isEqualByComparingTo("53000");
        });
        assertThat(after.rulesVersion()).isNotEqualTo(before.rulesVersion());
    }

    /** A changed rule is compiled; a rejected one does not disturb what is reused. */
    @Test
    void onlyAChangedRuleTextIsCompiledAgain() throws IOException {
        Path rules = copyOfRules();
        Path drl = rules.resolve("aufenthg/s18a_fachkraft_berufsausbildung.drl");
        String original = Files.readString(drl);
        KnowledgeBase first = loader.load(rules);

        Files.writeString(drl, original + "\n// a comment is a change of the rule text\n");
        KnowledgeBase edited = loader.load(rules);
        assertThat(edited.sharesCompiledRulesWith(first)).isFalse();

        Files.writeString(drl, original.replaceFirst("(?m)^then$", "then oops("));
        assertThatThrownBy(() -> loader.load(rules)).isInstanceOf(InvalidRulesException.class);

        Files.writeString(drl, original + "\n// a comment is a change of the rule text\n");
        Files.writeString(rules.resolve("texts/general.yaml"), Files.readString(rules.resolve("texts/general.yaml")) + "\n# edited\n");
        KnowledgeBase dataOnly = loader.load(rules);
        assertThat(dataOnly.version()).isNotEqualTo(edited.version());
        assertThat(dataOnly.sharesCompiledRulesWith(edited)).isTrue();
        assertThat(new KnowledgeBaseLoader(Clock.systemUTC()).load(rules).sharesCompiledRulesWith(edited))
                .as("another loader compiles for itself").isFalse();
    }

    private static Advice decide(KnowledgeBase kb, CaseFacts facts) {
        return new DecisionService(() -> kb, new AdviceAssembler(), Clock.systemUTC()).decide(facts);
    }

    private static Advice.PathwayAdvice blueCard(Advice advice) {
        return advice.pathways().stream().filter(p -> p.code().equals("BLUE_CARD")).findFirst().orElseThrow();
    }

    /** Regression: with beta-node sharing, the rule with "not" after a shared join prefix never fired. */
    @Test
    void rulesSharingAJoinPrefixBothFireWhetherTheyContinueWithNotOrWithout() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("aufenthv/zz_sharing.drl"), """
                package aufenthv;
                import de.lotse.decision.*;
                import de.lotse.decision.facts.*;

                rule "sharing test: without accelerated procedure"
                    @legalBasis("test")
                when
                    VisaProcedure($p : pathway)
                    Approval(pathway == $p, status == ApprovalStatus.REQUIRED)
                    not JobOffer(acceleratedProcedure == true)
                then
                    insert(Note.of($p, "test.without"));
                end

                rule "sharing test: with accelerated procedure"
                    @legalBasis("test")
                when
                    VisaProcedure($p : pathway)
                    Approval(pathway == $p, status == ApprovalStatus.REQUIRED)
                    JobOffer(acceleratedProcedure == true)
                then
                    insert(Note.of($p, "test.with"));
                end
                """);
        KnowledgeBase kb = loader.load(rules);
        CaseFacts facts = new CaseFacts();
        facts.setGoal(de.lotse.decision.Goal.ANY);
        facts.setCandidate(new Candidate());
        facts.setQualification(new Qualification());
        facts.setExperience(new de.lotse.decision.Experience());
        facts.setJobOffer(new JobOffer());
        assertThat(kb.evaluate(facts, LocalDate.of(2026, 3, 9)).outputs())
                .anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(de.lotse.decision.facts.Note.class,
                        n -> assertThat(n.getKey()).isEqualTo("test.without")));
    }

    /** The documented way to link a new act: add it to catalogues/acts.yaml; after the reload its citations link. */
    @Test
    void anActAddedToTheActsCatalogueLinksItsCitationsAfterTheReload() throws IOException {
        Path rules = copyOfRules();
        KnowledgeBase before = loader.load(rules);
        Acts acts = before.catalogue().acts();
        assertThat(acts.base()).isEqualTo("https://www.gesetze-im-internet.de/");
        assertThat(acts.url("§ 18g Abs. 1 AufenthG")).isEqualTo(acts.base() + "aufenthg_2004/__18g.html");
        assertThat(acts.url("§ 12a Abs. 2 BspG")).as("not in the catalogue yet").isNull();

        Path file = rules.resolve("catalogues/acts.yaml");
        Files.writeString(file, Files.readString(file)
                + "  - abbreviation: BspG\n    name: Beispielgesetz (a test)\n    folder: bspg_2030\n    source: a test\n");
        KnowledgeBase after = loader.load(rules);

        assertThat(after.catalogue().acts().url("§ 12a Abs. 2 BspG")).isEqualTo(acts.base() + "bspg_2030/__12a.html");
        assertThat(after.catalogue().acts().url("§ 18g Abs. 1 AufenthG")).isEqualTo(acts.base() + "aufenthg_2004/__18g.html");
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.sharesCompiledRulesWith(before)).as("a data change: the rules are not compiled again").isTrue();
    }

    /** A parameter's link comes from its reference through the acts catalogue unless the file gives its own. */
    @Test
    void aParameterWithoutItsOwnUrlLinksToItsReferenceThroughTheActs() throws IOException {
        Path rules = copyOfRules();
        KnowledgeBase kb = loader.load(rules);
        String base = kb.catalogue().acts().base();
        assertThat(kb.parameters().definitions().get("blue-card-general-threshold").url())
                .isEqualTo(base + "aufenthg_2004/__18g.html");
        assertThat(kb.parameters().definitions().get("zab-statement-fee").url()).as("its own url: a fee schedule")
                .startsWith("https://www.kmk.org/");

        replace(rules.resolve("catalogues/acts.yaml"), "folder: aufenthg_2004", "folder: aufenthg_2030");
        assertThat(loader.load(rules).parameters().definitions().get("blue-card-general-threshold").url())
                .isEqualTo(base + "aufenthg_2030/__18g.html");
    }

    /** A pathway's link comes from the acts catalogue unless pathways.yaml gives its own (then it is another norm). */
    @Test
    void aPathwayWithoutItsOwnUrlLinksToItsFirstLegalBasisThroughTheActs() throws IOException {
        Path rules = copyOfRules();
        KnowledgeBase kb = loader.load(rules);
        String base = kb.catalogue().acts().base();
        assertThat(kb.catalogue().pathways()).allSatisfy(p -> assertThat(p.url()).as(p.code()).startsWith(base));
        assertThat(pathway(kb, "BLUE_CARD").url()).isEqualTo(base + "aufenthg_2004/__18g.html");
        assertThat(pathway(kb, "EU_FREE_MOVEMENT").url()).isEqualTo(base + "freiz_gg_eu_2004/");
        assertThat(pathway(kb, "EXPERIENCE_BASED_EMPLOYMENT").url()).as("its own url, not § 19c AufenthG")
                .isEqualTo(base + "beschv_2013/__6.html");

        replace(rules.resolve("catalogues/acts.yaml"), "folder: aufenthg_2004", "folder: aufenthg_2030");
        KnowledgeBase moved = loader.load(rules);
        assertThat(pathway(moved, "BLUE_CARD").url()).isEqualTo(base + "aufenthg_2030/__18g.html");
        CaseFacts someone = new CaseFacts();
        someone.setAssessmentDate(LocalDate.of(2026, 3, 9));
        someone.setCandidate(new Candidate());
        someone.getCandidate().setCitizenships(List.of("IN"));
        assertThat(blueCard(decide(moved, someone)).url()).as("the advice's pathway url")
                .isEqualTo(base + "aufenthg_2030/__18g.html");

        Files.delete(rules.resolve("catalogues/acts.yaml"));
        KnowledgeBase none = loader.load(rules);
        assertThat(none.catalogue().acts().url("§ 18g AufenthG")).as("without acts.yaml nothing links").isNull();
        assertThat(pathway(none, "BLUE_CARD").url()).isNull();
        assertThat(pathway(none, "EXPERIENCE_BASED_EMPLOYMENT").url()).isEqualTo(base + "beschv_2013/__6.html");
    }

    @Test
    void aBadActIsReportedWithFileAndLine() throws IOException {
        Path rules = copyOfRules();
        Path file = rules.resolve("catalogues/acts.yaml");
        String original = Files.readString(file);
        int end = (int) original.lines().count();
        int baseLine = (int) original.lines().takeWhile(l -> !l.startsWith("base:")).count() + 1;
        int sectionPageLine = (int) original.lines().takeWhile(l -> !l.startsWith("sectionPage:")).count() + 1;
        record Broken(String text, int line, String message) {
        }
        List<Broken> cases = List.of(
                new Broken(original + "  - abbreviation: PflBG\n    name: again\n", end + 1, "the act 'PflBG' appears twice"),
                new Broken(original + "  - abbreviation: BspG\n    name: x\n    folder: https://example.org/bspg/\n    source: s\n",
                        end + 3, "folder 'https://example.org/bspg/' of BspG must be the part of the act's address after base"),
                new Broken(original + "  - abbreviation: BspG\n    name: x\n    folder: bspg\n", end + 1, "'source' is missing"),
                new Broken(original + "  - abbreviation: BspG\n    name: x\n    fodler: bspg\n", end + 3, "unknown key 'fodler'"),
                new Broken(original + "  - abbreviation: BspG\n", end + 1, "'name' is missing"),
                new Broken(original + "  - abbreviation: \"§ 1 A; B\"\n    name: x\n", end + 1, "contains ';'"),
                new Broken(original.replace("base: https://www.gesetze-im-internet.de/", "base: https://www.gesetze-im-internet.de"),
                        baseLine, "must be an https:// address ending in '/'"),
                new Broken(original.replace("sectionPage: __{section}.html", "sectionPage: __18g.html"),
                        sectionPageLine, "with {section} for the section number"));
        for (Broken broken : cases) {
            Files.writeString(file, broken.text());
            assertThatThrownBy(() -> loader.load(rules)).as(broken.message()).isInstanceOf(InvalidRulesException.class)
                    .hasMessageContaining("catalogues/acts.yaml:" + broken.line() + ": ")
                    .hasMessageContaining(broken.message());
        }
    }

    private static PathwayInfo pathway(KnowledgeBase kb, String code) {
        return kb.catalogue().pathways().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aMissingRulesFolderIsNamed() {
        assertThatThrownBy(() -> loader.load(temp.resolve("nowhere"))).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("does not exist");
    }

}
