package de.lotse.web;

import de.lotse.decision.Acts;
import de.lotse.decision.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links a legal citation to the norm on the statute site, using the acts of the knowledge base in service
 * (rules/catalogues/acts.yaml, see {@link Acts}): "§ 18g Abs. 1 AufenthG" → {@code <base>aufenthg_2004/__18g.html}.
 * A citation may name several norms separated by ";"
 * ("§ 6 BeschV; § 2 Abs. 12a AufenthG"); each part gets its own link. A part whose act the catalogue does not list,
 * or lists without an address, links nowhere — a wrong link would be worse than none.
 */
public final class LawLinks {

    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s)\\]]+");

    private final Acts acts;

    public LawLinks(Acts acts) {
        this.acts = acts;
    }

    /** The links of a knowledge base's catalogue. */
    public static LawLinks of(Catalogue catalogue) {
        return new LawLinks(catalogue.acts());
    }

    /** The address of the norm a single citation names, or {@code null}. Uses the first act and the first section. */
    public String url(String citation) {
        return acts.url(citation);
    }

    /** The citation cut at ";" into parts, each with its link (or none). */
    public List<LinkedText> parts(String citation) {
        List<LinkedText> parts = new ArrayList<>();
        for (String part : Acts.parts(citation)) {
            parts.add(new LinkedText(part, url(part)));
        }
        return parts;
    }

    /** Every citation of a list cut into linked parts. */
    public List<LinkedText> parts(List<String> citations) {
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
        Matcher m = ADDRESS.matcher(text);
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
