package de.lotse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links a legal citation to the norm on gesetze-im-internet.de: "§ 18g Abs. 1 AufenthG" →
 * https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html. A citation may name several norms separated by ";"
 * ("§ 6 BeschV; § 2 Abs. 12a AufenthG"); each part gets its own link. A part whose act is not known here links
 * nowhere — a wrong link would be worse than none.
 */
public final class LawLinks {

    static final String BASE = "https://www.gesetze-im-internet.de/";

    /** Abbreviation of an act → its folder on gesetze-im-internet.de. */
    private static final Map<String, String> ACTS = Map.of(
            "AufenthG", "aufenthg_2004",
            "AufenthV", "aufenthv",
            "BeschV", "beschv_2013",
            "BQFG", "bqfg",
            "FreizügG/EU", "freiz_gg_eu_2004");

    /** The act's abbreviation as a whole word ("AufenthG", not "AufenthGx"). */
    private static final Pattern ACT = Pattern.compile("(?<![\\p{L}\\d])(AufenthG|AufenthV|BeschV|BQFG|FreizügG/EU)(?![\\p{L}\\d])");
    /** The first section number: "§ 18g", "§§ 20a". */
    private static final Pattern SECTION = Pattern.compile("§§?\\s*(\\d+[a-z]?)");

    private LawLinks() {
    }

    /** The address of the norm a single citation names, or {@code null}. Uses the first act and the first section. */
    public static String url(String citation) {
        if (citation == null || citation.isBlank()) {
            return null;
        }
        Matcher act = ACT.matcher(citation);
        if (!act.find()) {
            return null;
        }
        String folder = ACTS.get(act.group(1));
        Matcher section = SECTION.matcher(citation);
        // a section number counts only if it stands before the act it belongs to ("§ 2 FreizügG/EU")
        if (section.find() && section.start() < act.start()) {
            return BASE + folder + "/__" + section.group(1) + ".html";
        }
        return BASE + folder + "/";
    }

    /** The citation cut at ";" into parts, each with its link (or none). */
    public static List<LinkedText> parts(String citation) {
        List<LinkedText> parts = new ArrayList<>();
        if (citation == null || citation.isBlank()) {
            return parts;
        }
        for (String part : citation.split(";")) {
            String text = part.trim();
            if (!text.isEmpty()) {
                parts.add(new LinkedText(text, url(text)));
            }
        }
        return parts;
    }

    /** Every citation of a list cut into linked parts. */
    public static List<LinkedText> parts(List<String> citations) {
        List<LinkedText> parts = new ArrayList<>();
        if (citations != null) {
            citations.forEach(c -> parts.addAll(parts(c)));
        }
        return parts;
    }

    /** Splits free text such as a source ("[S4] https://… (BMI)") into plain text and web addresses. */
    public static List<LinkedText> linkify(String text) {
        List<LinkedText> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        Matcher m = Pattern.compile("https?://[^\\s)\\]]+").matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new LinkedText(text.substring(at, m.start()), null));
            }
            parts.add(new LinkedText(m.group(), m.group()));
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(new LinkedText(text.substring(at), null));
        }
        return parts;
    }
}
