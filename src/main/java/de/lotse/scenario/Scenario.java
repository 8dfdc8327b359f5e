package de.lotse.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scenario of a test-cases/ file: a sentence-like name, the request (the file's {@code base} merged with the
 * scenario's own fields) and the expected outcomes.
 */
public record Scenario(String file, int index, String name, JsonNode request, JsonNode expect) {

    public String id() {
        return file + " #" + (index + 1);
    }
}
