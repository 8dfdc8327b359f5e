package de.lotse.api;

/** One offending field of a request: dotted path, JSON pointer, and what is wrong or accepted. */
public record ProblemField(String field, String pointer, String message) {

    static ProblemField of(de.lotse.decision.FieldProblem problem) {
        return of(problem.field(), problem.message());
    }

    static ProblemField of(String dottedPath, String message) {
        return new ProblemField(dottedPath, pointer(dottedPath), message);
    }

    /** "candidate.citizenships[0]" → "/candidate/citizenships/0". */
    static String pointer(String dottedPath) {
        if (dottedPath == null || dottedPath.isEmpty()) {
            return "";
        }
        return "/" + dottedPath.replace("[", ".").replace("]", "").replace("~", "~0").replace("/", "~1").replace('.', '/');
    }
}
