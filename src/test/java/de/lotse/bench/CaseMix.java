package de.lotse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.CaseFacts;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionService;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import de.lotse.scenario.Scenario;
import de.lotse.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The full knowledge base of {@code rules/} (or {@code -Dlotse.rules.dir}) and, as the realistic case mix, every
 * scenario request of {@code test-cases/} (or {@code -Dlotse.test-cases.dir}) that the service answers.
 */
final class CaseMix {

    final KnowledgeBase rules;
    final DecisionService decisions;
    final CaseReader reader;
    final List<JsonNode> requests = new ArrayList<>();

    CaseMix() {
        rules = new KnowledgeBaseLoader(Clock.systemUTC()).load(Path.of(System.getProperty("lotse.rules.dir", "rules")));
        decisions = new DecisionService(() -> rules, new AdviceAssembler(), Clock.system(ZoneId.of("Europe/Berlin")));
        reader = CaseReader.standalone();
        for (Scenario s : ScenarioFiles.readFolder(Path.of(System.getProperty("lotse.test-cases.dir", "test-cases")))) {
            if (s.expect().has("error")) {
                continue;
            }
            CaseReader.Read read = reader.read(s.request());
            if (read.facts() == null) {
                continue;
            }
            try {
                decisions.decide(read.facts());
                requests.add(s.request());
            } catch (RuntimeException rejected) {
                // a case the service rejects is not part of the mix
            }
        }
        if (requests.isEmpty()) {
            throw new IllegalStateException("no answerable scenario requests in test-cases/");
        }
    }

    /** Fresh copies of the cases (a decision fills defaults into them), one set per thread. */
    CaseFacts[] cases() {
        CaseFacts[] facts = new CaseFacts[requests.size()];
        for (int i = 0; i < facts.length; i++) {
            facts[i] = reader.read(requests.get(i)).facts();
        }
        return facts;
    }

    String describe() {
        return rules.rules().size() + " rules, case mix of " + requests.size() + " scenario requests, rules "
                + rules.version().substring(0, 19) + "…";
    }
}
