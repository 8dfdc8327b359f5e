package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LawLinksTest {

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
    void aCitationOfAKnownActLinksToItsSection(String citation, String url) {
        assertThat(LawLinks.url(citation)).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"§ 40 PflBG", "Freizügigkeitsabkommen EU–Schweiz (FZA)",
            "Art. 5 Abs. 1 RL (EU) 2021/1883", "§ 6 IngG LSA", "Zuständigkeitsrecht der Länder", "AufenthGx"})
    void anUnknownActGetsNoLink(String citation) {
        assertThat(LawLinks.url(citation)).isNull();
    }

    @Test
    void aCitationWithSeveralNormsIsLinkedPartByPart() {
        assertThat(LawLinks.parts("§ 6 BeschV; § 2 Abs. 12a AufenthG; Berufsgesetze des Bundes und der Länder")).containsExactly(
                new LinkedText("§ 6 BeschV", "https://www.gesetze-im-internet.de/beschv_2013/__6.html"),
                new LinkedText("§ 2 Abs. 12a AufenthG", "https://www.gesetze-im-internet.de/aufenthg_2004/__2.html"),
                new LinkedText("Berufsgesetze des Bundes und der Länder", null));
        assertThat(LawLinks.parts(List.of("§ 19c Abs. 1 AufenthG", "§ 26 Abs. 2 BeschV"))).extracting(LinkedText::url)
                .containsExactly("https://www.gesetze-im-internet.de/aufenthg_2004/__19c.html",
                        "https://www.gesetze-im-internet.de/beschv_2013/__26.html");
        assertThat(LawLinks.parts((String) null)).isEmpty();
    }

    @Test
    void addressesInASourceBecomeLinks() {
        assertThat(LawLinks.linkify("[S4] https://example.org/a?b=1 (BMI notice)")).containsExactly(
                new LinkedText("[S4] ", null),
                new LinkedText("https://example.org/a?b=1", "https://example.org/a?b=1"),
                new LinkedText(" (BMI notice)", null));
    }
}
