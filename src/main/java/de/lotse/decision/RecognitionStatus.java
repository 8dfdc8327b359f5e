package de.lotse.decision;

/** Outcome of the German recognition (equivalence) procedure; PARTIAL = deficit notice. */
public enum RecognitionStatus {
    NOT_STARTED, PENDING, FULL, PARTIAL, REJECTED
}
