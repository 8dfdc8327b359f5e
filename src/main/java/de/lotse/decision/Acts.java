package de.lotse.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The acts the rules cite (rules/catalogues/acts.yaml) and the address of a citation on the statute site:
 * "§ 18g Abs. 1 AufenthG" → {@code <base>aufenthg_2004/__18g.html} (the base and the form of a section's page are
 * data). A citation names its act by the abbreviation as written in the catalogue (a whole word: "AufenthG", not
 * "AufenthGx"); the first section ("§ 18g", "§§ 20a") counts
 * only if it stands before the act. An act without a folder (Land law, EU law) and an act the catalogue does not list
 * link nowhere — a wrong link would be worse than none. The pattern of the abbreviations is built once, when the
 * knowledge base is loaded.
 */
public final class Acts {

    /** One act: its abbreviation as cited, its full German name, and its folder on the statute site (or null). */
    public record Act(String abbreviation, String name, String folder) {
    }

    /** The first section number: "§ 18g", "§§ 20a". */
    private static final Pattern SECTION = Pattern.compile("§§?\\s*(\\d+[a-z]?)");

    private static final Acts NONE = new Acts(null, null, List.of());

    private final String base;
    /** The page of a section within an act's folder, with {@code {section}} for the section number. */
    private final String sectionPage;
    private final List<Act> acts;
    private final Map<String, Act> byAbbreviation = new HashMap<>();
    /** Any abbreviation as a whole word, the longest first ("SGB VI" before a shorter "SGB"); null without acts. */
    private final Pattern pattern;

    /**
     * @param base        the address every folder is appended to, ending in "/" (may be null when no act has a folder)
     * @param sectionPage the page of a section within an act's folder, {@code {section}} standing for the section
     *                    number as cited (on the federal statute site "__{section}.html"); may be null with base
     */
    public Acts(String base, String sectionPage, List<Act> acts) {
        this.base = base;
        this.sectionPage = sectionPage;
        this.acts = List.copyOf(acts);
        this.acts.forEach(a -> byAbbreviation.putIfAbsent(a.abbreviation(), a));
        this.pattern = this.acts.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\d])("
                + this.acts.stream().map(Act::abbreviation).distinct()
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .map(Pattern::quote).collect(Collectors.joining("|"))
                + ")(?![\\p{L}\\d])");
    }

    /** No acts: nothing links (a catalogue built without acts.yaml). */
    public static Acts none() {
        return NONE;
    }

    public String base() { return base; }

    /** In file order. */
    public List<Act> all() { return acts; }

    /** The first act a citation names (the leftmost; of two starting there, the longer), or null. */
    public Act find(String citation) {
        Matcher m = match(citation);
        return m == null ? null : byAbbreviation.get(m.group(1));
    }

    /** The address of the norm a single citation names, or null. Uses the first act and the section before it. */
    public String url(String citation) {
        Matcher act = match(citation);
        if (act == null) {
            return null;
        }
        String folder = byAbbreviation.get(act.group(1)).folder();
        if (folder == null || base == null) {
            return null;
        }
        Matcher section = SECTION.matcher(citation);
        // a section number counts only if it stands before the act it belongs to ("§ 2 FreizügG/EU")
        if (section.find() && section.start() < act.start()) {
            return base + folder + "/" + sectionPage.replace("{section}", section.group(1));
        }
        return base + folder + "/";
    }

    /** A citation cut at ";" into its parts, trimmed, without empty ones ("§ 6 BeschV; § 2 AufenthG"). */
    public static List<String> parts(String citation) {
        List<String> parts = new ArrayList<>();
        if (citation != null) {
            for (String part : citation.split(";")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }

    /** The address of the first part of the first citation that has one, or null. */
    public String firstUrl(List<String> citations) {
        for (String citation : citations) {
            for (String part : parts(citation)) {
                String url = url(part);
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    private Matcher match(String citation) {
        if (pattern == null || citation == null || citation.isBlank()) {
            return null;
        }
        Matcher m = pattern.matcher(citation);
        return m.find() ? m : null;
    }
}
