package de.lotse.web;

import java.util.List;

/**
 * One field of the advisor form. {@code path} is the field's dotted path in the decision request
 * ("candidate.age"), so problems the request reader reports map straight back to the field. Label, help text, error
 * text and option labels are message keys derived from the path.
 */
public record FormField(String path, FieldKind kind, String optionGroup, List<String> options) {

    public static FormField of(String path, FieldKind kind) {
        return new FormField(path, kind, null, List.of());
    }

    public static FormField choice(String path, Class<? extends Enum<?>> values) {
        List<String> options = java.util.Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
        return new FormField(path, FieldKind.CHOICE, values.getSimpleName(), options);
    }

    /** The HTML id of the field's input (for a list field: of its first input). */
    public String id() {
        return path.replace('.', '-');
    }

    /** The HTML id of the n-th input of a list field (citizenships). */
    public String id(int index) {
        return id() + "-" + index;
    }

    public String labelKey() {
        return "field." + path + ".label";
    }

    public String helpKey() {
        return "field." + path + ".help";
    }

    public String errorKey() {
        return "field." + path + ".error";
    }

    public String optionKey(String option) {
        return "option." + optionGroup + "." + option;
    }

    /** The field's place in the JSON request, e.g. "/candidate/age". */
    public String pointer() {
        return "/" + path.replace('.', '/');
    }
}
