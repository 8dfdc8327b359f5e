package de.lotse.decision;

/** Whether the Federal Employment Agency (BA) must approve the employment. */
public enum ApprovalStatus {
    REQUIRED, NOT_REQUIRED, NOT_APPLICABLE
}
