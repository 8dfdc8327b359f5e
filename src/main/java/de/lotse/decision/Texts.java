package de.lotse.decision;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sentences of rules/texts/*.yaml with named placeholders ({required}, {actual}, {date} …). Amounts are written
 * the way each language writes them: 12.345,60 in German, 12,345.60 in English; whole amounts without cents.
 */
public final class Texts {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final Map<String, LocalizedText> texts;
    /** The placeholders of every text, per language, found once at load time. */
    private final Map<String, Map<Language, java.util.Set<String>>> placeholders = new java.util.HashMap<>();

    public Texts(Map<String, LocalizedText> texts) {
        this.texts = Map.copyOf(texts);
        this.texts.forEach((key, text) -> {
            Map<Language, java.util.Set<String>> byLanguage = new java.util.EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                java.util.Set<String> names = new java.util.LinkedHashSet<>();
                java.util.regex.Matcher m = PLACEHOLDER.matcher(text.in(language));
                while (m.find()) {
                    names.add(m.group(1));
                }
                byLanguage.put(language, java.util.Set.copyOf(names));
            }
            placeholders.put(key, byLanguage);
        });
    }

    public boolean has(String key) {
        return key != null && texts.containsKey(key);
    }

    public Map<String, LocalizedText> all() {
        return texts;
    }

    /** The text for the key with its placeholders filled, or empty if the key is unknown. */
    public Optional<String> format(String key, Language language, Map<String, ?> args) {
        LocalizedText text = key == null ? null : texts.get(key);
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(fill(text.in(language), language, args));
    }

    /** The names of the placeholders ({name}) of a text in a language. */
    public java.util.Set<String> placeholders(String key, Language language) {
        return placeholders.get(key).get(language);
    }

    static String fill(String template, Language language, Map<String, ?> args) {
        if (args.isEmpty() || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String name = template.substring(open + 1, close);
            if (args.containsKey(name)) {
                out.append(render(args.get(name), language));
            } else {
                out.append(template, open, close + 1);
            }
            i = close + 1;
        }
        return out.toString();
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

    private static String number(BigDecimal value, Language language) {
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        return FORMATS.get()[language.ordinal() * 2 + (whole ? 0 : 1)].format(value);
    }

    /** Per thread (DecimalFormat is not thread-safe), built once: whole and with cents, for each language. */
    private static final ThreadLocal<DecimalFormat[]> FORMATS = ThreadLocal.withInitial(() -> {
        DecimalFormat[] formats = new DecimalFormat[Language.values().length * 2];
        for (Language language : Language.values()) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language == Language.de ? Locale.GERMANY : Locale.UK);
            formats[language.ordinal() * 2] = new DecimalFormat("#,##0", symbols);
            formats[language.ordinal() * 2 + 1] = new DecimalFormat("#,##0.00", symbols);
        }
        return formats;
    });
}
