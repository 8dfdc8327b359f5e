package de.lotse.web;

import de.lotse.decision.Language;
import de.lotse.decision.Texts;
import de.lotse.knowledge.CodeLists;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.ParameterTable;
import de.lotse.knowledge.ReloadAttempt;
import de.lotse.knowledge.RuleInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the rules page shows, in the page's language: the version in service, the last reload attempt, the rules by
 * file with their citations, every parameter with its values by date and source, and the code lists.
 */
public record RulesPage(String version, String loadedAt, String supportedFrom, String supportedUntil, int ruleCount,
                        Reload lastReload, List<RuleFile> files, List<ParameterView> parameters,
                        List<CodeListView> codeLists) {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The last reload attempt; {@code status} is LOADED, UNCHANGED or FAILED. */
    public record Reload(String at, String trigger, String status, String version, String candidateVersion,
                         List<String> errors, long durationMillis) {
    }

    public record RuleFile(String file, List<RuleView> rules) {
    }

    public record RuleView(String name, List<LinkedText> legalBasis, String location) {
    }

    public record ParameterView(String name, String file, String description, String unit, List<LinkedText> reference,
                                String url, String applicableFrom, String knownUntil, String computedAs,
                                List<ValueView> values) {
    }

    public record ValueView(String from, String value, List<LinkedText> source, String note, boolean confirmed) {
    }

    public record CodeListView(String name, String title, List<LinkedText> reference, String since, String members) {
    }

    static RulesPage of(KnowledgeBase kb, ReloadAttempt last, Language language) {
        LawLinks links = LawLinks.of(kb.catalogue());
        Map<String, List<RuleView>> byFile = new TreeMap<>();
        for (RuleInfo rule : kb.rules()) {
            byFile.computeIfAbsent(rule.file(), f -> new ArrayList<>()).add(new RuleView(rule.name(),
                    links.parts(rule.legalBasis()), rule.file() + ":" + rule.line()));
        }
        List<RuleFile> files = new ArrayList<>();
        byFile.forEach((file, rules) -> files.add(new RuleFile(file, rules)));
        List<ParameterView> parameters = kb.parameters().definitions().values().stream()
                .sorted(java.util.Comparator.comparing(ParameterTable.Definition::name))
                .map(d -> parameter(d, language, links)).toList();
        List<CodeListView> lists = new ArrayList<>();
        kb.codeLists().all().forEach((name, versions) -> versions.forEach(v -> lists.add(codeList(v, language, links))));
        Reload reload = last == null ? null : new Reload(instant(last.at(), language), last.trigger(),
                last.status().name(), last.version(), last.candidateVersion(),
                last.errors().stream().map(Object::toString).toList(), last.durationMillis());
        return new RulesPage(kb.version(), instant(kb.loadedAt(), language),
                Texts.render(kb.supportedWindow().from(), language), Texts.render(kb.supportedWindow().until(), language),
                kb.rules().size(), reload, files, parameters, lists);
    }

    private static ParameterView parameter(ParameterTable.Definition d, Language language, LawLinks links) {
        List<ValueView> values = d.values().stream().map(v -> new ValueView(Texts.render(v.from(), language),
                v.value() == null ? "–" : Texts.render(v.value(), language), LawLinks.linkify(v.source()), v.note(),
                v.confirmed()))
                .toList();
        String computed = d.computedFrom() == null ? null
                : Texts.render(d.computedPercent(), language) + " % · " + d.computedFrom();
        return new ParameterView(d.name(), d.file(), d.description(), d.unit(), links.parts(d.reference()), d.url(),
                d.applicableFrom() == null ? null : Texts.render(d.applicableFrom(), language),
                d.knownUntil() == null ? null : Texts.render(d.knownUntil(), language), computed, values);
    }

    private static CodeListView codeList(CodeLists.Version v, Language language, LawLinks links) {
        return new CodeListView(v.name(), v.title() == null ? v.name() : v.title().in(language),
                links.parts(v.reference()),
                v.since() == null || v.since().equals(java.time.LocalDate.MIN) ? null : Texts.render(v.since(), language),
                String.join(", ", new java.util.TreeSet<>(v.list().getMembers())));
    }

    static String instant(Instant at, Language language) {
        if (at == null) {
            return "–";
        }
        return DateTimeFormatter.ofPattern(language == Language.de ? "dd.MM.yyyy, HH:mm:ss" : "yyyy-MM-dd HH:mm:ss")
                .withZone(BERLIN).format(at);
    }
}
