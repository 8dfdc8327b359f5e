package de.lotse.expert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import de.lotse.decision.DateWindow;
import de.lotse.knowledge.RuleProblem;
import de.lotse.scenario.Difference;
import java.util.List;

/**
 * The result of checking a rules folder against the scenarios of a test-cases folder: whether it compiles (else the
 * errors with file and line), and per scenario whether it passes (else every difference, expected against actual).
 *
 * @param rulesDir           the rules folder as given
 * @param scenariosDir       the scenarios folder as given
 * @param compiled           the folder compiled and its data is valid
 * @param version            the version the folder would have in service ({@code sha256:…}); null if not compiled
 * @param supportedDates     the assessment dates the folder can answer for; null if not compiled
 * @param windowLimitedBy    the parameter files whose {@code knownUntil} ends the supported dates
 * @param ruleCount          number of rules
 * @param errors             why the folder does not compile (file relative to the rules folder, line, message)
 * @param warnings           what loads but is not ready: a computed threshold that does not follow a new value of the
 *                           figure it is computed from, a rule that no scenario exercises; a warning fails the check
 * @param unreadableFiles    scenario files that cannot be read
 * @param scenarios          every scenario, passed or failed, in file order
 * @param totals             the counts
 */
public record CheckReport(String rulesDir, String scenariosDir, boolean compiled, String version,
                          DateWindow supportedDates, List<String> windowLimitedBy, int ruleCount, List<RuleProblem> errors,
                          List<RuleProblem> warnings, List<FileProblem> unreadableFiles, List<ScenarioOutcome> scenarios,
                          Totals totals) {

    public CheckReport {
        windowLimitedBy = List.copyOf(windowLimitedBy);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        unreadableFiles = List.copyOf(unreadableFiles);
        scenarios = List.copyOf(scenarios);
    }

    /**
     * Exit code of {@code ./lotse check}: 2 the rules do not compile, 1 a scenario fails or cannot be read or there is a
     * warning, 0 all pass.
     */
    @JsonIgnore
    public int exitCode() {
        if (!compiled) {
            return 2;
        }
        return totals.failed() > 0 || !unreadableFiles.isEmpty() || !warnings.isEmpty() ? 1 : 0;
    }

    /** True when the rules compile and every scenario passes. */
    @JsonProperty("ok")
    public boolean ok() {
        return exitCode() == 0;
    }

    /** A scenario file that cannot be read, and why. */
    public record FileProblem(String file, String message) {
    }

    /** One scenario: where it is, its name, and what differs from its expectation (empty when it passes). */
    public record ScenarioOutcome(String file, int number, String name, boolean passed, List<Difference> differences) {

        @JsonProperty("id")
        public String id() {
            return file + " #" + number;
        }
    }

    public record Totals(int scenarios, int passed, int failed) {
    }
}
