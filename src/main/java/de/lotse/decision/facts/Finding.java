package de.lotse.decision.facts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule concluded about one legal condition of one pathway: met, not met, or unknown, with its legal basis and,
 * for numeric conditions, the required and the actual value. Outcomes, explanations and steps of an advice are
 * assembled from findings only.
 *
 * <p>In a rule's consequence:
 * <pre>
 * insert(Finding.met("BLUE_CARD", "SALARY_THRESHOLD", "§ 18g Abs. 1 Satz 1 AufenthG")
 *        .required($threshold).actual($salary));
 * insert(Finding.unmet("BLUE_CARD", "SALARY_THRESHOLD", "§ 18g Abs. 1 Satz 1 AufenthG")
 *        .required($threshold).actual($salary).remedy("RAISE_SALARY"));
 * insert(Finding.unknown("BLUE_CARD", "SALARY_THRESHOLD", "§ 18g Abs. 1 Satz 1 AufenthG",
 *        "jobOffer.annualGrossSalaryEur"));
 * </pre>
 * An unmet finding with a {@code remedy} (a step code) can be fixed by that step: the pathway becomes
 * ELIGIBLE_AFTER_STEPS. An unmet finding without a remedy makes the pathway NOT_ELIGIBLE.
 */
public final class Finding implements RuleOutput {

    private final String pathway;
    private final String condition;
    private final FindingStatus status;
    private final String legalBasis;
    private final List<String> missingFacts;
    private BigDecimal required;
    private BigDecimal actual;
    private String remedy;
    private String textKey;
    private final Map<String, Object> args = new LinkedHashMap<>();

    private Finding(String pathway, String condition, FindingStatus status, String legalBasis, List<String> missingFacts) {
        this.pathway = pathway;
        this.condition = condition;
        this.status = status;
        this.legalBasis = legalBasis;
        this.missingFacts = missingFacts;
    }

    public static Finding met(String pathway, String condition, String legalBasis) {
        return new Finding(pathway, condition, FindingStatus.MET, legalBasis, List.of());
    }

    public static Finding unmet(String pathway, String condition, String legalBasis) {
        return new Finding(pathway, condition, FindingStatus.UNMET, legalBasis, List.of());
    }

    /** The condition cannot be decided; {@code missingFacts} are request field paths such as "candidate.age". */
    public static Finding unknown(String pathway, String condition, String legalBasis, String... missingFacts) {
        return new Finding(pathway, condition, FindingStatus.UNKNOWN, legalBasis, List.of(missingFacts));
    }

    /**
     * A finding carried over from a derived conclusion (e.g. a qualification status used by several pathways):
     * status, remedy, text key and missing fact may each be null where they do not apply.
     */
    public static Finding of(String pathway, String condition, String legalBasis, FindingStatus status,
                             String remedy, String textKey, String missingFact) {
        Finding finding = new Finding(pathway, condition, status, legalBasis,
                missingFact == null || status != FindingStatus.UNKNOWN ? List.of() : List.of(missingFact));
        finding.remedy = remedy;
        finding.textKey = textKey;
        return finding;
    }

    /** The value the law requires (threshold, minimum years ...). */
    public Finding required(Number value) {
        this.required = toDecimal(value);
        return this;
    }

    /** The value the case has. */
    public Finding actual(Number value) {
        this.actual = toDecimal(value);
        return this;
    }

    /** The step code (steps.yaml) that would meet this condition. */
    public Finding remedy(String stepCode) {
        this.remedy = stepCode;
        return this;
    }

    /** A text key (texts/*.yaml) to use instead of condition.&lt;CODE&gt;.&lt;STATUS&gt;. */
    public Finding text(String key) {
        this.textKey = key;
        return this;
    }

    /** A named value for the placeholders of the texts, e.g. {@code arg("level", "A2")}. */
    public Finding arg(String name, Object value) {
        this.args.put(name, value);
        return this;
    }

    static BigDecimal toDecimal(Number value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    @Override
    public String getPathway() { return pathway; }
    public String getCondition() { return condition; }
    public FindingStatus getStatus() { return status; }
    public String getLegalBasis() { return legalBasis; }
    public List<String> getMissingFacts() { return missingFacts; }
    public BigDecimal getRequired() { return required; }
    public BigDecimal getActual() { return actual; }
    public String getRemedy() { return remedy; }
    public String getTextKey() { return textKey; }
    public Map<String, Object> getArgs() { return args; }

    @Override
    public String toString() {
        return "Finding[" + pathway + " " + condition + " " + status + "]";
    }
}
