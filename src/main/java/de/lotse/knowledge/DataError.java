package de.lotse.knowledge;

/** An error found while reading one data file; carries file and line so that a legal expert finds the place. */
class DataError extends RuntimeException {

    private final RuleProblem problem;

    DataError(String file, int line, String message) {
        super(message);
        this.problem = new RuleProblem(file, line, message);
    }

    RuleProblem problem() {
        return problem;
    }
}
