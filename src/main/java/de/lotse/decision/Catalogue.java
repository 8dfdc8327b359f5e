package de.lotse.decision;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogues and texts of one knowledge-base version (rules/catalogues, rules/texts). Lists are in file order,
 * which is their display order.
 */
public record Catalogue(
        List<PathwayInfo> pathways,
        List<Entry> steps,
        List<DocumentInfo> documents,
        List<Entry> conditions,
        Map<String, LocalizedText> professions,
        Texts texts) {

    public record PathwayInfo(String code, LocalizedText title, List<String> legalBasis, String url, Set<Goal> goals) {
    }

    public record DocumentInfo(String code, LocalizedText title, LocalizedText note) {
    }

    /** A code with its title (steps, conditions). */
    public record Entry(String code, LocalizedText title) {
    }
}
