package de.lotse.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One way an advice differs from what a scenario expects.
 *
 * @param pathway     the pathway concerned, or {@code null} for the advice as a whole (recommended pathway,
 *                    recognition, a rejected request, an unknown expectation)
 * @param expectation the key of the scenario's {@code expect} block, e.g. {@code outcomes},
 *                    {@code conditions.SALARY_THRESHOLD.required}, {@code documents}
 * @param expected    what the scenario expects, or {@code null} when the difference is no comparison
 * @param actual      what the advice says, or {@code null} when the difference is no comparison
 * @param message     the whole difference in one English sentence, starting with the pathway if there is one (what
 *                    the scenario tests print); built by {@link #of} and {@link #note}, never by hand
 */
public record Difference(String pathway, String expectation, String expected, String actual, String message) {

    /** Expected against actual: "BLUE_CARD conditions.SALARY_THRESHOLD.met: expected true, got false". */
    public static Difference of(String pathway, String expectation, Object expected, Object actual) {
        String want = String.valueOf(expected);
        String got = String.valueOf(actual);
        return new Difference(pathway, expectation, want, got,
                prefix(pathway) + expectation + ": expected " + want + ", got " + got);
    }

    /** A difference that is no comparison of two values (an incomplete text, an unknown key …); {@code text} without the pathway. */
    public static Difference note(String pathway, String expectation, String text) {
        return new Difference(pathway, expectation, null, null, prefix(pathway) + text);
    }

    private static String prefix(String pathway) {
        return pathway == null ? "" : pathway + " ";
    }

    /** True when the difference compares an expected with an actual value (both are set). */
    @JsonIgnore
    public boolean isComparison() {
        return expected != null && actual != null;
    }

    @Override
    public String toString() {
        return message;
    }
}
