package de.lotse.decision;

/** What a case is about; ANY assesses every pathway. */
public enum Goal {
    ANY, EMPLOYMENT, JOB_SEARCH, VOCATIONAL_TRAINING, STUDY, RECOGNITION
}
