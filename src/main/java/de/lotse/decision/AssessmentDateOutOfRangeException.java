package de.lotse.decision;

import java.time.LocalDate;

/** The assessment date lies outside the dates for which every legal parameter has a value. */
public class AssessmentDateOutOfRangeException extends RuntimeException {

    private final LocalDate date;
    private final DateWindow window;

    public AssessmentDateOutOfRangeException(LocalDate date, DateWindow window) {
        super("assessmentDate " + date + " is outside the supported window " + window.from() + " to " + window.until());
        this.date = date;
        this.window = window;
    }

    public LocalDate date() { return date; }
    public DateWindow window() { return window; }
}
