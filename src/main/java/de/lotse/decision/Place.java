package de.lotse.decision;

/** Where a person lives or where a qualification was acquired. */
public enum Place {
    ABROAD, GERMANY
}
