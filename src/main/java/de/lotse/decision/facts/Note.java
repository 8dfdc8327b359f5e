package de.lotse.decision.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A remark for the advisor on a pathway (text key in texts/*.yaml), e.g. the Western Balkans quota. In a consequence:
 * {@code insert(Note.of("WESTERN_BALKANS", "note.westernBalkans.quota").arg("quota", $quota));}
 */
public final class Note implements RuleOutput {

    private final String pathway;
    private final String key;
    private final Map<String, Object> args = new LinkedHashMap<>();

    private Note(String pathway, String key) {
        this.pathway = pathway;
        this.key = key;
    }

    public static Note of(String pathway, String key) {
        return new Note(pathway, key);
    }

    public Note arg(String name, Object value) {
        this.args.put(name, value);
        return this;
    }

    @Override
    public String getPathway() { return pathway; }
    public String getKey() { return key; }
    public Map<String, Object> getArgs() { return args; }

    @Override
    public String toString() { return "Note[" + pathway + " " + key + "]"; }
}
