package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberInputTest {

    @ParameterizedTest(name = "German page: \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "52000 | 52000", "52.000 | 52000", "52 000 | 52000", "52.000,50 | 52000.50", "4,5 | 4.5", "4.5 | 4.5",
            "1.500 | 1500", "48.300 EUR | 48300", "1.091 € | 1091", "0 | 0", "-3 | -3", "2,5 | 2.5"})
    void germanWriting(String typed, String expected) {
        assertThat(NumberInput.parse(typed, true)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(expected)));
    }

    @ParameterizedTest(name = "English page: \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "52000 | 52000", "52,000 | 52000", "52,000.50 | 52000.50", "4.5 | 4.5", "4,5 | 4.5", "1,500 | 1500"})
    void englishWriting(String typed, String expected) {
        assertThat(NumberInput.parse(typed, false)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(expected)));
    }

    @ParameterizedTest(name = "{0} is written and read back in both languages")
    @ValueSource(strings = {"0", "7", "52000", "52000.5", "0.125", "1500", "1234567.891", "4.5", "-3.25", "100000000"})
    void aFormattedNumberReadsBackToTheSameValue(String value) {
        BigDecimal number = new BigDecimal(value);
        for (boolean german : new boolean[] {true, false}) {
            String written = NumberInput.format(number, german);
            assertThat(NumberInput.parse(written, german)).as(written)
                    .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(number));
        }
        assertThat(NumberInput.format(new BigDecimal("52000.50"), true)).isEqualTo("52.000,5");
        assertThat(NumberInput.format(new BigDecimal("52000.50"), false)).isEqualTo("52,000.5");
    }

    @ParameterizedTest(name = "\"{0}\" is no number")
    @ValueSource(strings = {"abc", "1e5", "12a", "1.2.3,4,5", "", " ", "..", "0x10", "99999999999999999999999999999999"})
    void notANumber(String typed) {
        assertThat(NumberInput.parse(typed, true)).isEmpty();
        assertThat(NumberInput.parse(typed, false)).isEmpty();
    }
}
