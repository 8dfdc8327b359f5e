package de.lotse.web;

import java.util.List;

/** A group of the form, shown as a fieldset: legend {@code section.<id>.legend}, intro {@code section.<id>.intro}. */
public record FormSection(String id, List<FormField> fields) {

    public String legendKey() {
        return "section." + id + ".legend";
    }

    public String introKey() {
        return "section." + id + ".intro";
    }
}
