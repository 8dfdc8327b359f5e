package de.lotse.web;

import java.util.Map;

/** Cases as an advisor types them into the advisor form, for tests of the form in any package. */
public final class FormCases {

    private FormCases() {
    }

    /** The Blue Card case of test-cases/blue-card.yaml, typed the way an advisor types it on the German page. */
    public static Map<String, String> indianDeveloper() {
        return Map.ofEntries(
                Map.entry("candidate.citizenships", "Indien (IN)"),
                Map.entry("candidate.age", "31"),
                Map.entry("candidate.residence", "ABROAD"),
                Map.entry("qualification.level", "ACADEMIC"),
                Map.entry("qualification.acquiredIn", "ABROAD"),
                Map.entry("qualification.profession", "SOFTWARE_DEVELOPER"),
                Map.entry("qualification.academicComparability", "COMPARABLE"),
                Map.entry("qualification.graduationDate", "2019-07-15"),
                Map.entry("jobOffer", "true"),
                Map.entry("jobOffer.annualGrossSalaryEur", "52.000"),
                Map.entry("jobOffer.iscoCode", "2512"),
                Map.entry("jobOffer.qualifiedEmployment", "true"),
                Map.entry("jobOffer.matchesQualification", "true"),
                Map.entry("goal", "ANY"),
                Map.entry("assessmentDate", "2026-03-09"));
    }
}
