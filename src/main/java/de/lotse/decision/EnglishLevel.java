package de.lotse.decision;

/** Certified CEFR level of English; NATIVE ranks above C2. */
public enum EnglishLevel {
    NONE, A1, A2, B1, B2, C1, C2, NATIVE;

    /** True if this level is the given level or higher, e.g. {@code englishLevel.atLeast(EnglishLevel.B2)} in a rule. */
    public boolean atLeast(EnglishLevel other) {
        return compareTo(other) >= 0;
    }
}
