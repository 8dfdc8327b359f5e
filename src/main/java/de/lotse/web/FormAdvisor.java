package de.lotse.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lotse.decision.Advice;
import de.lotse.decision.AssessmentDateOutOfRangeException;
import de.lotse.decision.CaseReader;
import de.lotse.decision.Catalogue;
import de.lotse.decision.DecisionMetrics;
import de.lotse.decision.DecisionMetrics.Channel;
import de.lotse.decision.DecisionService;
import de.lotse.decision.InvalidCaseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The form's way to an advice, with no logic of its own: the form becomes the decision request JSON, which goes
 * through the API's {@link CaseReader} and {@link DecisionService}. Their field problems come back as form errors.
 */
@Component
public class FormAdvisor {

    private final CaseFormMapper mapper;
    private final CaseReader reader;
    private final DecisionService decisions;
    private final ObjectMapper json;

    public FormAdvisor(CaseFormMapper mapper, CaseReader reader, DecisionService decisions, ObjectMapper json) {
        this.mapper = mapper;
        this.reader = reader;
        this.decisions = decisions;
        this.json = json;
    }

    /** What became of a form: an advice, or the errors to show next to the fields. */
    public sealed interface Result permits Advised, Invalid {
    }

    /**
     * An advice for the case, the request it was computed from, and the previous variant's if the form carried one;
     * both advices come from {@code catalogue}'s version of the rules, whose titles and links the page shows.
     */
    public record Advised(Advice advice, JsonNode request, Optional<Variant> previous, Catalogue catalogue)
            implements Result {
    }

    public record Invalid(List<FormError> errors) implements Result {
    }

    /** A variant of the case with its advice. */
    public record Variant(JsonNode request, Advice advice) {
    }

    /**
     * The advice for a form answered through {@code channel} ({@code FORM} for the result page, {@code PDF} for the
     * protocol), counted once as answered or as rejected; the previous variant is decided for the comparison only and
     * not counted ({@link DecisionMetrics}).
     */
    public Result advise(CaseForm form, Locale locale, Channel channel) {
        CaseFormMapper.Mapped mapped = mapper.toJson(form, locale);
        CaseReader.Read read = reader.read(mapped.json());
        List<FormError> errors = new ArrayList<>(mapped.errors());
        if (read.facts() == null) {
            errors.addAll(mapper.errors(read.problems(), mapped.citizenshipInputs(), locale));
        }
        if (!errors.isEmpty()) {
            decisions.rejected(DecisionMetrics.INVALID_FIELD, channel);
            return new Invalid(errors);
        }
        DecisionService pinned = decisions.pinned();
        Advice advice;
        try {
            advice = pinned.decide(read.facts(), channel);
        } catch (InvalidCaseException e) {
            return new Invalid(mapper.errors(e.problems(), mapped.citizenshipInputs(), locale));
        } catch (AssessmentDateOutOfRangeException e) {
            return new Invalid(List.of(mapper.dateOutOfRange(e, locale)));
        }
        return new Advised(advice, mapped.json(), previous(form.getPreviousCase(), locale, pinned),
                pinned.rules().catalogue());
    }

    /** The request JSON of a form (for the next variant's comparison), or "" if the form does not make a request. */
    public String requestJson(CaseForm form, Locale locale) {
        CaseFormMapper.Mapped mapped = mapper.toJson(form, locale);
        if (!mapped.errors().isEmpty() || reader.read(mapped.json()).facts() == null) {
            return "";
        }
        return write(mapped.json());
    }

    /**
     * The previous variant, decided again with the same rules as the current one ({@code pinned}).
     * A previous case that cannot be read is dropped: it only serves the comparison, and so is not counted.
     */
    private Optional<Variant> previous(String previousJson, Locale locale, DecisionService pinned) {
        if (previousJson == null || previousJson.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode request = json.readTree(previousJson);
            if (!(request instanceof ObjectNode object)) {
                return Optional.empty();
            }
            object.put("language", Languages.of(locale).name());
            CaseReader.Read read = reader.read(object);
            if (read.facts() == null) {
                return Optional.empty();
            }
            return Optional.of(new Variant(object, pinned.decide(read.facts())));
        } catch (JsonProcessingException | InvalidCaseException | AssessmentDateOutOfRangeException e) {
            return Optional.empty();
        }
    }

    private String write(JsonNode request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request tree cannot fail to serialise", e);
        }
    }
}
