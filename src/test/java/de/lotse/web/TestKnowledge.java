package de.lotse.web;

import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.DecisionService;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The repository's rules, loaded once per test JVM, and a decision service on them (no Spring). */
final class TestKnowledge {

    /** "Today" in the web tests: 9 March 2026, Berlin. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T09:00:00Z"), ZoneId.of("Europe/Berlin"));

    /** One loader: a copy of the rules that differs in data only reuses its compilation of the rules. */
    private static final KnowledgeBaseLoader LOADER = new KnowledgeBaseLoader(CLOCK);

    private static KnowledgeBase knowledgeBase;

    private TestKnowledge() {
    }

    static synchronized KnowledgeBase kb() {
        if (knowledgeBase == null) {
            knowledgeBase = LOADER.load(Path.of("rules"));
        }
        return knowledgeBase;
    }

    /** Another rules folder (e.g. an edited copy), loaded like the repository's. */
    static synchronized KnowledgeBase load(Path folder) {
        kb();
        return LOADER.load(folder);
    }

    static DecisionService decisions() {
        KnowledgeBase kb = kb();
        return new DecisionService(() -> kb, new AdviceAssembler(), CLOCK);
    }
}
