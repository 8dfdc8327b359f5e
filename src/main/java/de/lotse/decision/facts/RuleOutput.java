package de.lotse.decision.facts;

/** Marker for what rules record for the advice: findings, steps, documents, approvals, notes, points. */
public interface RuleOutput {

    /** The pathway code this output belongs to, or {@code null} for the recognition advice. */
    String getPathway();
}
