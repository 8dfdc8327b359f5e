package de.lotse.decision;

import java.time.LocalDate;

/** The assessment dates a knowledge base can answer for: every parameter has a value on each of them. */
public record DateWindow(LocalDate from, LocalDate until) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(until);
    }
}
