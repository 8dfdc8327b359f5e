package de.lotse.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The placeholder values of a text behave like a copy of the rule's arguments with the standard values added. */
class TextArgsTest {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 9);

    @Test
    void behavesLikeACopyWithTheStandardValuesPutIfAbsent() {
        List<Map<String, Object>> owns = new ArrayList<>();
        owns.add(Map.of());
        owns.add(Map.of("level", "B1"));
        owns.add(Map.of("required", 7, "date", "tomorrow"));
        Map<String, Object> withNulls = new LinkedHashMap<>();
        withNulls.put("gap", null);
        withNulls.put("actual", null);
        withNulls.put("other", null);
        owns.add(withNulls);
        List<BigDecimal> values = Arrays.asList(null, new BigDecimal("50700"), new BigDecimal("48000.50"));
        for (Map<String, Object> own : owns) {
            for (BigDecimal required : values) {
                for (BigDecimal actual : values) {
                    for (LocalDate date : Arrays.asList(DATE, null)) {
                        Map<String, Object> expected = copyWithStandardValues(own, required, actual, date);
                        TextArgs args = new TextArgs(own, required, actual, date);
                        for (String name : List.of("required", "actual", "gap", "date", "level", "other", "missing")) {
                            assertThat(args.containsKey(name)).as("%s in %s", name, expected).isEqualTo(expected.containsKey(name));
                            assertThat(args.get(name)).as("%s in %s", name, expected).isEqualTo(expected.get(name));
                        }
                        assertThat(args).isEqualTo(expected);
                        assertThat(args.isEmpty()).isEqualTo(expected.isEmpty());
                    }
                }
            }
        }
    }

    /** How the arguments of a text were built before TextArgs: a copy of the rule's own, then putIfAbsent. */
    private static Map<String, Object> copyWithStandardValues(Map<String, Object> own, BigDecimal required,
                                                              BigDecimal actual, LocalDate date) {
        Map<String, Object> args = new HashMap<>(own);
        if (required != null) {
            args.putIfAbsent("required", required);
        }
        if (actual != null) {
            args.putIfAbsent("actual", actual);
            if (required != null) {
                args.putIfAbsent("gap", required.subtract(actual).abs());
            }
        }
        if (date != null) {
            args.putIfAbsent("date", date);
        }
        return args;
    }
}
