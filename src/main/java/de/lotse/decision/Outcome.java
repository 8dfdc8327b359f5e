package de.lotse.decision;

/** Outcome of one pathway (decision-api.md). */
public enum Outcome {
    ELIGIBLE, ELIGIBLE_AFTER_STEPS, NOT_ELIGIBLE, UNDETERMINED
}
