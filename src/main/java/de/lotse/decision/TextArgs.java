package de.lotse.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values for the placeholders of one text of an advice, as a read-only map: the rule's own arguments, then
 * {required}, {actual}, {gap} (their difference, when both are known) and {date} (the assessment date), each only
 * when it has a value; a rule's own argument of the same name wins unless it is null. The values are looked up when
 * a text asks for them instead of being copied into a new map for every text.
 */
final class TextArgs extends AbstractMap<String, Object> {

    private static final List<String> STANDARD = List.of("required", "actual", "gap", "date");

    private final Map<String, ?> own;
    private final BigDecimal required;
    private final BigDecimal actual;
    private final LocalDate date;

    TextArgs(Map<String, ?> own, BigDecimal required, BigDecimal actual, LocalDate date) {
        this.own = own;
        this.required = required;
        this.actual = actual;
        this.date = date;
    }

    @Override
    public boolean containsKey(Object name) {
        return own.containsKey(name) || standard(name) != null;
    }

    @Override
    public Object get(Object name) {
        Object value = own.get(name);
        return value != null ? value : standard(name);
    }

    @Override
    public boolean isEmpty() {
        return own.isEmpty() && required == null && actual == null && date == null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new HashMap<>(own);
        for (String name : STANDARD) {
            Object value = standard(name);
            if (value != null) {
                all.putIfAbsent(name, value);
            }
        }
        return Collections.unmodifiableMap(all).entrySet();
    }

    private Object standard(Object name) {
        if (!(name instanceof String key)) {
            return null;
        }
        return switch (key) {
            case "required" -> required;
            case "actual" -> actual;
            case "gap" -> required != null && actual != null ? required.subtract(actual).abs() : null;
            case "date" -> date;
            default -> null;
        };
    }
}
