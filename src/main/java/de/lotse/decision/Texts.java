package de.lotse.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of rules/texts/*.yaml with named placeholders ({required}, {actual}, {date} …). Amounts are written
 * the way each language writes them: 12.345,60 in German, 12,345.60 in English; whole amounts without cents.
 *
 * <p>Every sentence is split at its placeholders once, when the knowledge base is loaded ({@link Template}), so that
 * filling it in for an advice is a walk over its parts.
 */
public final class Texts {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final Map<String, LocalizedText> texts;
    /** The sentences of every key, prepared per language at load time. */
    private final Map<String, Map<Language, Template>> templates = new HashMap<>();

    public Texts(Map<String, LocalizedText> texts) {
        this.texts = Map.copyOf(texts);
        this.texts.forEach((key, text) -> {
            Map<Language, Template> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                byLanguage.put(language, new Template(text.in(language)));
            }
            templates.put(key, byLanguage);
        });
    }

    public boolean has(String key) {
        return key != null && templates.containsKey(key);
    }

    public Map<String, LocalizedText> all() {
        return texts;
    }

    /** The text for the key with its placeholders filled, or empty if the key is unknown. */
    public Optional<String> format(String key, Language language, Map<String, ?> args) {
        Template template = template(key, language);
        return template == null ? Optional.empty() : Optional.of(template.fill(language, args));
    }

    /** The prepared sentence of a key in a language, or null if the key is unknown. */
    Template template(String key, Language language) {
        Map<Language, Template> byLanguage = key == null ? null : templates.get(key);
        return byLanguage == null ? null : byLanguage.get(language);
    }

    /**
     * One sentence split once at its braces: {@code parts} alternates literal text and placeholder names, starting
     * and ending with literal text ("Salary {actual} EUR" → "Salary ", "actual", " EUR"). A brace without its closing
     * brace is literal text. Filling writes a placeholder's value if the arguments have its name, else the
     * placeholder as it stands.
     */
    static final class Template {
        private final String text;
        private final String[] parts;
        /** The names of the form {name} (letters, digits, '_'): what a text needs filled to be complete. */
        private final Set<String> placeholders;

        Template(String text) {
            this.text = text;
            List<String> split = new ArrayList<>();
            int i = 0;
            while (true) {
                int open = text.indexOf('{', i);
                int close = open < 0 ? -1 : text.indexOf('}', open);
                if (open < 0 || close < 0) {
                    split.add(text.substring(i));
                    break;
                }
                split.add(text.substring(i, open));
                split.add(text.substring(open + 1, close));
                i = close + 1;
            }
            this.parts = split.toArray(String[]::new);
            Set<String> names = new LinkedHashSet<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
            this.placeholders = Set.copyOf(names);
        }

        Set<String> placeholders() {
            return placeholders;
        }

        /** Whether the arguments have a value for every placeholder. */
        boolean canFill(Map<String, ?> args) {
            for (String name : placeholders) {
                if (!args.containsKey(name)) {
                    return false;
                }
            }
            return true;
        }

        String fill(Language language, Map<String, ?> args) {
            if (parts.length == 1 || args.isEmpty()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 32);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (i % 2 == 0) {
                    out.append(part);
                } else if (args.containsKey(part)) {
                    out.append(render(args.get(part), language));
                } else {
                    out.append('{').append(part).append('}');
                }
            }
            return out.toString();
        }
    }

    /** Writes a value for a sentence: amounts with grouping, dates in the language's usual form. */
    public static String render(Object value, Language language) {
        if (value == null) {
            return "–";
        }
        if (value instanceof BigDecimal decimal) {
            return number(decimal, language);
        }
        if (value instanceof Double || value instanceof Float) {
            BigDecimal decimal = new BigDecimal(value.toString());
            return number(decimal, language);
        }
        if (value instanceof Number number) {
            return number(new BigDecimal(number.toString()), language);
        }
        if (value instanceof LocalDate date) {
            return language == Language.de ? GERMAN_DATE.format(date) : date.toString();
        }
        return value.toString();
    }

    /**
     * An amount as DecimalFormat writes it with "#,##0" (whole amounts) or "#,##0.00" and the language's symbols
     * (de: 12.345,60; en: 12,345.60), rounded half-even; written out by hand because DecimalFormat was a noticeable
     * part of an advice's CPU time. TextsTest compares the two.
     */
    private static String number(BigDecimal value, Language language) {
        boolean whole = value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
        String plain = value.abs().setScale(whole ? 0 : 2, RoundingMode.HALF_EVEN).toPlainString();  // "12345.60"
        int point = plain.indexOf('.');
        int integerDigits = point < 0 ? plain.length() : point;
        Symbols symbols = language == Language.de ? GERMAN : ENGLISH;
        StringBuilder out = new StringBuilder(plain.length() + integerDigits / 3 + 1);
        if (value.signum() < 0) {
            out.append(symbols.minus());
        }
        for (int i = 0; i < integerDigits; i++) {
            if (i > 0 && (integerDigits - i) % 3 == 0) {
                out.append(symbols.grouping());
            }
            out.append(plain.charAt(i));
        }
        if (point >= 0) {
            out.append(symbols.decimal()).append(plain, point + 1, plain.length());
        }
        return out.toString();
    }

    private record Symbols(char minus, char grouping, char decimal) {
        static Symbols of(Locale locale) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            return new Symbols(symbols.getMinusSign(), symbols.getGroupingSeparator(), symbols.getDecimalSeparator());
        }
    }

    private static final Symbols GERMAN = Symbols.of(Locale.GERMANY);
    private static final Symbols ENGLISH = Symbols.of(Locale.UK);
}
