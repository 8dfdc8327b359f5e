package de.lotse.api;

import java.util.List;

/** A request whose fields are wrong; becomes a 400 problem document listing them. */
class InvalidRequestException extends RuntimeException {

    private final List<ProblemField> fields;

    InvalidRequestException(List<ProblemField> fields) {
        super("invalid request");
        this.fields = List.copyOf(fields);
    }

    List<ProblemField> fields() {
        return fields;
    }
}
