package de.lotse.web;

import java.util.List;

/**
 * Everything the result page and the PDF protocol show, already in the page's language: the templates only lay it
 * out. Pathways are split into open ones (eligible, after steps, undetermined) and closed ones (not eligible).
 */
public record ResultView(
        String assessmentDate,
        String rulesVersion,
        String rulesVersionShort,
        String caseReference,
        PathwayView recommended,
        List<PathwayView> open,
        List<PathwayView> closed,
        RecognitionView recognition,
        List<CaseFormMapper.Entry> summary,
        ComparisonView comparison,
        String disclaimer,
        boolean jobOfferDetailsIgnored,
        List<TraceView> trace) {

    /** One assessed pathway. {@code badge} is the CSS modifier of its outcome. */
    public record PathwayView(String code, String title, String outcome, String outcomeLabel, String badge,
                              boolean recommended, List<LinkedText> legalBasis, List<ConditionView> conditions,
                              List<String> missingFacts, List<String> steps, String approval,
                              List<DocumentView> documents, PointsView points, List<String> notes) {

        public String anchor() {
            return "pathway-" + code;
        }

        /** The conditions that are not met, for the short view of a closed pathway. */
        public List<ConditionView> unmet() {
            return conditions.stream().filter(c -> "UNMET".equals(c.status())).toList();
        }
    }

    /** A condition with its status, its sentence, its norm and, for figures, what is required and what was given. */
    public record ConditionView(String code, String status, String statusLabel, String text,
                                List<LinkedText> legalBasis, GapView gap) {
    }

    /** Required and given figure as the page writes them; {@code difference} only for an unmet condition. */
    public record GapView(String required, String actual, String difference, String date) {
    }

    public record DocumentView(String id, String title, boolean required, String note) {
    }

    public record PointsView(int total, int required, boolean reached, List<PointsRow> rows) {
    }

    public record PointsRow(String label, int points, List<LinkedText> legalBasis) {
    }

    public record RecognitionView(String required, String regulated, List<LinkedText> legalBasis, String authority,
                                  String reason, List<String> steps, List<DocumentView> documents, List<String> notes) {
    }

    /** What changed against the previous variant: the answers, the outcomes, the recommendation, the points. */
    public record ComparisonView(List<InputChange> inputs, List<OutcomeChange> outcomes, String recommendedBefore,
                                 String recommendedAfter, List<PointsChange> points) {

        public boolean recommendationChanged() {
            return !java.util.Objects.equals(recommendedBefore, recommendedAfter);
        }

        public List<OutcomeChange> changedOutcomes() {
            return outcomes.stream().filter(OutcomeChange::changed).toList();
        }
    }

    public record InputChange(String label, String before, String after) {
    }

    public record OutcomeChange(String code, String title, String before, String beforeBadge, String after,
                                String afterBadge, boolean changed) {
    }

    public record PointsChange(String title, Integer before, Integer after) {
    }

    public record TraceView(String rule, List<LinkedText> legalBasis) {
    }
}
