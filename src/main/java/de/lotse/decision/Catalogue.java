package de.lotse.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalogues and texts of one knowledge-base version (rules/catalogues, rules/texts). Lists are in file order,
 * which is their display order; the lookups by code are built once, when the knowledge base is loaded.
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
    private final Map<String, Integer> pathwayRank;
    private final Map<String, Integer> stepRank;
    private final Map<String, Integer> documentRank;
    private final Map<String, Integer> conditionRank;
    private final Map<String, DocumentInfo> documentsByCode = new HashMap<>();
    private final Map<String, LocalizedText> stepTitles = new HashMap<>();
    private final Map<String, LocalizedText> conditionTitles = new HashMap<>();

    public Catalogue(List<PathwayInfo> pathways, List<Entry> steps, List<DocumentInfo> documents, List<Entry> conditions,
                     Map<String, LocalizedText> professions, Texts texts) {
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
    }

    private static <T> Map<String, Integer> rank(List<T> items, Function<T, String> code) {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ranks.putIfAbsent(code.apply(items.get(i)), i);
        }
        return Map.copyOf(ranks);
    }

    public List<PathwayInfo> pathways() { return pathways; }
    public List<Entry> steps() { return steps; }
    public List<DocumentInfo> documents() { return documents; }
    public List<Entry> conditions() { return conditions; }
    public Map<String, LocalizedText> professions() { return professions; }
    public Texts texts() { return texts; }

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
}
