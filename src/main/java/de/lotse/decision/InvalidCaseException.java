package de.lotse.decision;

import java.util.List;

/** The case contradicts itself or names codes the knowledge base does not know. */
public class InvalidCaseException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidCaseException(List<FieldProblem> problems) {
        super("Invalid case: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
