package de.lotse.decision;

import de.lotse.decision.facts.FindingStatus;
import de.lotse.decision.facts.RecognitionAdvice;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalogues and texts of one knowledge-base version (rules/catalogues, rules/texts), and the acts the rules cite. Lists are in file order,
 * which is their display order; the lookups by code, and the text keys of conditions and steps, are resolved once,
 * when the knowledge base is loaded.
 */
public final class Catalogue {

    public record PathwayInfo(String code, LocalizedText title, List<String> legalBasis, String url, Set<Goal> goals) {
    }

    public record DocumentInfo(String code, LocalizedText title, LocalizedText note) {
    }

    /** A code with its title (steps, conditions). */
    public record Entry(String code, LocalizedText title) {
    }

    private final List<PathwayInfo> pathways;
    private final List<Entry> steps;
    private final List<DocumentInfo> documents;
    private final List<Entry> conditions;
    private final Map<String, LocalizedText> professions;
    private final Texts texts;
    private final Acts acts;
    private final Map<String, Integer> pathwayRank;
    private final Map<String, Integer> stepRank;
    private final Map<String, Integer> documentRank;
    private final Map<String, Integer> conditionRank;
    private final Map<String, DocumentInfo> documentsByCode = new HashMap<>();
    private final Map<String, LocalizedText> stepTitles = new HashMap<>();
    private final Map<String, LocalizedText> conditionTitles = new HashMap<>();
    /** {@link #conditionTextKey} by pathway, condition code and status, for the codes of the catalogue. */
    private final Map<String, Map<String, Map<FindingStatus, String>>> conditionTextKeys = new HashMap<>();
    /** {@link #stepTextKeys} by pathway and step code, for the codes of the catalogue. */
    private final Map<String, Map<String, List<String>>> stepTextKeys = new HashMap<>();

    /** A catalogue without acts: no citation links anywhere. */
    public Catalogue(List<PathwayInfo> pathways, List<Entry> steps, List<DocumentInfo> documents, List<Entry> conditions,
                     Map<String, LocalizedText> professions, Texts texts) {
        this(pathways, steps, documents, conditions, professions, texts, Acts.none());
    }

    public Catalogue(List<PathwayInfo> pathways, List<Entry> steps, List<DocumentInfo> documents, List<Entry> conditions,
                     Map<String, LocalizedText> professions, Texts texts, Acts acts) {
        this.acts = acts;
        this.pathways = List.copyOf(pathways);
        this.steps = List.copyOf(steps);
        this.documents = List.copyOf(documents);
        this.conditions = List.copyOf(conditions);
        this.professions = Map.copyOf(professions);
        this.texts = texts;
        this.pathwayRank = rank(this.pathways, PathwayInfo::code);
        this.stepRank = rank(this.steps, Entry::code);
        this.documentRank = rank(this.documents, DocumentInfo::code);
        this.conditionRank = rank(this.conditions, Entry::code);
        this.documents.forEach(d -> documentsByCode.putIfAbsent(d.code(), d));
        this.steps.forEach(e -> stepTitles.putIfAbsent(e.code(), e.title()));
        this.conditions.forEach(e -> conditionTitles.putIfAbsent(e.code(), e.title()));
        resolveTextKeys();
    }

    /** The text keys of every condition and step of the catalogue on every pathway and on the recognition advice. */
    private void resolveTextKeys() {
        List<String> pathwayCodes = new ArrayList<>();
        this.pathways.forEach(p -> pathwayCodes.add(p.code()));
        pathwayCodes.add(RecognitionAdvice.PATHWAY);
        for (String pathway : pathwayCodes) {
            Map<String, Map<FindingStatus, String>> byCondition = conditionTextKeys.computeIfAbsent(pathway, k -> new HashMap<>());
            for (Entry condition : this.conditions) {
                Map<FindingStatus, String> byStatus = new EnumMap<>(FindingStatus.class);
                for (FindingStatus status : FindingStatus.values()) {
                    byStatus.put(status, firstExisting(conditionTextKeyCandidates(pathway, condition.code(), status)));
                }
                byCondition.putIfAbsent(condition.code(), byStatus);
            }
            Map<String, List<String>> byStep = stepTextKeys.computeIfAbsent(pathway, k -> new HashMap<>());
            for (Entry step : this.steps) {
                byStep.putIfAbsent(step.code(), existing(stepTextKeyCandidates(pathway, step.code())));
            }
        }
    }

    /** Position of each code; a HashMap (not Map.copyOf), as its lookups are the cheaper ones, for every advice. */
    private static <T> Map<String, Integer> rank(List<T> items, Function<T, String> code) {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ranks.putIfAbsent(code.apply(items.get(i)), i);
        }
        return ranks;
    }

    public List<PathwayInfo> pathways() { return pathways; }
    public List<Entry> steps() { return steps; }
    public List<DocumentInfo> documents() { return documents; }
    public List<Entry> conditions() { return conditions; }
    public Map<String, LocalizedText> professions() { return professions; }
    public Texts texts() { return texts; }

    /** The acts the rules cite, with their addresses (catalogues/acts.yaml). */
    public Acts acts() { return acts; }

    /** Position in pathways.yaml (ranking among equal outcomes); unknown codes last. */
    public int pathwayRank(String code) { return pathwayRank.getOrDefault(code, Integer.MAX_VALUE); }

    /** Position in steps.yaml (order of steps in an advice); unknown codes last. */
    public int stepRank(String code) { return stepRank.getOrDefault(code, Integer.MAX_VALUE); }

    /** Position in documents.yaml (checklist order); unknown codes last. */
    public int documentRank(String code) { return documentRank.getOrDefault(code, Integer.MAX_VALUE); }

    /** Position in conditions.yaml (order of conditions in an advice); unknown codes last. */
    public int conditionRank(String code) { return conditionRank.getOrDefault(code, Integer.MAX_VALUE); }

    public DocumentInfo document(String code) { return documentsByCode.get(code); }

    public LocalizedText stepTitle(String code) { return stepTitles.get(code); }

    public LocalizedText conditionTitle(String code) { return conditionTitles.get(code); }

    /**
     * The text of a condition's status on a pathway: condition.&lt;PATHWAY&gt;.&lt;CODE&gt;.&lt;STATUS&gt; if the texts
     * have it, else condition.&lt;CODE&gt;.&lt;STATUS&gt;, else null.
     */
    public String conditionTextKey(String pathway, String condition, FindingStatus status) {
        Map<String, Map<FindingStatus, String>> byCondition = conditionTextKeys.get(pathway);
        Map<FindingStatus, String> byStatus = byCondition == null ? null : byCondition.get(condition);
        if (byStatus == null) {
            return firstExisting(conditionTextKeyCandidates(pathway, condition, status));
        }
        return byStatus.get(status);
    }

    private static List<String> conditionTextKeyCandidates(String pathway, String condition, FindingStatus status) {
        return List.of("condition." + pathway + "." + condition + "." + status.name(),
                "condition." + condition + "." + status.name());
    }

    /**
     * The texts of a step on a pathway that exist, in the order an advice tries them: step.&lt;PATHWAY&gt;.&lt;CODE&gt;.required,
     * step.&lt;CODE&gt;.required, step.&lt;PATHWAY&gt;.&lt;CODE&gt;, step.&lt;CODE&gt;.
     */
    public List<String> stepTextKeys(String pathway, String code) {
        Map<String, List<String>> byStep = stepTextKeys.get(pathway);
        List<String> keys = byStep == null ? null : byStep.get(code);
        return keys != null ? keys : existing(stepTextKeyCandidates(pathway, code));
    }

    private static List<String> stepTextKeyCandidates(String pathway, String code) {
        return List.of("step." + pathway + "." + code + ".required", "step." + code + ".required",
                "step." + pathway + "." + code, "step." + code);
    }

    private String firstExisting(List<String> keys) {
        List<String> existing = existing(keys);
        return existing.isEmpty() ? null : existing.get(0);
    }

    private List<String> existing(List<String> keys) {
        return keys.stream().filter(texts::has).toList();
    }
}
