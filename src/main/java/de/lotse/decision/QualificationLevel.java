package de.lotse.decision;

/** Highest completed qualification. */
public enum QualificationLevel {
    NONE, VOCATIONAL, ACADEMIC
}
