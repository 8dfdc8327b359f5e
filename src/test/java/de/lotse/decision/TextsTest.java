package de.lotse.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Filling texts: placeholders, amounts in both languages, dates; the prepared sentences behave like the raw ones. */
class TextsTest {

    @Test
    void amountsAreWrittenLikeDecimalFormat() {
        List<BigDecimal> values = new ArrayList<>();
        for (String s : List.of("0", "0.0", "0.00", "-0", "1", "-1", "999", "1000", "-1000", "12345.6", "12345.60",
                "50700", "50700.00", "1234567.891", "0.5", "0.05", "0.005", "0.015", "0.025", "-0.004", "-0.005",
                "1.005", "1.015", "2.345", "2.355", "999.995", "999999.999", "1E+3", "1.2E+7", "-123456789.125",
                "12345678901234567890.125", "0.001", "100.10", "3.14159", "-2.5")) {
            values.add(new BigDecimal(s));
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = switch (i % 4) {
                case 0 -> random.nextInt(1000);
                case 1 -> random.nextInt(10_000_000);
                case 2 -> random.nextLong();
                default -> random.nextInt(2_000_000) - 1_000_000;
            };
            values.add(BigDecimal.valueOf(unscaled, random.nextInt(8) - 2));
        }
        for (BigDecimal value : values) {
            for (Language language : Language.values()) {
                assertThat(Texts.render(value, language)).as("%s in %s", value, language)
                        .isEqualTo(withDecimalFormat(value, language));
            }
        }
    }

    @Test
    void otherNumbersAndDates() {
        assertThat(Texts.render(52000, Language.de)).isEqualTo("52.000");
        assertThat(Texts.render(52000L, Language.en)).isEqualTo("52,000");
        assertThat(Texts.render(1234.5, Language.de)).isEqualTo("1.234,50");
        assertThat(Texts.render(0.1f, Language.en)).isEqualTo("0.10");
        assertThat(Texts.render(LocalDate.of(2026, 3, 9), Language.de)).isEqualTo("09.03.2026");
        assertThat(Texts.render(LocalDate.of(2026, 3, 9), Language.en)).isEqualTo("2026-03-09");
        assertThat(Texts.render(null, Language.en)).isEqualTo("–");
        assertThat(Texts.render("A2", Language.en)).isEqualTo("A2");
    }

    @Test
    void fillsPlaceholdersAndKeepsWhatItCannotFill() {
        Map<String, Object> args = new HashMap<>();
        args.put("actual", new BigDecimal("52000"));
        args.put("none", null);
        assertThat(new Texts.Template("Salary {actual} EUR").fill(Language.de, args)).isEqualTo("Salary 52.000 EUR");
        assertThat(new Texts.Template("{actual}").fill(Language.en, args)).isEqualTo("52,000");
        assertThat(new Texts.Template("{actual}{actual}").fill(Language.en, args)).isEqualTo("52,00052,000");
        assertThat(new Texts.Template("{missing} and {none}").fill(Language.en, args)).isEqualTo("{missing} and –");
        assertThat(new Texts.Template("no placeholders").fill(Language.en, args)).isEqualTo("no placeholders");
        assertThat(new Texts.Template("{actual}").fill(Language.en, Map.of())).isEqualTo("{actual}");
        // braces the way the sentences are read: up to the next closing brace; an open brace alone is text
        assertThat(new Texts.Template("a {b {actual} c").fill(Language.en, args)).isEqualTo("a {b {actual} c");
        assertThat(new Texts.Template("a {actual").fill(Language.en, args)).isEqualTo("a {actual");
        assertThat(new Texts.Template("a } {actual} {").fill(Language.en, args)).isEqualTo("a } 52,000 {");
        assertThat(new Texts.Template("{}").fill(Language.en, args)).isEqualTo("{}");
        args.put("", "empty");
        assertThat(new Texts.Template("{}").fill(Language.en, args)).isEqualTo("empty");
    }

    @Test
    void formatsByKeyAndKnowsThePlaceholders() {
        Texts texts = new Texts(Map.of(
                "condition.SALARY.MET", new LocalizedText("Gehalt {actual} ab {required} am {date}.",
                        "Salary {actual} from {required} on {date}."),
                "plain", new LocalizedText("Nur Text.", "Only text."),
                "odd", new LocalizedText("{a b} {x{y}", "{ok}")));
        Map<String, Object> args = Map.of("actual", 52000, "required", new BigDecimal("50700.5"),
                "date", LocalDate.of(2026, 3, 9));
        assertThat(texts.format("condition.SALARY.MET", Language.de, args))
                .contains("Gehalt 52.000 ab 50.700,50 am 09.03.2026.");
        assertThat(texts.format("condition.SALARY.MET", Language.en, args))
                .contains("Salary 52,000 from 50,700.50 on 2026-03-09.");
        assertThat(texts.format("plain", Language.en, args)).contains("Only text.");
        assertThat(texts.format("unknown", Language.en, args)).isEmpty();
        assertThat(texts.format(null, Language.en, args)).isEmpty();
        assertThat(texts.has("plain")).isTrue();
        assertThat(texts.has("unknown")).isFalse();
        assertThat(texts.has(null)).isFalse();
        assertThat(texts.template("condition.SALARY.MET", Language.en).placeholders()).containsExactlyInAnyOrder("actual", "required", "date");
        assertThat(texts.template("plain", Language.de).placeholders()).isEmpty();
        assertThat(texts.template("odd", Language.de).placeholders()).containsExactly("y");
        assertThat(texts.template("odd", Language.en).placeholders()).containsExactly("ok");
        assertThat(texts.format("odd", Language.de, Map.of("y", 1, "a b", 2))).contains("2 {x{y}");
    }

    @Test
    void templateKnowsWhetherArgumentsFillIt() {
        Texts.Template template = new Texts.Template("From {required} on {date}.");
        assertThat(template.canFill(Map.of("required", 1, "date", 2))).isTrue();
        assertThat(template.canFill(Map.of("required", 1))).isFalse();
        assertThat(new Texts.Template("No placeholder.").canFill(Map.of())).isTrue();
    }

    private static String withDecimalFormat(BigDecimal value, Language language) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language == Language.de ? Locale.GERMANY : Locale.UK);
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        return new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols).format(value);
    }
}
