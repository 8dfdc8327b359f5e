package de.lotse.expert;

import static org.assertj.core.api.Assertions.assertThat;

import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import de.lotse.knowledge.RuleProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lotse check} warns about an act a rule cites that catalogues/acts.yaml lacks (its citations would not link). */
class UnlistedActsTest {

    @Test
    void everyActTheRulesOfTheRepositoryCiteIsInTheCatalogue() {
        assertThat(RulesCheck.unlistedActs(TempRules.load(TempRules.RULES))).isEmpty();
    }

    @Test
    void aCitedActMissingFromTheCatalogueIsAWarningWithFileAndLineUntilItIsAdded(@TempDir Path temp) {
        Path copy = TempRules.copy(TempRules.RULES, temp.resolve("rules"));
        String file = "aufenthg/s18g_blaue_karte.drl";
        TempRules.edit(copy, file, drl -> drl + """

                rule "A rule for a test that cites acts the catalogue does not know"
                    @legalBasis("§ 7 Abs. 2 NeuG; § 3 Zuständigkeitsverordnung des Landes; Landesrecht; § 18g AufenthG")
                when
                    Candidate(age != null, age > 150)
                then
                end
                """);
        int line = (int) TempRules.read(copy.resolve(file)).lines()
                .takeWhile(l -> !l.startsWith("rule \"A rule for a test that cites")).count() + 1;
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader(Clock.systemUTC());

        List<RuleProblem> warnings = RulesCheck.unlistedActs(loader.load(copy));

        assertThat(warnings).extracting(RuleProblem::toString).containsExactly(
                file + ":" + line + ": the citation \"§ 7 Abs. 2 NeuG\" names 'NeuG', which is not in catalogues/acts.yaml:"
                        + " add the act there (with its folder on the statute site, if it has one) so that its citations link",
                file + ":" + line + ": the citation \"§ 3 Zuständigkeitsverordnung des Landes\" names no act of"
                        + " catalogues/acts.yaml: add the act there (with its folder on the statute site, if it has one)"
                        + " so that its citations link");

        TempRules.edit(copy, "catalogues/acts.yaml", yaml -> yaml + """
                  - abbreviation: NeuG
                    name: Ein neues Landesgesetz (a test), not on the statute site
                  - abbreviation: Zuständigkeitsverordnung des Landes
                    name: Zuständigkeitsverordnung des Landes (a test)
                """);
        KnowledgeBase listed = loader.load(copy);

        assertThat(RulesCheck.unlistedActs(listed)).isEmpty();
        assertThat(listed.catalogue().acts().url("§ 7 Abs. 2 NeuG")).as("listed without folder: no link").isNull();
    }
}
