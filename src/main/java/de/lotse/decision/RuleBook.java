package de.lotse.decision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Port: one loaded, immutable version of the knowledge base as the decision side sees it. An advice is computed
 * from exactly one RuleBook, so its {@code rulesVersion} always names the rules it was computed with.
 */
public interface RuleBook {

    /** Content hash of the rules folder, "sha256:…". */
    String version();

    Instant loadedAt();

    DateWindow supportedWindow();

    /** Catalogues and texts of this version. */
    Catalogue catalogue();

    /** Runs the rules on normalised case facts for the given assessment date. */
    Evaluation evaluate(CaseFacts facts, LocalDate assessmentDate);
}
