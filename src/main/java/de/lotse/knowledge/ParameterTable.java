package de.lotse.knowledge;

import de.lotse.decision.Acts;
import de.lotse.decision.DateWindow;
import de.lotse.decision.facts.Parameter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The effective-dated parameters of rules/parameters/. At load time the timeline is cut into periods in which no
 * value changes, and the parameter facts of every period are built once; a decision only looks its period up.
 */
public final class ParameterTable {

    /** One parameter file. */
    public record Definition(String name, String file, String description, String unit, String reference, String url,
                             LocalDate applicableFrom, LocalDate knownUntil, String computedFrom,
                             BigDecimal computedPercent, List<DatedValue> values) {
    }

    /**
     * A value with the date from which it applies and its source. {@code confirmed} is false where the file marks
     * the value {@code confirmed: false} (no official source found: carried forward, computed, or from secondary
     * sources); its {@code note} says why, and advice that uses it shows the text {@code note.unconfirmed.<name>}.
     */
    public record DatedValue(LocalDate from, BigDecimal value, String source, String note, boolean confirmed,
                             int line) {
    }

    /** The text key of the caveat an advice shows where it uses an unconfirmed value of this parameter. */
    public static String caveatTextKey(String parameterName) {
        return "note.unconfirmed." + parameterName;
    }

    private final Map<String, Definition> definitions;
    private final DateWindow window;
    private final NavigableMap<LocalDate, List<Parameter>> periods = new TreeMap<>();
    /** The starts of the periods in which some value in force is unconfirmed. */
    private final TreeSet<LocalDate> unconfirmedPeriods = new TreeSet<>();

    ParameterTable(Map<String, Definition> definitions, DateWindow window) {
        this.definitions = Map.copyOf(definitions);
        this.window = window;
        TreeSet<LocalDate> starts = new TreeSet<>();
        starts.add(window.from());
        for (Definition d : definitions.values()) {
            for (DatedValue v : d.values()) {
                if (v.from().isAfter(window.from()) && !v.from().isAfter(window.until())) {
                    starts.add(v.from());
                }
            }
        }
        for (LocalDate start : starts) {
            List<Parameter> facts = new ArrayList<>();
            for (Definition d : definitions.values()) {
                DatedValue v = valueOn(d, start);
                if (v != null) {
                    facts.add(new Parameter(d.name(), v.value(), d.unit(), v.from(), v.confirmed()));
                }
            }
            periods.put(start, Collections.unmodifiableList(facts));
            if (facts.stream().anyMatch(f -> !f.isConfirmed())) {
                unconfirmedPeriods.add(start);
            }
        }
    }

    /** The parameter facts in force on a date inside the window. */
    public List<Parameter> factsOn(LocalDate date) {
        Map.Entry<LocalDate, List<Parameter>> period = periods.floorEntry(date);
        return period == null ? List.of() : period.getValue();
    }

    /** Whether a value in force on the date is unconfirmed ({@link Parameter#isConfirmed()}). */
    public boolean anyUnconfirmedOn(LocalDate date) {
        Map.Entry<LocalDate, List<Parameter>> period = periods.floorEntry(date);
        return period != null && unconfirmedPeriods.contains(period.getKey());
    }

    public DateWindow window() {
        return window;
    }

    public Map<String, Definition> definitions() {
        return definitions;
    }

    /** The value in force on a date; null before the first and after a parameter ends (an entry without value). */
    static DatedValue valueOn(Definition d, LocalDate date) {
        DatedValue found = inForce(d, date);
        return found == null || found.value() == null ? null : found;
    }

    /**
     * Reads every parameter file, checks sources, gaps and computed values, and derives the supported window. A
     * parameter without its own {@code url} links to its {@code reference} through {@code acts} (catalogues/acts.yaml).
     */
    static ParameterTable load(List<YamlNode> files, LocalDate supportedFrom, Acts acts, List<RuleProblem> problems) {
        Map<String, Definition> definitions = new TreeMap<>();
        for (YamlNode file : files) {
            try {
                Definition d = definition(file, acts);
                definitions.put(d.name(), d);
            } catch (DataError e) {
                problems.add(e.problem());
            }
        }
        LocalDate until = LocalDate.MAX;
        for (Definition d : definitions.values()) {
            if (d.knownUntil() != null && d.knownUntil().isBefore(until)) {
                until = d.knownUntil();
            }
        }
        if (until.equals(LocalDate.MAX)) {
            until = LocalDate.of(9999, 12, 31);
        }
        DateWindow window = new DateWindow(supportedFrom, until);
        for (Definition d : definitions.values()) {
            checkCoverage(d, window, problems);
            checkComputed(d, definitions, problems);
        }
        // a computed threshold that misses a value its base has would give decisions last year's figure
        problems.addAll(computedGaps(definitions, window.from(), window.until()));
        return new ParameterTable(definitions, window);
    }

    /**
     * Computed parameters that do not follow their base: from the first supported date on, whenever the base has a
     * new value, the computed parameter's value in force must be its percentage of it. (Each value a computed
     * parameter has is checked when it is read; this finds the value it lacks, e.g. next year's threshold after next
     * year's contribution ceiling was entered.) Inside the supported dates such a gap stops the load; this method
     * finds the ones after them, for the rules check to warn before the supported dates reach them.
     */
    public List<RuleProblem> computedGapsAfterWindow() {
        return computedGaps(definitions, window.until(), null);
    }

    private static List<RuleProblem> computedGaps(Map<String, Definition> all, LocalDate from, LocalDate until) {
        List<RuleProblem> gaps = new ArrayList<>();
        for (Definition d : new TreeMap<>(all).values()) {
            Definition base = d.computedFrom() == null ? null : all.get(d.computedFrom());
            if (base == null || d.computedPercent() == null) {
                continue;
            }
            TreeSet<LocalDate> dates = new TreeSet<>();
            dates.add(from);
            base.values().stream().map(DatedValue::from)
                    .filter(date -> date.isAfter(from) && (until == null || !date.isAfter(until)))
                    .forEach(dates::add);
            for (LocalDate date : dates) {
                if (d.applicableFrom() != null && date.isBefore(d.applicableFrom())) {
                    continue;
                }
                DatedValue baseValue = inForce(base, date);
                DatedValue value = inForce(d, date);
                if (baseValue == null || baseValue.value() == null) {
                    continue;
                }
                BigDecimal expected = percentOf(baseValue.value(), d.computedPercent());
                if (value == null || value.value() == null || value.value().compareTo(expected) != 0) {
                    gaps.add(new RuleProblem(d.file(), value == null ? 0 : value.line(), "computed as "
                            + d.computedPercent().toPlainString() + " % of " + base.name() + ", which is "
                            + baseValue.value().toPlainString() + " from " + baseValue.from() + ", but the value in force on "
                            + date + " is " + (value == null || value.value() == null ? "none" : value.value().toPlainString()
                            + " (from " + value.from() + ")") + ": add a value for " + date + " (" + expected.toPlainString() + ")"));
                }
            }
        }
        return gaps;
    }

    /** What a computed parameter's value must be: its percentage of the base, rounded to cents. */
    private static BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
        return base.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** The entry in force on a date, also one that ends a parameter (no value); null before the first. */
    private static DatedValue inForce(Definition d, LocalDate date) {
        DatedValue found = null;
        for (DatedValue v : d.values()) {
            if (!v.from().isAfter(date)) {
                found = v;
            }
        }
        return found;
    }

    private static Definition definition(YamlNode file, Acts acts) {
        String name = file.file().substring(file.file().lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new DataError(file.file(), 1, "a parameter file name must be lower-case words joined by '-' (e.g. blue-card-general-threshold.yaml)");
        }
        file.map();
        String computedFrom = null;
        BigDecimal percent = null;
        YamlNode computed = file.get("computedAs");
        if (computed != null) {
            computedFrom = computed.requireText("percentOf");
            percent = computed.require("percent").decimal();
        }
        YamlNode valuesNode = file.require("values");
        List<DatedValue> values = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : valuesNode.map().entrySet()) {
            YamlNode valueNode = entry.getValue();
            LocalDate from;
            try {
                from = LocalDate.parse(entry.getKey());
            } catch (RuntimeException e) {
                throw valueNode.error("'" + entry.getKey() + "' is not a date (write YYYY-MM-DD)");
            }
            if (valueNode.isNull()) {
                throw valueNode.error("the value for " + from + " is empty: write 'value:' and 'source:' below the date");
            }
            YamlNode v = valueNode.get("value");
            if (valueNode.map().get("value") == null) {
                throw valueNode.error("the entry for " + from + " has no 'value'");
            }
            String source = valueNode.optionalText("source");
            if (source == null || source.isBlank()) {
                throw valueNode.error("the value for " + from + " has no 'source' (give the legal source or URL)");
            }
            YamlNode confirmedNode = valueNode.get("confirmed");
            boolean confirmed = confirmedNode == null || confirmedNode.bool();
            String note = valueNode.optionalText("note");
            if (!confirmed && (note == null || note.isBlank())) {
                throw valueNode.error("the value for " + from + " is marked 'confirmed: false' but has no 'note'"
                        + " saying why (e.g. carried forward, computed, or only a secondary source)");
            }
            values.add(new DatedValue(from, v == null ? null : v.decimal(), source, note, confirmed, valueNode.line()));
        }
        if (values.isEmpty()) {
            throw valuesNode.error("'values' is empty");
        }
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i).from().isAfter(values.get(i - 1).from())) {
                throw new DataError(file.file(), values.get(i).line(), "dates must be in ascending order ("
                        + values.get(i).from() + " follows " + values.get(i - 1).from() + ")");
            }
        }
        String reference = file.requireText("reference");
        String url = file.optionalText("url");
        return new Definition(name, file.file(), file.requireText("description"), file.requireText("unit"),
                reference, url != null ? url : acts.firstUrl(List.of(reference)), file.optionalDate("applicableFrom"),
                file.optionalDate("knownUntil"), computedFrom, percent, List.copyOf(values));
    }

    private static void checkCoverage(Definition d, DateWindow window, List<RuleProblem> problems) {
        LocalDate needFrom = d.applicableFrom() != null && d.applicableFrom().isAfter(window.from())
                ? d.applicableFrom() : window.from();
        DatedValue first = d.values().get(0);
        if (first.from().isAfter(needFrom)) {
            problems.add(new RuleProblem(d.file(), first.line(), "no value from " + needFrom + " to "
                    + first.from().minusDays(1) + ": add a value, or declare 'applicableFrom' if the law applies only later"));
        }
        for (DatedValue v : d.values()) {
            if (v.value() == null && !v.from().isAfter(window.until()) && v.from().isAfter(needFrom.minusDays(1))) {
                problems.add(new RuleProblem(d.file(), v.line(), "the value ends on " + v.from().minusDays(1)
                        + " but assessment dates up to " + window.until() + " are supported"));
            }
        }
    }

    private static void checkComputed(Definition d, Map<String, Definition> all, List<RuleProblem> problems) {
        if (d.computedFrom() == null) {
            return;
        }
        Definition base = all.get(d.computedFrom());
        if (base == null) {
            problems.add(new RuleProblem(d.file(), 1, "computedAs names the unknown parameter '" + d.computedFrom() + "'"));
            return;
        }
        for (DatedValue v : d.values()) {
            DatedValue baseValue = valueOn(base, v.from());
            if (v.value() == null || baseValue == null) {
                continue;
            }
            BigDecimal expected = percentOf(baseValue.value(), d.computedPercent());
            if (expected.compareTo(v.value()) != 0) {
                problems.add(new RuleProblem(d.file(), v.line(), "the value " + v.value().toPlainString() + " for "
                        + v.from() + " is not " + d.computedPercent().toPlainString() + " % of " + d.computedFrom()
                        + " (" + baseValue.value().toPlainString() + "): expected " + expected.toPlainString()));
            }
        }
    }
}
