package de.lotse.decision.facts;

/**
 * The catalogue entry (rules/catalogues/professions.yaml) of the candidate's profession; present only when the case
 * names a profession. In a rule: {@code Profession(regulated == true)}.
 */
public final class Profession {

    private final String code;
    private final String kind;
    private final Boolean regulated;
    private final String regulation;
    private final String regulationScope;
    private final String legalBasis;
    private final String recognitionBody;
    private final Boolean shortageOccupation;
    private final String isco;

    public Profession(String code, String kind, Boolean regulated, String regulation, String regulationScope,
                      String legalBasis, String recognitionBody, Boolean shortageOccupation, String isco) {
        this.code = code;
        this.kind = kind;
        this.regulated = regulated;
        this.regulation = regulation;
        this.regulationScope = regulationScope;
        this.legalBasis = legalBasis;
        this.recognitionBody = recognitionBody;
        this.shortageOccupation = shortageOccupation;
        this.isco = isco;
    }

    public String getCode() { return code; }
    /** VOCATIONAL, ACADEMIC or UNKNOWN. */
    public String getKind() { return kind; }
    /** True, false, or null when unknown (e.g. OTHER). */
    public Boolean getRegulated() { return regulated; }
    /** FEDERAL, LAND, NONE or UNKNOWN. */
    public String getRegulation() { return regulation; }
    /**
     * For a regulated profession, what the law binds to a permit: PRACTICE (working in it needs the permit to
     * practise) or TITLE (only the use of the professional title, e.g. the engineer); null when not regulated.
     */
    public String getRegulationScope() { return regulationScope; }
    public String getLegalBasis() { return legalBasis; }
    public String getRecognitionBody() { return recognitionBody; }
    /** True, false, or null when it depends on the actual occupation (e.g. OTHER). */
    public Boolean getShortageOccupation() { return shortageOccupation; }
    public String getIsco() { return isco; }

    @Override
    public String toString() { return "Profession[" + code + "]"; }
}
