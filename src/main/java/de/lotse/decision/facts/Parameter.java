package de.lotse.decision.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A legal figure from rules/parameters/, with the value in force on the assessment date.
 * In a rule: {@code Parameter(name == "blue-card-general-threshold", $threshold : value)}.
 */
public final class Parameter {

    private final String name;
    private final BigDecimal value;
    private final String unit;
    private final LocalDate since;

    public Parameter(String name, BigDecimal value, String unit, LocalDate since) {
        this.name = name;
        this.value = value;
        this.unit = unit;
        this.since = since;
    }

    public String getName() { return name; }
    public BigDecimal getValue() { return value; }
    /** The value as a whole number, for years, months, points and ages: {@code $points : intValue} in a rule. */
    public int getIntValue() { return value.intValue(); }
    public String getUnit() { return unit; }
    public LocalDate getSince() { return since; }

    @Override
    public String toString() { return "Parameter[" + name + "=" + value.toPlainString() + " since " + since + "]"; }
}
