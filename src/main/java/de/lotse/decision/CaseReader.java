package de.lotse.decision;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.springframework.stereotype.Component;

/**
 * Turns one JSON case into validated {@link CaseFacts}, or into the list of offending fields. Used by single and batch
 * decisions and by the scenario runner alike, so all report the same field paths and messages.
 */
@Component
public class CaseReader {

    private final ObjectMapper mapper;
    private final Validator validator;

    /**
     * A reader outside Spring (scenario runner, {@code ./lotse}, benchmarks): the strict {@link CaseJson} mapper and
     * a Bean Validation validator with plain (non-EL) messages, the same rules the API applies.
     */
    public static CaseReader standalone() {
        return new CaseReader(CaseJson.mapper(), Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    }

    public CaseReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The result: either facts or problems. */
    public record Read(CaseFacts facts, List<FieldProblem> problems) {
    }

    public Read read(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return new Read(null, List.of(new FieldProblem("", "the case is missing: send a JSON object")));
        }
        if (!json.isObject()) {
            return new Read(null, List.of(new FieldProblem("", "a case must be a JSON object, not " + json.getNodeType().name().toLowerCase())));
        }
        CaseFacts facts;
        try {
            facts = mapper.treeToValue(json, CaseFacts.class);
        } catch (JsonMappingException e) {
            return new Read(null, List.of(mappingProblem(e)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Read(null, List.of(new FieldProblem("", "the case cannot be read: " + shortMessage(e))));
        }
        List<FieldProblem> problems = validator.validate(facts).stream()
                .sorted(Comparator.comparing((ConstraintViolation<CaseFacts> v) -> v.getPropertyPath().toString()))
                .map(v -> new FieldProblem(path(v), v.getMessage()))
                .toList();
        return new Read(problems.isEmpty() ? facts : null, problems);
    }

    /** "candidate.citizenships[0].<list element>" → "candidate.citizenships[0]". */
    private static String path(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }

    public static FieldProblem mappingProblem(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'; accepted: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            message = "'" + format.getValue() + "' is not accepted; accepted: "
                    + Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && java.time.temporal.Temporal.class.isAssignableFrom(format.getTargetType())) {
            message = "'" + format.getValue() + "' is not a valid date: use ISO format YYYY-MM-DD";
        } else if (e.getPath().isEmpty()) {
            message = shortMessage(e);
        } else {
            String target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched
                    && mismatched.getTargetType() != null ? describe(mismatched.getTargetType()) : "another type";
            message = "has the wrong type: expected " + target;
        }
        return new FieldProblem(path, message);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }

    public static String shortMessage(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return "cannot be read";
        }
        message = message.replaceAll("\\(class [^)]*\\)", "")
                .replaceAll(" \\(bound as `[^`]*`\\)", "")
                .replace(": not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
                        ": the body must be exactly one JSON value")
                .replaceAll("\\s*\\(`[A-Za-z]+\\.[A-Z_]+` [^)]*\\)", "") // "(`StreamReadFeature.X` disabled)"
                .replaceAll("`(?:[a-z][a-z0-9_]*\\.)+([A-Za-z0-9_$]+)`", "$1") // `java.lang.Integer` → Integer
                .replaceAll("\\s+", " ").trim();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /**
     * The dotted path of the member a JSON parser was reading when it failed ("candidate.age", "cases[2].goal"), or
     * "" at the top level: names the duplicated key of a duplicate-key error.
     */
    public static String location(JsonParser parser) {
        if (parser == null) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
