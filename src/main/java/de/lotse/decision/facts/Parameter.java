package de.lotse.decision.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A legal figure from rules/parameters/, with the value in force on the assessment date.
 * In a rule: {@code Parameter(name == "blue-card-general-threshold", $threshold : value)}. A value the file marks
 * {@code confirmed: false} brings a caveat into the advice of whatever a rule that matched it records.
 */
public final class Parameter {

    private final String name;
    private final BigDecimal value;
    private final String unit;
    private final LocalDate since;
    private final boolean confirmed;

    public Parameter(String name, BigDecimal value, String unit, LocalDate since) {
        this(name, value, unit, since, true);
    }

    public Parameter(String name, BigDecimal value, String unit, LocalDate since, boolean confirmed) {
        this.name = name;
        this.value = value;
        this.unit = unit;
        this.since = since;
        this.confirmed = confirmed;
    }

    public String getName() { return name; }
    public BigDecimal getValue() { return value; }
    /** The value as a whole number, for years, months, points and ages: {@code $points : intValue} in a rule. */
    public int getIntValue() { return value.intValue(); }
    public String getUnit() { return unit; }
    public LocalDate getSince() { return since; }
    /** False where no official source confirms the value (the parameter file says why in its note). */
    public boolean isConfirmed() { return confirmed; }

    @Override
    public String toString() { return "Parameter[" + name + "=" + value.toPlainString() + " since " + since + "]"; }
}
