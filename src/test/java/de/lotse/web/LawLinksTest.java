package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.FileSystemUtils;

/** Citations linked with the acts of the repository's rules (rules/catalogues/acts.yaml). */
class LawLinksTest {

    private static LawLinks links() {
        return LawLinks.of(TestKnowledge.kb().catalogue());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "§ 18g Abs. 1 AufenthG                | https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html",
            "§ 18g Abs. 1 Satz 1 AufenthG         | https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html",
            "§ 6 BeschV                           | https://www.gesetze-im-internet.de/beschv_2013/__6.html",
            "§ 26 Abs. 2 Satz 1 BeschV            | https://www.gesetze-im-internet.de/beschv_2013/__26.html",
            "§ 41 Abs. 1, Abs. 3 AufenthV         | https://www.gesetze-im-internet.de/aufenthv/__41.html",
            "§ 14a BQFG                           | https://www.gesetze-im-internet.de/bqfg/__14a.html",
            "BQFG                                 | https://www.gesetze-im-internet.de/bqfg/",
            "§ 2 FreizügG/EU                      | https://www.gesetze-im-internet.de/freiz_gg_eu_2004/__2.html",
            "FreizügG/EU                          | https://www.gesetze-im-internet.de/freiz_gg_eu_2004/",
            "§ 81a AufenthG                       | https://www.gesetze-im-internet.de/aufenthg_2004/__81a.html",
            "§ 20a Abs. 3 Nr. 2 i. V. m. § 20b Abs. 1 AufenthG und Anlage | https://www.gesetze-im-internet.de/aufenthg_2004/__20a.html",
    })
    void aCitationOfOneOfTheFiveFirstActsLinksToItsSection(String citation, String url) {
        assertThat(links().url(citation)).isEqualTo(url);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "§ 40 PflBG                           | https://www.gesetze-im-internet.de/pflbg/__40.html",
            "MPhG                                 | https://www.gesetze-im-internet.de/mphg/",
            "Bundesärzteordnung (BÄO)             | https://www.gesetze-im-internet.de/b_o/",
            "§ 159 SGB VI                         | https://www.gesetze-im-internet.de/sgb_6/__159.html",
    })
    void theOtherFederalActsTheRulesCiteLinkToo(String citation, String url) {
        assertThat(links().url(citation)).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Freizügigkeitsabkommen EU–Schweiz (FZA)", "Art. 5 Abs. 1 RL (EU) 2021/1883",
            "§ 6 IngG LSA", "§ 30 ThürLbG", "Zuständigkeitsrecht der Länder", "AufenthGx", "§ 3 NochNichtG"})
    void anActWithoutAddressOrUnknownGetsNoLink(String citation) {
        assertThat(links().url(citation)).isNull();
    }

    @Test
    void aCitationWithSeveralNormsIsLinkedPartByPart() {
        LawLinks links = links();
        assertThat(links.parts("§ 6 BeschV; § 2 Abs. 12a AufenthG; Berufsgesetze des Bundes und der Länder")).containsExactly(
                new LinkedText("§ 6 BeschV", "https://www.gesetze-im-internet.de/beschv_2013/__6.html"),
                new LinkedText("§ 2 Abs. 12a AufenthG", "https://www.gesetze-im-internet.de/aufenthg_2004/__2.html"),
                new LinkedText("Berufsgesetze des Bundes und der Länder", null));
        assertThat(links.parts(List.of("§ 19c Abs. 1 AufenthG", "§ 26 Abs. 2 BeschV"))).extracting(LinkedText::url)
                .containsExactly("https://www.gesetze-im-internet.de/aufenthg_2004/__19c.html",
                        "https://www.gesetze-im-internet.de/beschv_2013/__26.html");
        assertThat(links.parts((String) null)).isEmpty();
    }

    /** A legal expert adds an act to rules/catalogues/acts.yaml; after the reload its citations link. */
    @Test
    void anActAddedToTheCatalogueLinksAfterTheReload(@TempDir Path temp) throws IOException {
        Path rules = temp.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), rules);
        Path acts = rules.resolve("catalogues/acts.yaml");
        Files.writeString(acts, Files.readString(acts) + """
                  - abbreviation: NochNichtG
                    name: Ein Gesetz, das es noch nicht gibt (a test)
                    folder: nochnichtg_2030
                    source: a test
                """);

        LawLinks edited = LawLinks.of(TestKnowledge.load(rules).catalogue());

        assertThat(edited.parts("§ 3 Abs. 1 NochNichtG; § 18g AufenthG")).containsExactly(
                new LinkedText("§ 3 Abs. 1 NochNichtG", "https://www.gesetze-im-internet.de/nochnichtg_2030/__3.html"),
                new LinkedText("§ 18g AufenthG", "https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html"));
        assertThat(links().url("§ 3 Abs. 1 NochNichtG")).as("the version in service before the reload").isNull();
    }

    @Test
    void addressesInASourceBecomeLinks() {
        assertThat(LawLinks.linkify("[S4] https://example.org/a?b=1 (BMI notice)")).containsExactly(
                new LinkedText("[S4] ", null),
                new LinkedText("https://example.org/a?b=1", "https://example.org/a?b=1"),
                new LinkedText(" (BMI notice)", null));
    }
}
