package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.lotse.decision.Language;
import org.junit.jupiter.api.Test;

class CountriesTest {

    private final Countries countries = new Countries();

    @Test
    void codesNamesAndPickerEntriesInEitherLanguageResolveToTheCode() {
        assertThat(countries.resolve("IN")).hasValue("IN");
        assertThat(countries.resolve(" in ")).hasValue("IN");
        assertThat(countries.resolve("Indien (IN)")).hasValue("IN");
        assertThat(countries.resolve("Indien")).hasValue("IN");
        assertThat(countries.resolve("india")).hasValue("IN");
        assertThat(countries.resolve("Serbien")).hasValue("RS");
        assertThat(countries.resolve("Kosovo (XK)")).hasValue("XK");
        assertThat(countries.resolve("Türkei")).hasValue("TR");
        assertThat(countries.resolve("Atlantis")).isEmpty();
        assertThat(countries.resolve("QQ")).isEmpty();
        assertThat(countries.resolve("")).isEmpty();
    }

    @Test
    void theListIsSortedByTheNameInTheLanguageAndIncludesKosovo() {
        var german = countries.all(Language.de);
        assertThat(german).extracting(Countries.Country::code).contains("XK", "DE", "IN");
        assertThat(german).filteredOn(c -> c.code().equals("DE")).singleElement()
                .extracting(Countries.Country::option).isEqualTo("Deutschland (DE)");
        int austria = indexOf(german, "AT");
        int egypt = indexOf(german, "EG");
        assertThat(egypt).as("Ägypten sorts with A in German").isLessThan(indexOf(german, "AL"));
        assertThat(austria).isGreaterThan(egypt);
        assertThat(countries.all(Language.en)).filteredOn(c -> c.code().equals("DE")).singleElement()
                .extracting(Countries.Country::name).isEqualTo("Germany");
    }

    private static int indexOf(java.util.List<Countries.Country> list, String code) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
