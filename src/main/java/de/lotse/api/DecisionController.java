package de.lotse.api;

import com.fasterxml.jackson.databind.JsonNode;
import de.lotse.decision.Advice;
import de.lotse.decision.AssessmentDateOutOfRangeException;
import de.lotse.decision.CaseFacts;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionMetrics;
import de.lotse.decision.DecisionMetrics.Channel;
import de.lotse.decision.DecisionService;
import de.lotse.decision.InvalidCaseException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** {@code POST /api/v1/decisions} and {@code POST /api/v1/decisions/batch} (decision-api.md). */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionController {

    static final int MAX_BATCH = 1000;
    private static final String BATCH_PATH = "/batch";

    private final DecisionService decisions;
    private final CaseReader reader;

    DecisionController(DecisionService decisions, CaseReader reader) {
        this.decisions = decisions;
        this.reader = reader;
    }

    @Operation(summary = "Assess one case", description = "Answers an Advice, or a problem document naming each offending field.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CaseFacts.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Advice decide(@RequestBody JsonNode body) {
        CaseReader.Read read = reader.read(body);
        if (read.facts() == null) {
            decisions.rejected(DecisionMetrics.INVALID_FIELD, Channel.API);
            throw new InvalidRequestException(read.problems().stream().map(ProblemField::of).toList());
        }
        return decisions.decide(read.facts(), Channel.API);
    }

    @Operation(summary = "Assess up to 1000 cases", description = "Answers {\"results\": [...]} in request order; each"
            + " result is an Advice or a problem document with the case's index.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = BatchRequest.class)))
    @PostMapping(path = BATCH_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse batch(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalidBatch(ProblemField.of("", "send a JSON object {\"cases\": [...]}"));
        }
        JsonNode cases = body.get("cases");
        if (cases == null || !cases.isArray()) {
            throw invalidBatch(ProblemField.of("cases", "must be a list of cases"));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("cases")) {
                throw invalidBatch(ProblemField.of(name, "unknown field; accepted: cases"));
            }
        });
        if (cases.size() > MAX_BATCH) {
            decisions.rejected(DecisionMetrics.BATCH_TOO_LARGE, Channel.BATCH);
            throw new InvalidRequestException(List.of(ProblemField.of("cases",
                    "holds " + cases.size() + " cases; at most " + MAX_BATCH + " are accepted per batch")));
        }
        List<Object> results = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            results.add(decideOne(cases.get(i), i));
        }
        return new BatchResponse(results);
    }

    private Object decideOne(JsonNode json, int index) {
        CaseReader.Read read = reader.read(json);
        ProblemDetail problem;
        if (read.facts() != null) {
            try {
                return decisions.decide(read.facts(), Channel.BATCH);
            } catch (InvalidCaseException e) {
                problem = ApiExceptionHandler.problem(e);
            } catch (AssessmentDateOutOfRangeException e) {
                problem = ApiExceptionHandler.problem(e);
            }
        } else {
            decisions.rejected(DecisionMetrics.INVALID_FIELD, Channel.BATCH);
            problem = Problems.invalid("The case has " + read.problems().size() + " invalid field(s).",
                    read.problems().stream().map(ProblemField::of).toList());
        }
        problem.setProperty("index", index);
        return problem;
    }

    /** A batch whose envelope is wrong is refused as a whole, and counts once. */
    private InvalidRequestException invalidBatch(ProblemField field) {
        decisions.rejected(DecisionMetrics.INVALID_FIELD, Channel.BATCH);
        return new InvalidRequestException(List.of(field));
    }

    /**
     * The channel of a request that one of these endpoints was to answer, for a refusal before the endpoint ran (a body
     * that is no JSON); empty for any other handler.
     */
    static Optional<Channel> channel(WebRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (handler instanceof HandlerMethod method && DecisionController.class.isAssignableFrom(method.getBeanType())) {
            PostMapping mapping = method.getMethodAnnotation(PostMapping.class);
            boolean batch = mapping != null && Arrays.asList(mapping.path()).contains(BATCH_PATH);
            return Optional.of(batch ? Channel.BATCH : Channel.API);
        }
        return Optional.empty();
    }

    /** Batch request body. */
    record BatchRequest(List<CaseFacts> cases) {
    }

    /** Batch answer: one Advice or problem per case, in request order. */
    record BatchResponse(List<Object> results) {
    }
}
