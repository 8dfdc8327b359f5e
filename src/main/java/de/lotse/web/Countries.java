package de.lotse.web;

import de.lotse.decision.DecisionService;
import de.lotse.decision.Language;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Country names for the citizenship picker, from the JDK's locale data (CLDR) in German and English, with Kosovo
 * (XK), which ISO 3166-1 has not assigned but the decision API uses. Names only: which country belongs to which group
 * is data in rules/catalogues/country-groups.yaml.
 */
@Component
public class Countries {

    /** A country for the picker: its code and its name in the page's language. */
    public record Country(String code, String name) {

        /** What the picker puts into the field, e.g. "Indien (IN)"; {@link #resolve} reads it back. */
        public String option() {
            return name + " (" + code + ")";
        }
    }

    /** A picker entry, "Indien (IN)". */
    private static final Pattern IN_PARENTHESES = Pattern.compile(".*\\(([A-Za-z]{2})\\)$");

    private final Map<Language, List<Country>> sorted = new HashMap<>();
    private final Map<String, String> codeByName = new HashMap<>();

    public Countries() {
        for (Language language : Language.values()) {
            Collator collator = Collator.getInstance(Languages.locale(language));
            List<Country> list = new ArrayList<>();
            for (String code : new TreeSet<>(DecisionService.COUNTRY_CODES)) {
                String name = name(code, language);
                list.add(new Country(code, name));
                codeByName.putIfAbsent(key(name), code);
            }
            list.sort(Comparator.comparing(Country::name, collator));
            sorted.put(language, List.copyOf(list));
        }
    }

    /** Every country, sorted by its name in the language. */
    public List<Country> all(Language language) {
        return sorted.get(language);
    }

    public String name(String code, Language language) {
        String name = new Locale("", code).getDisplayCountry(Languages.locale(language));
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }

    /**
     * The code for what was typed or picked: a code ("in", "XK"), a picker entry ("Indien (IN)") or a name in German
     * or English ("Serbien", "serbia"). Empty when it names no country.
     */
    public Optional<String> resolve(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String s = input.trim();
        Matcher inParentheses = IN_PARENTHESES.matcher(s);
        if (inParentheses.matches()) {
            s = inParentheses.group(1);
        }
        if (s.length() == 2) {
            String code = s.toUpperCase(Locale.ROOT);
            return DecisionService.COUNTRY_CODES.contains(code) ? Optional.of(code) : Optional.empty();
        }
        return Optional.ofNullable(codeByName.get(key(s)));
    }

    private static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
