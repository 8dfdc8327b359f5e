package de.lotse.web;

import de.lotse.decision.Language;
import de.lotse.decision.LocalizedText;
import de.lotse.decision.facts.Profession;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseService;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The choices of the form that come from the rules in service: professions and ISCO suggestions. */
@Component
public class FormOptions {

    /** A profession of the catalogue with its typical ISCO-08 code (may be null). */
    public record ProfessionOption(String code, String title, String isco) {
    }

    /** An ISCO-08 code with the professions of the catalogue that typically have it. */
    public record IscoOption(String code, String label) {
    }

    static final String OTHER = "OTHER";

    private final KnowledgeBaseService knowledge;

    public FormOptions(KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
    }

    /** The catalogue's professions sorted by title in the language, "other profession" last. */
    public List<ProfessionOption> professions(Language language) {
        KnowledgeBase kb = knowledge.current();
        Map<String, Profession> facts = kb.professions();
        Collator collator = Collator.getInstance(Languages.locale(language));
        List<ProfessionOption> options = new ArrayList<>();
        kb.catalogue().professions().forEach((code, title) -> {
            Profession p = facts.get(code);
            options.add(new ProfessionOption(code, title.in(language), p == null ? null : p.getIsco()));
        });
        options.sort(Comparator.comparing((ProfessionOption o) -> OTHER.equals(o.code()))
                .thenComparing(ProfessionOption::title, collator));
        return options;
    }

    /** The ISCO codes named in the profession catalogue, each with the professions that have it. */
    public List<IscoOption> iscoCodes(Language language) {
        KnowledgeBase kb = knowledge.current();
        Map<String, List<String>> byCode = new TreeMap<>();
        kb.professions().forEach((code, p) -> {
            LocalizedText title = kb.catalogue().professions().get(code);
            if (p.getIsco() != null && title != null) {
                byCode.computeIfAbsent(p.getIsco(), k -> new ArrayList<>()).add(title.in(language));
            }
        });
        List<IscoOption> options = new ArrayList<>();
        byCode.forEach((code, titles) -> options.add(new IscoOption(code,
                titles.stream().sorted(Collator.getInstance(Languages.locale(language))).reduce((a, b) -> a + ", " + b).orElse(""))));
        return options;
    }
}
