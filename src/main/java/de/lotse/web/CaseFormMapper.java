package de.lotse.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lotse.decision.AssessmentDateOutOfRangeException;
import de.lotse.decision.Catalogue;
import de.lotse.decision.FieldProblem;
import de.lotse.decision.Language;
import de.lotse.decision.LocalizedText;
import de.lotse.decision.Texts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Between the form and the decision request: turns what the advisor typed into the request JSON that the API takes
 * (the same reader and the same validation then apply), maps the request's field problems back to the form's fields
 * in the page's language, and writes request values for people (case summary, comparison).
 */
@Component
public class CaseFormMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
    private static final Pattern ISCO_PICKED = Pattern.compile("(\\d{2,4})(\\s*[–-].*)?");

    private final Countries countries;
    private final MessageSource messages;

    public CaseFormMapper(Countries countries, MessageSource messages) {
        this.countries = countries;
        this.messages = messages;
    }

    /**
     * The request JSON, and the fields whose text is no number or date at all. {@code citizenshipInputs} says which
     * input each entry of {@code candidate.citizenships} came from, so that "citizenships[1]" finds its input again.
     */
    public record Mapped(ObjectNode json, List<FormError> errors, List<Integer> citizenshipInputs) {
    }

    public Mapped toJson(CaseForm form, Locale locale) {
        Language language = Languages.of(locale);
        boolean german = form.numbersWrittenIn(language) == Language.de;
        ObjectNode root = NODES.objectNode();
        List<FormError> errors = new ArrayList<>();
        List<Integer> citizenshipInputs = new ArrayList<>();
        for (FormField field : FormFields.ALL) {
            if (field.path().startsWith(FormFields.JOB_OFFER + ".") && !form.jobOfferPresent()) {
                continue;
            }
            String raw = form.value(field.path());
            switch (field.kind()) {
                case SECTION_SWITCH -> {
                    if (form.jobOfferPresent()) {
                        object(root, field.path());
                    }
                }
                case COUNTRIES -> {
                    ArrayNode list = NODES.arrayNode();
                    for (int i = 0; i < CaseForm.CITIZENSHIP_INPUTS; i++) {
                        String typed = form.citizenship(i);
                        if (!typed.isEmpty()) {
                            list.add(countries.resolve(typed).orElse(typed));
                            citizenshipInputs.add(i);
                        }
                    }
                    if (!list.isEmpty()) {
                        put(root, field.path(), list);
                    }
                }
                case INTEGER, DECIMAL -> {
                    if (!raw.isEmpty()) {
                        Optional<BigDecimal> number = NumberInput.parse(raw, german);
                        if (number.isPresent()) {
                            put(root, field.path(), number(number.get(), field.kind() == FieldKind.INTEGER));
                        } else {
                            errors.add(error(field, field.id(), locale));
                        }
                    }
                }
                case DATE -> {
                    if (!raw.isEmpty()) {
                        Optional<LocalDate> date = date(raw);
                        if (date.isPresent()) {
                            put(root, field.path(), NODES.textNode(date.get().toString()));
                        } else {
                            errors.add(error(field, field.id(), locale));
                        }
                    }
                }
                case ISCO -> {
                    if (!raw.isEmpty()) {
                        Matcher picked = ISCO_PICKED.matcher(raw);
                        put(root, field.path(), NODES.textNode(picked.matches() ? picked.group(1) : raw));
                    }
                }
                case YES_NO -> {
                    if ("true".equals(raw) || "false".equals(raw)) {
                        put(root, field.path(), NODES.booleanNode(Boolean.parseBoolean(raw)));
                    } else if (!raw.isEmpty()) {
                        put(root, field.path(), NODES.textNode(raw));
                    }
                }
                default -> {
                    if (!raw.isEmpty()) {
                        put(root, field.path(), NODES.textNode(raw));
                    }
                }
            }
        }
        root.put("language", language.name());
        return new Mapped(root, errors, citizenshipInputs);
    }

    /**
     * The form with its numbers rewritten for the page's language (so that the page shows them the way its language
     * writes them and the next request reads them back right); text that is no number stays as it was typed.
     */
    public CaseForm forPage(CaseForm form, Locale locale) {
        Language page = Languages.of(locale);
        boolean germanInput = form.numbersWrittenIn(page) == Language.de;
        for (FormField field : FormFields.ALL) {
            if (field.kind() == FieldKind.INTEGER || field.kind() == FieldKind.DECIMAL) {
                NumberInput.parse(form.value(field.path()), germanInput)
                        .ifPresent(n -> form.set(field.path(), NumberInput.format(n, page == Language.de)));
            }
        }
        return form.writeNumbersIn(page);
    }

    /** Whole numbers go into the request as integers, so that the reader's type check sees what was typed. */
    private static JsonNode number(BigDecimal value, boolean integer) {
        if (integer && value.stripTrailingZeros().scale() <= 0) {
            return NODES.numberNode(value.toBigIntegerExact());
        }
        return NODES.numberNode(value);
    }

    static Optional<LocalDate> date(String raw) {
        try {
            return Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(raw, GERMAN_DATE));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static ObjectNode object(ObjectNode root, String path) {
        ObjectNode node = root;
        for (String part : path.split("\\.")) {
            JsonNode child = node.get(part);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(part);
            }
            node = (ObjectNode) child;
        }
        return node;
    }

    private static void put(ObjectNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? root : object(root, path.substring(0, dot));
        parent.set(path.substring(dot + 1), value);
    }

    /** The request's field problems as errors at the form's fields, once per field, in form order. */
    public List<FormError> errors(List<FieldProblem> problems, List<Integer> citizenshipInputs, Locale locale) {
        Map<String, FormError> byField = new LinkedHashMap<>();
        List<FormError> general = new ArrayList<>();
        for (FieldProblem problem : problems) {
            Optional<FormField> field = FormFields.forProblem(problem.field());
            if (field.isEmpty()) {
                general.add(new FormError("", "", message("error.general", locale,
                        problem.field().isEmpty() ? problem.message() : problem.field() + ": " + problem.message())));
                continue;
            }
            FormField f = field.get();
            String anchor = f.id();
            if (f.kind() == FieldKind.COUNTRIES) {
                int index = FormFields.index(problem.field());
                int input = index >= 0 && index < citizenshipInputs.size() ? citizenshipInputs.get(index) : 0;
                anchor = f.id(input);
            }
            byField.putIfAbsent(f.path(), error(f, anchor, locale));
        }
        List<FormError> ordered = new ArrayList<>(general);
        for (FormField f : FormFields.ALL) {
            if (byField.containsKey(f.path())) {
                ordered.add(byField.get(f.path()));
            }
        }
        return ordered;
    }

    /** An assessment date outside the dates the rules cover. */
    public FormError dateOutOfRange(AssessmentDateOutOfRangeException e, Locale locale) {
        Language language = Languages.of(locale);
        FormField field = FormFields.byPath("assessmentDate").orElseThrow();
        return new FormError(field.path(), field.id(), message("error.assessmentDate.window", locale,
                Texts.render(e.window().from(), language), Texts.render(e.window().until(), language)));
    }

    private FormError error(FormField field, String anchor, Locale locale) {
        return new FormError(field.path(), anchor, message(field.errorKey(), locale));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** One entered value for people: the field's label and the value as the page writes it. */
    public record Entry(String path, String label, String value) {
    }

    /**
     * The values of a request as the page shows them, in form order. Fields not given are left out unless
     * {@code withEmpty}, then they read "not given". The job-offer switch is always there.
     */
    public Map<String, Entry> describe(JsonNode json, Catalogue catalogue, Locale locale, boolean withEmpty) {
        Language language = Languages.of(locale);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (FormField field : FormFields.ALL) {
            String label = message(field.labelKey(), locale);
            if (field.kind() == FieldKind.SECTION_SWITCH) {
                entries.put(field.path(), new Entry(field.path(), label,
                        message(json.has(field.path()) ? "option.yes" : "option.no", locale)));
                continue;
            }
            JsonNode node = json.at(field.pointer());
            if (node.isMissingNode() || node.isNull()) {
                if (withEmpty) {
                    entries.put(field.path(), new Entry(field.path(), label, message("value.notGiven", locale)));
                }
                continue;
            }
            entries.put(field.path(), new Entry(field.path(), label, display(field, node, catalogue, language, locale)));
        }
        return entries;
    }

    private String display(FormField field, JsonNode node, Catalogue catalogue, Language language, Locale locale) {
        return switch (field.kind()) {
            case CHOICE -> messages.getMessage(field.optionKey(node.asText()), null, node.asText(), locale);
            case YES_NO -> node.isBoolean() ? message(node.asBoolean() ? "option.yes" : "option.no", locale) : node.asText();
            case COUNTRIES -> {
                List<String> names = new ArrayList<>();
                node.forEach(c -> names.add(countries.name(c.asText(), language)));
                yield String.join(", ", names);
            }
            case PROFESSION -> {
                LocalizedText title = catalogue == null ? null : catalogue.professions().get(node.asText());
                yield title == null ? node.asText() : title.in(language);
            }
            case INTEGER, DECIMAL -> node.isNumber() ? Texts.render(node.decimalValue(), language) : node.asText();
            case DATE -> date(node.asText()).map(d -> Texts.render(d, language)).orElse(node.asText());
            default -> node.asText();
        };
    }
}
