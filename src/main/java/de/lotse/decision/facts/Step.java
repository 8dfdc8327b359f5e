package de.lotse.decision.facts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A next step a rule recommends for a pathway that is not tied to an unmet condition (e.g. APPLY_FOR_VISA).
 * Steps of unmet conditions come from {@link Finding#remedy(String)}. In a consequence:
 * {@code insert(Step.of("BLUE_CARD", "APPLY_FOR_VISA"));}
 */
public final class Step implements RuleOutput {

    private final String pathway;
    private final String code;
    private String textKey;
    private BigDecimal required;
    private final Map<String, Object> args = new LinkedHashMap<>();

    private Step(String pathway, String code) {
        this.pathway = pathway;
        this.code = code;
    }

    public static Step of(String pathway, String code) {
        return new Step(pathway, code);
    }

    public Step text(String key) {
        this.textKey = key;
        return this;
    }

    public Step required(Number value) {
        this.required = Finding.toDecimal(value);
        return this;
    }

    public Step arg(String name, Object value) {
        this.args.put(name, value);
        return this;
    }

    @Override
    public String getPathway() { return pathway; }
    public String getCode() { return code; }
    public String getTextKey() { return textKey; }
    public BigDecimal getRequired() { return required; }
    public Map<String, Object> getArgs() { return args; }

    @Override
    public String toString() { return "Step[" + pathway + " " + code + "]"; }
}
