package de.lotse.decision;

import static org.assertj.core.api.Assertions.assertThat;

import de.lotse.decision.Acts.Act;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The citation grammar on a hand-made list of acts: which act a citation names and which address it gets. */
class ActsTest {

    private static final String BASE = "https://laws.example/";

    private final Acts acts = new Acts(BASE, "__{section}.html", List.of(
            new Act("FooG", "Foo-Gesetz", "foog_2001"),
            new Act("FooG/EU", "Foo-Gesetz/EU", "foog_eu"),
            new Act("SGB VI", "Sechstes Buch", "sgb_6"),
            new Act("SGB", "Sozialgesetzbuch (all books)", "sgb"),
            new Act("LandG", "Ein Landesgesetz", null)));

    @Test
    void theSectionBeforeTheActGivesTheAddressOfTheSection() {
        assertThat(acts.url("§ 18g Abs. 1 Satz 2 FooG")).isEqualTo(BASE + "foog_2001/__18g.html");
        assertThat(acts.url("§§ 20a FooG")).isEqualTo(BASE + "foog_2001/__20a.html");
        assertThat(acts.url("FooG")).as("no section: the act").isEqualTo(BASE + "foog_2001/");
        assertThat(acts.url("FooG, § 5")).as("a section after the act is not its section").isEqualTo(BASE + "foog_2001/");
    }

    @Test
    void theLongestAbbreviationAtTheFirstActWinsAndOnlyWholeWordsCount() {
        assertThat(acts.url("§ 2 FooG/EU")).isEqualTo(BASE + "foog_eu/__2.html");
        assertThat(acts.url("§ 159 SGB VI")).isEqualTo(BASE + "sgb_6/__159.html");
        assertThat(acts.url("§ 7 SGB VII")).as("SGB VI is not a word of SGB VII; SGB is").isEqualTo(BASE + "sgb/__7.html");
        assertThat(acts.url("§ 3 FooGx")).isNull();
        assertThat(acts.url("§ 3 XFooG")).isNull();
        assertThat(acts.find("§ 1 LandG i. V. m. § 2 FooG")).isEqualTo(new Act("LandG", "Ein Landesgesetz", null));
    }

    @Test
    void anActWithoutFolderAnUnknownActAndNoActsLinkNowhere() {
        assertThat(acts.url("§ 6 LandG")).isNull();
        assertThat(acts.url("§ 6 BarG")).isNull();
        assertThat(acts.url(null)).isNull();
        assertThat(acts.url(" ")).isNull();
        assertThat(Acts.none().url("§ 18g FooG")).isNull();
        assertThat(Acts.none().all()).isEmpty();
    }

    @Test
    void aCitationIsCutAtSemicolonsAndThePathwayLinkIsTheFirstPartThatHasOne() {
        assertThat(Acts.parts(" § 6 LandG;; § 2 FooG ; ")).containsExactly("§ 6 LandG", "§ 2 FooG");
        assertThat(Acts.parts(null)).isEmpty();
        assertThat(acts.firstUrl(List.of("§ 6 LandG; Zuständigkeitsrecht", "§ 4 BarG; § 2 FooG", "§ 9 FooG")))
                .isEqualTo(BASE + "foog_2001/__2.html");
        assertThat(acts.firstUrl(List.of("§ 6 LandG"))).isNull();
    }
}
