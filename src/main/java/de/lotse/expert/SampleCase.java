package de.lotse.expert;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case for the impact report: a scenario's request or a corpus case.
 *
 * @param id      file and number, e.g. {@code blue-card.yaml #3} or {@code corpus/employment.yaml #12}
 * @param name    the case's sentence-like name
 * @param corpus  true for a corpus case, false for a scenario
 * @param request the request as sent to {@code POST /api/v1/decisions}
 */
public record SampleCase(String id, String name, boolean corpus, JsonNode request) {
}
