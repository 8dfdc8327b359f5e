package de.lotse.knowledge;

import de.lotse.decision.Acts;
import de.lotse.decision.Acts.Act;
import de.lotse.decision.Catalogue;
import de.lotse.decision.Catalogue.DocumentInfo;
import de.lotse.decision.Catalogue.Entry;
import de.lotse.decision.Catalogue.PathwayInfo;
import de.lotse.decision.Goal;
import de.lotse.decision.LocalizedText;
import de.lotse.decision.Texts;
import de.lotse.decision.facts.Profession;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads rules/catalogues/*.yaml and rules/texts/*.yaml. */
final class CatalogueLoader {

    static final Set<String> KINDS = Set.of("VOCATIONAL", "ACADEMIC", "UNKNOWN");
    static final Set<String> REGULATIONS = Set.of("FEDERAL", "LAND", "NONE", "UNKNOWN");
    /** What a regulated profession binds to a permit: working in it, or only the use of its title. */
    static final Set<String> REGULATION_SCOPES = Set.of("PRACTICE", "TITLE");

    private CatalogueLoader() {
    }

    /**
     * A pathway without its own {@code url} links to the norm of its first legal basis that {@code acts} can link
     * (none if no part can).
     */
    static List<PathwayInfo> pathways(YamlNode file, Acts acts) {
        List<PathwayInfo> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (YamlNode entry : file.require("pathways").list()) {
            String code = code(entry, codes);
            entry.requireText("source");
            Set<Goal> goals = EnumSet.noneOf(Goal.class);
            for (YamlNode goal : entry.require("goals").list()) {
                try {
                    goals.add(Goal.valueOf(goal.text()));
                } catch (IllegalArgumentException e) {
                    throw goal.error("'" + goal.text() + "' is not a goal (ANY, EMPLOYMENT, JOB_SEARCH, VOCATIONAL_TRAINING, STUDY, RECOGNITION)");
                }
            }
            List<String> legalBasis = entry.require("legalBasis").texts();
            String url = entry.optionalText("url");
            result.add(new PathwayInfo(code, entry.require("title").localized(), legalBasis,
                    url != null ? url : acts.firstUrl(legalBasis), Set.copyOf(goals)));
        }
        return result;
    }

    private static final List<String> ACT_KEYS = List.of("abbreviation", "name", "folder", "source", "note");

    /**
     * catalogues/acts.yaml: {@code base} (the statute site, https://…/), {@code sectionPage} (a section's page within
     * an act's folder, with {@code {section}}) and the acts with abbreviation (as cited,
     * unique, without ';'), name, and optionally folder (then with a source). A misspelt key is an error, as it would
     * silently drop a link.
     */
    static Acts acts(YamlNode file) {
        YamlNode baseNode = file.require("base");
        String base = baseNode.text();
        if (!base.matches("https://[^\\s]+/")) {
            throw baseNode.error("base '" + base + "' must be an https:// address ending in '/'");
        }
        YamlNode sectionNode = file.require("sectionPage");
        String sectionPage = sectionNode.text();
        if (!sectionPage.contains("{section}") || sectionPage.startsWith("/") || sectionPage.matches(".*\\s.*")) {
            throw sectionNode.error("sectionPage '" + sectionPage + "' must name a section's page within an act's"
                    + " folder, with {section} for the section number (e.g. __{section}.html)");
        }
        List<Act> acts = new ArrayList<>();
        Set<String> abbreviations = new HashSet<>();
        for (YamlNode entry : file.require("acts").list()) {
            for (Map.Entry<String, YamlNode> key : entry.map().entrySet()) {
                if (!ACT_KEYS.contains(key.getKey())) {
                    throw key.getValue().error("unknown key '" + key.getKey() + "' (an act has " + ACT_KEYS + ")");
                }
            }
            String abbreviation = entry.requireText("abbreviation");
            if (abbreviation.contains(";")) {
                throw entry.require("abbreviation").error("the abbreviation '" + abbreviation
                        + "' contains ';', which separates the norms of a citation");
            }
            if (!abbreviations.add(abbreviation)) {
                throw entry.require("abbreviation").error("the act '" + abbreviation + "' appears twice");
            }
            String name = entry.requireText("name");
            String folder = entry.optionalText("folder");
            if (folder != null) {
                if (!folder.matches("[a-z0-9][a-z0-9_-]*")) {
                    throw entry.require("folder").error("folder '" + folder + "' of " + abbreviation
                            + " must be the part of the act's address after base (lower-case letters, digits, '_', '-')");
                }
                entry.requireText("source");
            }
            acts.add(new Act(abbreviation, name, folder));
        }
        return new Acts(base, sectionPage, acts);
    }

    static List<Entry> entries(YamlNode file, String listName) {
        List<Entry> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (YamlNode entry : file.require(listName).list()) {
            result.add(new Entry(code(entry, codes), entry.require("title").localized()));
        }
        return result;
    }

    static List<DocumentInfo> documents(YamlNode file) {
        List<DocumentInfo> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (YamlNode entry : file.require("documents").list()) {
            String code = code(entry, codes);
            entry.requireText("source");
            YamlNode note = entry.get("note");
            result.add(new DocumentInfo(code, entry.require("title").localized(), note == null ? null : note.localized()));
        }
        return result;
    }

    /** Profession titles for the catalogue and the Profession facts the rules see. */
    static void professions(YamlNode file, Map<String, LocalizedText> titles, Map<String, Profession> facts) {
        Set<String> codes = new HashSet<>();
        for (YamlNode entry : file.require("professions").list()) {
            String code = code(entry, codes);
            String kind = oneOf(entry, "kind", KINDS);
            String regulation = oneOf(entry, "regulation", REGULATIONS);
            YamlNode regulatedNode = entry.get("regulated");
            Boolean regulated = regulatedNode == null ? null : regulatedNode.bool();
            String scope = null;
            if (entry.get("regulationScope") != null) {
                scope = oneOf(entry, "regulationScope", REGULATION_SCOPES);
                if (!Boolean.TRUE.equals(regulated)) {
                    throw entry.require("regulationScope").error("'regulationScope' is only for a profession with"
                            + " 'regulated: true'");
                }
            } else if (Boolean.TRUE.equals(regulated)) {
                scope = "PRACTICE";
            }
            YamlNode shortage = entry.get("shortageOccupation");
            entry.requireText("source");
            titles.put(code, entry.require("title").localized());
            facts.put(code, new Profession(code, kind, regulated, regulation, scope,
                    entry.requireText("legalBasis"), entry.requireText("recognitionBody"),
                    shortage == null ? null : shortage.bool(), entry.optionalText("isco")));
        }
    }

    static Map<String, LocalizedText> texts(YamlNode file) {
        Map<String, LocalizedText> result = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : file.map().entrySet()) {
            YamlNode value = entry.getValue();
            if (value.isNull()) {
                throw value.error("the text '" + entry.getKey() + "' is empty: give 'de:' and 'en:'");
            }
            try {
                result.put(entry.getKey(), value.localized());
            } catch (DataError e) {
                throw new DataError(e.problem().file(), e.problem().line(),
                        "text '" + entry.getKey() + "': " + e.problem().message());
            }
        }
        return result;
    }

    static Catalogue catalogue(List<PathwayInfo> pathways, List<Entry> steps, List<DocumentInfo> documents,
                               List<Entry> conditions, Map<String, LocalizedText> professions,
                               Map<String, LocalizedText> texts, Acts acts) {
        return new Catalogue(pathways, steps, documents, conditions, professions, new Texts(texts), acts);
    }

    private static String code(YamlNode entry, Set<String> seen) {
        String code = entry.requireText("code");
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw entry.require("code").error("code '" + code + "' must be upper-case letters, digits and '_'");
        }
        if (!seen.add(code)) {
            throw entry.require("code").error("code '" + code + "' appears twice");
        }
        return code;
    }

    private static String oneOf(YamlNode entry, String key, Set<String> allowed) {
        String value = entry.requireText(key);
        if (!allowed.contains(value)) {
            throw entry.require(key).error("'" + value + "' is not one of " + allowed);
        }
        return value;
    }
}
