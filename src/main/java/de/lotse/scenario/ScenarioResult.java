package de.lotse.scenario;

import de.lotse.decision.Advice;
import java.util.List;

/**
 * The outcome of checking one scenario: what differed from the expectation (empty = passed) and the advice
 * ({@code null} when the request was rejected).
 */
public record ScenarioResult(Scenario scenario, List<Difference> differences, Advice advice) {

    public ScenarioResult {
        differences = List.copyOf(differences);
    }

    public boolean passed() {
        return differences.isEmpty();
    }

    /** Every difference as one English sentence. */
    public List<String> mismatches() {
        return differences.stream().map(Difference::message).toList();
    }
}
