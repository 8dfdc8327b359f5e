package de.lotse.web;

import static de.lotse.web.FieldKind.COUNTRIES;
import static de.lotse.web.FieldKind.DATE;
import static de.lotse.web.FieldKind.DECIMAL;
import static de.lotse.web.FieldKind.INTEGER;
import static de.lotse.web.FieldKind.ISCO;
import static de.lotse.web.FieldKind.PROFESSION;
import static de.lotse.web.FieldKind.SECTION_SWITCH;
import static de.lotse.web.FieldKind.TEXT;
import static de.lotse.web.FieldKind.YES_NO;

import de.lotse.decision.Comparability;
import de.lotse.decision.EnglishLevel;
import de.lotse.decision.FederalState;
import de.lotse.decision.GermanLevel;
import de.lotse.decision.Goal;
import de.lotse.decision.Place;
import de.lotse.decision.QualificationLevel;
import de.lotse.decision.RecognitionStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The advisor form, grouped like a consultation: the person, the qualification, the experience, the job offer, what
 * the consultation is about. Every field is a field of the decision request (decision-api.md); the form adds nothing
 * of its own except the switch that says whether there is a job offer at all.
 */
public final class FormFields {

    /** Name of the hidden field that carries the previous variant of the case (JSON), for the comparison. */
    public static final String PREVIOUS_CASE = "previousCase";

    /** Name of the hidden field that says in which language the numbers of the form are written ("de", "en"). */
    public static final String INPUT_LANGUAGE = "inputLanguage";

    public static final String JOB_OFFER = "jobOffer";

    public static final List<FormSection> SECTIONS = List.of(
            new FormSection("candidate", List.of(
                    FormField.of("candidate.citizenships", COUNTRIES),
                    FormField.of("candidate.age", INTEGER),
                    FormField.of("candidate.birthDate", DATE),
                    FormField.choice("candidate.residence", Place.class),
                    FormField.choice("candidate.germanLevel", GermanLevel.class),
                    FormField.choice("candidate.englishLevel", EnglishLevel.class),
                    FormField.of("candidate.priorStayInGermanyMonths", INTEGER),
                    FormField.of("candidate.monthlyFundsEur", DECIMAL),
                    FormField.of("candidate.spouseMeetsOpportunityCardRequirements", YES_NO),
                    FormField.of("candidate.spouseApplyingTogether", YES_NO),
                    FormField.of("candidate.adequatePensionProvision", YES_NO))),
            new FormSection("qualification", List.of(
                    FormField.choice("qualification.level", QualificationLevel.class),
                    FormField.choice("qualification.acquiredIn", Place.class),
                    FormField.of("qualification.profession", PROFESSION),
                    FormField.of("qualification.trainingDurationYears", DECIMAL),
                    FormField.of("qualification.stateRecognizedInIssuingCountry", YES_NO),
                    FormField.of("qualification.germanChamberAbroadQualification", YES_NO),
                    FormField.choice("qualification.recognition", RecognitionStatus.class),
                    FormField.choice("qualification.academicComparability", Comparability.class),
                    FormField.of("qualification.graduationDate", DATE),
                    FormField.of("qualification.practicePermit", YES_NO))),
            new FormSection("experience", List.of(
                    FormField.of("experience.relevantYearsInLast5", DECIMAL),
                    FormField.of("experience.relevantYearsInLast7", DECIMAL),
                    FormField.of("experience.itYearsInLast7", DECIMAL))),
            new FormSection("jobOffer", List.of(
                    FormField.of(JOB_OFFER, SECTION_SWITCH),
                    FormField.of("jobOffer.annualGrossSalaryEur", DECIMAL),
                    FormField.of("jobOffer.iscoCode", ISCO),
                    FormField.of("jobOffer.qualifiedEmployment", YES_NO),
                    FormField.of("jobOffer.matchesQualification", YES_NO),
                    FormField.of("jobOffer.weeklyHours", DECIMAL),
                    FormField.of("jobOffer.contractMonths", INTEGER),
                    FormField.of("jobOffer.employerCollectiveAgreement", YES_NO),
                    FormField.choice("jobOffer.federalState", FederalState.class),
                    FormField.of("jobOffer.acceleratedProcedure", YES_NO))),
            new FormSection("consultation", List.of(
                    FormField.choice("goal", Goal.class),
                    FormField.of("assessmentDate", DATE),
                    FormField.of("caseReference", TEXT))));

    public static final List<FormField> ALL = SECTIONS.stream().flatMap(s -> s.fields().stream()).toList();

    private static final Map<String, FormField> BY_PATH = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(FormField::path, Function.identity()));

    /** Fields whose choice list has no "not known" entry: the request has a default for them. */
    static final List<String> WITHOUT_EMPTY_CHOICE = List.of("goal");

    private FormFields() {
    }

    public static Optional<FormField> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /**
     * The form field a request path belongs to: "candidate.citizenships[1]" → the citizenships field. Paths of parts
     * without a field of their own ("jobOffer" as a whole) belong to the nearest field above them, if any.
     */
    public static Optional<FormField> forProblem(String requestPath) {
        if (requestPath == null) {
            return Optional.empty();
        }
        String path = requestPath.replaceAll("\\[\\d+]", "");
        while (!path.isEmpty()) {
            FormField field = BY_PATH.get(path);
            if (field != null) {
                return Optional.of(field);
            }
            int dot = path.lastIndexOf('.');
            path = dot < 0 ? "" : path.substring(0, dot);
        }
        return Optional.empty();
    }

    /** The list index of a request path such as "candidate.citizenships[1]", or -1. */
    static int index(String requestPath) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(requestPath == null ? "" : requestPath);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
