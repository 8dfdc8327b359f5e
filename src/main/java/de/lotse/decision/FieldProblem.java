package de.lotse.decision;

/** One thing wrong with one field of a request; {@code field} is a dotted path such as "candidate.age". */
public record FieldProblem(String field, String message) {
}
