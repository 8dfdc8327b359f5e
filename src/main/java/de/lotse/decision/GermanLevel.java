package de.lotse.decision;

/** Certified CEFR level of German (§ 2 Abs. 9-12 AufenthG: A1 einfache ... C1 Beherrschung). */
public enum GermanLevel {
    NONE, A1, A2, B1, B2, C1, C2;

    /** True if this level is the given level or higher, e.g. {@code germanLevel.atLeast(GermanLevel.A2)} in a rule. */
    public boolean atLeast(GermanLevel other) {
        return compareTo(other) >= 0;
    }
}
