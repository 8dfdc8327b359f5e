package de.lotse.decision.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conclusion on the German recognition procedure for the candidate's qualification. Steps and documents of the
 * recognition application are recorded as {@link Step} and {@link DocumentRequirement} with pathway
 * {@value #PATHWAY}. In a consequence:
 * <pre>
 * insert(RecognitionAdvice.required(true).regulated(true).legalBasis("§ 40 PflBG")
 *        .authority("authority.HEALTH_AUTHORITY").reason("recognition.reason.regulated"));
 * </pre>
 */
public final class RecognitionAdvice implements RuleOutput {

    /** Pseudo pathway code under which the recognition block's steps, documents and notes are recorded. */
    public static final String PATHWAY = "RECOGNITION";

    private final Boolean required;
    private Boolean regulated;
    private final List<String> legalBasis = new ArrayList<>();
    private String authorityKey;
    private String reasonKey;
    private final Map<String, Object> args = new LinkedHashMap<>();

    private RecognitionAdvice(Boolean required) {
        this.required = required;
    }

    /** {@code true}: recognition is required for the pathways in view; {@code false}: advisable or not needed. */
    public static RecognitionAdvice required(Boolean required) {
        return new RecognitionAdvice(required);
    }

    public RecognitionAdvice regulated(Boolean regulated) {
        this.regulated = regulated;
        return this;
    }

    public RecognitionAdvice legalBasis(String citation) {
        this.legalBasis.add(citation);
        return this;
    }

    /** Text key naming the competent authority, e.g. "authority.IHK_FOSA" or "authority.HEALTH_AUTHORITY.HE". */
    public RecognitionAdvice authority(String key) {
        this.authorityKey = key;
        return this;
    }

    /** Text key explaining why recognition is required or advisable. */
    public RecognitionAdvice reason(String key) {
        this.reasonKey = key;
        return this;
    }

    public RecognitionAdvice arg(String name, Object value) {
        this.args.put(name, value);
        return this;
    }

    @Override
    public String getPathway() { return PATHWAY; }
    public Boolean getRequired() { return required; }
    public Boolean getRegulated() { return regulated; }
    public List<String> getLegalBasis() { return legalBasis; }
    public String getAuthorityKey() { return authorityKey; }
    public String getReasonKey() { return reasonKey; }
    public Map<String, Object> getArgs() { return args; }
}
