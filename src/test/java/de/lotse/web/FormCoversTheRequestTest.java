package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.lotse.decision.CaseFacts;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The form repeats the decision request's fields by hand (FormFields): every field of the request model must be on
 * the form, or be named below with the reason it is not — so that a field added to the API cannot silently be missing
 * for the advisors — and the form has no field the request does not know.
 */
class FormCoversTheRequestTest {

    /** Request fields the form does not show, and why. */
    private static final Map<String, String> NOT_ON_THE_FORM = Map.of(
            "language", "the language of the page the advisor uses",
            "caseReference", "a reference for calling systems; the form stores nothing and echoes nothing");

    @Test
    void everyRequestFieldIsOnTheFormOrNamedWithItsReasonAndNothingElseIs() {
        Set<String> request = new TreeSet<>();
        leaves(CaseFacts.class, "", request);
        Set<String> form = FormFields.ALL.stream().map(FormField::path).collect(Collectors.toCollection(TreeSet::new));

        assertThat(request).as("request fields found by reflection").hasSizeGreaterThan(30)
                .containsAll(NOT_ON_THE_FORM.keySet());
        Set<String> missing = new TreeSet<>(request);
        missing.removeAll(form);
        missing.removeAll(NOT_ON_THE_FORM.keySet());
        assertThat(missing).as("request fields that are neither on the form nor named in NOT_ON_THE_FORM").isEmpty();

        Set<String> unknown = new TreeSet<>(form);
        unknown.removeAll(request);
        unknown.remove(FormFields.JOB_OFFER); // the switch "is there a job offer", the form's only field of its own
        assertThat(unknown).as("form fields the request does not know").isEmpty();
    }

    /** The dotted paths of the request model's values (objects of the decision package are descended into). */
    private static void leaves(Class<?> type, String prefix, Set<String> out) {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Class<?> t = f.getType();
            if (t.getPackageName().equals("de.lotse.decision") && !t.isEnum()) {
                leaves(t, prefix + f.getName() + ".", out);
            } else {
                out.add(prefix + f.getName());
            }
        }
    }
}
