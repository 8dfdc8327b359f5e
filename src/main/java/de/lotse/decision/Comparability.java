package de.lotse.decision;

/** Comparability of a foreign degree (anabin or ZAB statement). */
public enum Comparability {
    COMPARABLE, NOT_COMPARABLE, UNKNOWN
}
