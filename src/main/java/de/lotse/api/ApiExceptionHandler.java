package de.lotse.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import de.lotse.decision.AssessmentDateOutOfRangeException;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionMetrics;
import de.lotse.decision.InvalidCaseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps everything a client can get wrong to an RFC 9457 problem document: 400 naming each field, 413, 415, 405, 404.
 * Anything else is the service's fault: a 500 problem without internals (the cause is logged, never case data).
 * It answers every path, also those without a controller (an unknown address arrives as a NoResourceFoundException),
 * except a browser's request for a page: the web package answers those with its error page (web.PageErrorResolver,
 * which runs first, and web.WebErrorAdvice).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ObjectProvider<DecisionMetrics> metrics;

    ApiExceptionHandler(ObjectProvider<DecisionMetrics> metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(Problems.invalid(detail(e.fields()), e.fields()));
    }

    @ExceptionHandler(InvalidCaseException.class)
    ResponseEntity<Object> invalidCase(InvalidCaseException e) {
        return ResponseEntity.badRequest().body(problem(e));
    }

    @ExceptionHandler(AssessmentDateOutOfRangeException.class)
    ResponseEntity<Object> dateOutOfRange(AssessmentDateOutOfRangeException e) {
        return ResponseEntity.badRequest().body(problem(e));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(e.problem());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error while answering a request: {}", e.toString(), e);
        return ResponseEntity.internalServerError().body(Problems.internal());
    }

    static ProblemDetail problem(InvalidCaseException e) {
        List<ProblemField> fields = e.problems().stream().map(ProblemField::of).toList();
        return Problems.invalid(detail(fields), fields);
    }

    static ProblemDetail problem(AssessmentDateOutOfRangeException e) {
        ProblemDetail problem = Problems.invalid("assessmentDate " + e.date() + " is outside the supported window "
                + e.window().from() + " to " + e.window().until() + ".", List.of(ProblemField.of("assessmentDate",
                "must lie between " + e.window().from() + " and " + e.window().until())));
        problem.setProperty("supportedFrom", e.window().from().toString());
        problem.setProperty("supportedUntil", e.window().until().toString());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
            }
        }
        DecisionController.channel(request)
                .ifPresent(channel -> metrics.ifAvailable(m -> m.rejected(DecisionMetrics.UNREADABLE, channel)));
        List<ProblemField> fields;
        if (cause instanceof JsonParseException parse) {
            // a duplicate key is named by its path; other syntax errors concern the body as a whole
            String field = parse.getOriginalMessage() != null && parse.getOriginalMessage().startsWith("Duplicate field")
                    ? CaseReader.location(parse.getProcessor()) : "";
            fields = List.of(ProblemField.of(field, "malformed JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ": " + CaseReader.shortMessage(parse)));
        } else if (cause instanceof JsonMappingException mapping) {
            fields = List.of(ProblemField.of(CaseReader.mappingProblem(mapping)));
        } else if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            fields = List.of(ProblemField.of("", "malformed JSON: " + CaseReader.shortMessage(json)));
        } else {
            fields = List.of(ProblemField.of("", "the request body is missing or cannot be read as JSON"));
        }
        return ResponseEntity.badRequest().body(Problems.invalid(detail(fields), fields));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Error while answering a request: {}", e.toString(), e);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static String detail(List<ProblemField> fields) {
        if (fields.size() == 1) {
            ProblemField f = fields.get(0);
            return f.field() == null || f.field().isEmpty() ? f.message() : f.field() + ": " + f.message();
        }
        return fields.size() + " fields are invalid.";
    }
}
