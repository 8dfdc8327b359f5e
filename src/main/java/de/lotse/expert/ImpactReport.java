package de.lotse.expert;

import de.lotse.expert.CheckReport.FileProblem;
import de.lotse.decision.DateWindow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What changes for the scenarios and the corpus between two versions of the rules, grouped by pathway: outcomes,
 * Opportunity Card points, document checklists, and – where the outcome stays – whether a condition is met and which
 * steps remain (the recommended pathway and changed amounts are shown as well).
 *
 * @param from             the rules before the change
 * @param to               the rules after the change
 * @param scenarios        number of scenario requests evaluated
 * @param corpusCases      number of corpus cases evaluated
 * @param compared         cases answered under both versions
 * @param pathways         the pathways with at least one changed case, in catalogue order
 * @param recommendations  cases whose recommended pathway changes
 * @param changedCases     cases with any change of outcome, points, documents or recommended pathway
 * @param notAssessableUnderBoth  cases whose assessment date lies outside both supported windows
 * @param onlyAssessableUnderTo   cases answered under {@code to} but outside the window of {@code from}
 * @param onlyAssessableUnderFrom cases answered under {@code from} but outside the window of {@code to}
 * @param comparedOnLastDate the cases only {@code to} can assess (e.g. next year's, after next year's figures were
 *                         entered), each compared with the same case on the last date {@code from} supports: what the
 *                         turn of the year changes; empty when there are none
 * @param rejected         cases rejected as invalid by one version but not by the other (e.g. a removed profession)
 * @param unreadableFiles  case files that could not be read
 */
public record ImpactReport(Side from, Side to, int scenarios, int corpusCases, int compared,
                           List<PathwayImpact> pathways, List<RecommendationChange> recommendations, int changedCases,
                           Unassessable notAssessableUnderBoth, Unassessable onlyAssessableUnderTo,
                           Unassessable onlyAssessableUnderFrom, List<PathwayImpact> comparedOnLastDate,
                           List<RejectedCase> rejected, List<FileProblem> unreadableFiles) {

    public int outcomeChanges() {
        return pathways.stream().mapToInt(PathwayImpact::outcomeChanges).sum();
    }

    public int pointsChanges() {
        return pathways.stream().mapToInt(PathwayImpact::pointsChanges).sum();
    }

    public int documentChanges() {
        return pathways.stream().mapToInt(PathwayImpact::documentChanges).sum();
    }

    public int conditionChanges() {
        return pathways.stream().mapToInt(PathwayImpact::conditionChanges).sum();
    }

    public int stepChanges() {
        return pathways.stream().mapToInt(PathwayImpact::stepChanges).sum();
    }

    /** One version of the rules: how it was named, its version and supported assessment dates. */
    public record Side(String label, String version, DateWindow window) {
    }

    /**
     * The changed cases of one pathway.
     *
     * @param transitions outcome changes, e.g. {@code "ELIGIBLE → ELIGIBLE_AFTER_STEPS" = 5}, most frequent first
     */
    public record PathwayImpact(String pathway, int cases, Map<String, Integer> transitions, int outcomeChanges,
                                int pointsChanges, int documentChanges, int conditionChanges, int stepChanges,
                                List<CaseChange> changes) {
    }

    /**
     * How one case changes for one pathway. An outcome is null when the pathway is not in that version's advice.
     *
     * @param conditions      what changed in the conditions checked, e.g. {@code SALARY_THRESHOLD: MET → UNMET,
     *                        required <old threshold> → <new threshold>}
     * @param conditionStatus whether a condition changed its status (met, unmet, unknown) or was checked by one side only
     */
    public record CaseChange(String caseId, String name, String outcomeFrom, String outcomeTo, Integer pointsFrom,
                             Integer pointsTo, List<String> documentsAdded, List<String> documentsRemoved,
                             List<String> stepsAdded, List<String> stepsRemoved, List<String> conditions,
                             boolean conditionStatus) {

        public boolean outcomeChanged() {
            return !java.util.Objects.equals(outcomeFrom, outcomeTo);
        }

        public boolean pointsChanged() {
            return !java.util.Objects.equals(pointsFrom, pointsTo);
        }

        public boolean documentsChanged() {
            return !documentsAdded.isEmpty() || !documentsRemoved.isEmpty();
        }

        public boolean stepsChanged() {
            return !stepsAdded.isEmpty() || !stepsRemoved.isEmpty();
        }

        /** Anything the report counts: outcome, points, documents, a condition's status or the steps. */
        public boolean changed() {
            return outcomeChanged() || pointsChanged() || documentsChanged() || conditionStatus || stepsChanged();
        }
    }

    public record RecommendationChange(String caseId, String name, String from, String to) {
    }

    /** Cases that one or both versions cannot assess because of their date, with the range of those dates. */
    public record Unassessable(int count, LocalDate firstDate, LocalDate lastDate) {
    }

    /** A case rejected as invalid by one version only. */
    public record RejectedCase(String caseId, String name, String side, List<String> fields) {
    }
}
