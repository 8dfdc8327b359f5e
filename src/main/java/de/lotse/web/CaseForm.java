package de.lotse.web;

import de.lotse.decision.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * What the advisor entered, exactly as typed (so that a page with errors shows it again unchanged), plus the previous
 * variant of the case for the comparison. Nothing of it is stored on the server: it travels in the form.
 */
public final class CaseForm {

    /** Inputs of the citizenship field. */
    public static final int CITIZENSHIP_INPUTS = 2;

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> citizenships = new ArrayList<>();
    private String previousCase = "";
    private Language inputLanguage;

    public CaseForm() {
        for (int i = 0; i < CITIZENSHIP_INPUTS; i++) {
            citizenships.add("");
        }
    }

    /** Reads the known fields from the request parameters; anything else (the CSRF token, unknown names) is ignored. */
    public static CaseForm from(MultiValueMap<String, String> params) {
        CaseForm form = new CaseForm();
        for (FormField field : FormFields.ALL) {
            List<String> given = params.get(field.path());
            if (given == null || given.isEmpty()) {
                continue;
            }
            if (field.kind() == FieldKind.COUNTRIES) {
                for (int i = 0; i < Math.min(given.size(), CITIZENSHIP_INPUTS); i++) {
                    form.citizenships.set(i, clean(given.get(i)));
                }
            } else {
                form.values.put(field.path(), clean(given.get(0)));
            }
        }
        String previous = params.getFirst(FormFields.PREVIOUS_CASE);
        form.previousCase = previous == null ? "" : previous.trim();
        String language = params.getFirst(FormFields.INPUT_LANGUAGE);
        form.inputLanguage = "en".equals(language) ? Language.en : "de".equals(language) ? Language.de : null;
        return form;
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    /** The text entered for a field ("" when empty). */
    public String value(String path) {
        return values.getOrDefault(path, "");
    }

    public boolean has(String path) {
        return !value(path).isEmpty();
    }

    public CaseForm set(String path, String value) {
        values.put(path, value == null ? "" : value);
        return this;
    }

    /** The n-th citizenship input ("" when empty). */
    public String citizenship(int index) {
        return index < citizenships.size() ? citizenships.get(index) : "";
    }

    public CaseForm citizenship(int index, String value) {
        citizenships.set(index, value == null ? "" : value);
        return this;
    }

    public List<String> citizenships() {
        return List.copyOf(citizenships);
    }

    /** The case the advisor saw before this variant, as decision-request JSON ("" when there is none). */
    public String getPreviousCase() {
        return previousCase;
    }

    public CaseForm previousCase(String json) {
        this.previousCase = json == null ? "" : json;
        return this;
    }

    /**
     * The language in which the numbers were written (the page that sent the form), or the given page language if the
     * form does not say: "52.000" is 52000 on a German page and 52 on an English one.
     */
    public Language numbersWrittenIn(Language pageLanguage) {
        return inputLanguage != null ? inputLanguage : pageLanguage;
    }

    public CaseForm writeNumbersIn(Language language) {
        this.inputLanguage = language;
        return this;
    }

    /** True when the advisor said there is a job offer. */
    public boolean jobOfferPresent() {
        return "true".equals(value(FormFields.JOB_OFFER));
    }

    /** Job-offer details are filled in although the advisor said there is no job offer: they are not used. */
    public boolean jobOfferDetailsIgnored() {
        return !jobOfferPresent() && FormFields.ALL.stream()
                .anyMatch(f -> f.path().startsWith(FormFields.JOB_OFFER + ".") && has(f.path()));
    }
}
