package de.lotse.scenario;

import de.lotse.decision.Advice;
import java.util.List;

/** The outcome of checking one scenario: what differed from the expectation (empty = passed) and the advice. */
public record ScenarioResult(Scenario scenario, List<String> mismatches, Advice advice) {

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
