package de.lotse.decision.facts;

/** Whether a legal condition is met on the facts given, not met, or undecidable because facts are missing. */
public enum FindingStatus {
    MET, UNMET, UNKNOWN
}
