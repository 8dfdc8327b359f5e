package de.lotse.web;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a number as an advisor types it, in the way of the page's language: German "52.000" and "4,5", English
 * "52,000" and "4.5"; a stray "4.5" on the German page or "4,5" on the English one is read as a decimal too, and
 * "EUR"/"€" and spaces are ignored. Anything else is not a number (the form says so next to the field).
 */
final class NumberInput {

    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    private static final Pattern GERMAN_GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern ENGLISH_GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern SIMPLE_DECIMAL = Pattern.compile("-?\\d*[.,]\\d+|-?\\d+[.,]");
    private static final int MAX_LENGTH = 30;

    private NumberInput() {
    }

    /**
     * Writes a number the way the page's language writes it, without rounding: German "52.000" and "4,125", English
     * "52,000" and "4.125". {@link #parse} reads it back to the same value in that language.
     */
    static String format(BigDecimal value, boolean german) {
        String plain = value.stripTrailingZeros().toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(german ? '.' : ',');
            }
            grouped.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + grouped + (fraction.isEmpty() ? "" : (german ? "," : ".") + fraction);
    }

    static Optional<BigDecimal> parse(String raw, boolean german) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replaceAll("[\\s\\u00A0\\u202F]", "").replaceFirst("(?i)(€|eur)$", "");
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String plain;
        if (DIGITS.matcher(s).matches()) {
            plain = s;
        } else if (german && GERMAN_GROUPED.matcher(s).matches()) {
            plain = s.replace(".", "").replace(',', '.');
        } else if (!german && ENGLISH_GROUPED.matcher(s).matches()) {
            plain = s.replace(",", "");
        } else if (SIMPLE_DECIMAL.matcher(s).matches()) {
            plain = s.replace(',', '.');
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
