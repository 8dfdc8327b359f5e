package de.lotse.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that does not compile or whose data is invalid; the message lists every problem with file and line. */
public class InvalidRulesException extends RuntimeException {

    private final List<RuleProblem> problems;

    public InvalidRulesException(List<RuleProblem> problems) {
        super("The rules folder has " + problems.size() + " problem(s):\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
