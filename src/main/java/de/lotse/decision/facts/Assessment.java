package de.lotse.decision.facts;

import de.lotse.decision.Goal;
import java.time.LocalDate;

/**
 * The assessment itself: the date whose law applies and the goal. Rules compare dates through its
 * helpers, e.g. {@code Assessment(isOnOrAfter("2024-06-01"))} or {@code Assessment(isWithinYears($graduation, $years))}.
 */
public final class Assessment {

    private final LocalDate date;
    private final Goal goal;

    public Assessment(LocalDate date, Goal goal) {
        this.date = date;
        this.goal = goal;
    }

    public LocalDate getDate() { return date; }
    public Goal getGoal() { return goal; }

    /** True if the assessment date is on or after the given ISO date. */
    public boolean isOnOrAfter(String isoDate) {
        return !date.isBefore(LocalDate.parse(isoDate));
    }

    /** True if {@code earlier} lies at most {@code years} years before the assessment date (and not after it). */
    public boolean isWithinYears(LocalDate earlier, Number years) {
        return earlier != null && !earlier.isAfter(date) && !earlier.plusYears(years.longValue()).isBefore(date);
    }
}
