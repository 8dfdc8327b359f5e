package de.lotse.decision;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The answer to one case (decision-api.md, "Response: Advice"). */
@JsonPropertyOrder({"decisionId", "caseReference", "assessmentDate", "rulesVersion", "language", "recommendedPathway",
        "pathways", "recognition", "trace", "disclaimer"})
public record Advice(
        String decisionId,
        String caseReference,
        LocalDate assessmentDate,
        String rulesVersion,
        Language language,
        String recommendedPathway,
        List<PathwayAdvice> pathways,
        Recognition recognition,
        List<TraceEntry> trace,
        String disclaimer) {

    /** One assessed pathway. {@code notes} and {@code url} extend the v1 contract. */
    @JsonPropertyOrder({"code", "title", "legalBasis", "url", "outcome", "conditions", "missingFacts", "steps",
            "federalEmploymentAgencyApproval", "federalEmploymentAgencyPriorityCheck", "documents", "points", "notes"})
    public record PathwayAdvice(
            String code,
            String title,
            List<String> legalBasis,
            String url,
            Outcome outcome,
            List<Condition> conditions,
            List<String> missingFacts,
            List<StepAdvice> steps,
            ApprovalStatus federalEmploymentAgencyApproval,
            Boolean federalEmploymentAgencyPriorityCheck,
            List<DocumentItem> documents,
            Points points,
            List<String> notes) {
    }

    /** A condition checked for a pathway; {@code met} is null when facts are missing ({@code status} UNKNOWN). */
    @JsonPropertyOrder({"code", "met", "status", "text", "legalBasis", "required", "actual"})
    public record Condition(String code, Boolean met, String status, String text, String legalBasis,
                            BigDecimal required, BigDecimal actual) {
    }

    public record StepAdvice(String code, String text) {
    }

    public record DocumentItem(String code, String title, boolean required, String note) {
    }

    public record Points(int total, int required, List<PointsItem> items) {
    }

    @JsonPropertyOrder({"criterion", "points", "legalBasis"})
    public record PointsItem(String criterion, int points, String legalBasis) {
    }

    /** The recognition block; {@code notes} extends the v1 contract (e.g. the caveat on an unconfirmed fee). */
    @JsonPropertyOrder({"required", "regulatedProfession", "legalBasis", "competentAuthority", "reason", "steps", "documents",
            "notes"})
    public record Recognition(Boolean required, Boolean regulatedProfession, List<String> legalBasis,
                              String competentAuthority, String reason, List<StepAdvice> steps,
                              List<DocumentItem> documents, List<String> notes) {
    }

    /** A rule that fired and its citation; written from JSON encoded once per rule ({@link TraceEntryJson}). */
    @JsonSerialize(using = TraceEntryJson.class)
    public record TraceEntry(String rule, String legalBasis) {
    }
}
