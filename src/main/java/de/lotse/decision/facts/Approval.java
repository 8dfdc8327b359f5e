package de.lotse.decision.facts;

import de.lotse.decision.ApprovalStatus;

/**
 * Whether the Federal Employment Agency (BA) must approve the employment of a pathway. In a consequence:
 * {@code insert(Approval.required("SKILLED_WORKER_VOCATIONAL", "§ 39 Abs. 2 AufenthG"));}
 * Without an Approval fact a pathway answers NOT_APPLICABLE.
 */
public final class Approval implements RuleOutput {

    private final String pathway;
    private final ApprovalStatus status;
    private final String legalBasis;
    private final boolean priorityCheck;

    private Approval(String pathway, ApprovalStatus status, String legalBasis, boolean priorityCheck) {
        this.pathway = pathway;
        this.status = status;
        this.legalBasis = legalBasis;
        this.priorityCheck = priorityCheck;
    }

    /** BA approval required, without priority check (only the working conditions are checked). */
    public static Approval required(String pathway, String legalBasis) {
        return new Approval(pathway, ApprovalStatus.REQUIRED, legalBasis, false);
    }

    /** BA approval required with a priority check (Vorrangprüfung). */
    public static Approval requiredWithPriorityCheck(String pathway, String legalBasis) {
        return new Approval(pathway, ApprovalStatus.REQUIRED, legalBasis, true);
    }

    public static Approval notRequired(String pathway, String legalBasis) {
        return new Approval(pathway, ApprovalStatus.NOT_REQUIRED, legalBasis, false);
    }

    @Override
    public String getPathway() { return pathway; }
    public ApprovalStatus getStatus() { return status; }
    public String getLegalBasis() { return legalBasis; }
    public boolean isPriorityCheck() { return priorityCheck; }

    @Override
    public String toString() { return "Approval[" + pathway + " " + status + "]"; }
}
