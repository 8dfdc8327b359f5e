package de.lotse.expert;

import de.lotse.decision.Advice;
import de.lotse.decision.Advice.Condition;
import de.lotse.decision.Advice.PathwayAdvice;
import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionService;
import de.lotse.decision.RuleBook;
import de.lotse.decision.DateWindow;
import de.lotse.expert.ImpactReport.CaseChange;
import de.lotse.expert.ImpactReport.PathwayImpact;
import de.lotse.expert.ImpactReport.RecommendationChange;
import de.lotse.expert.ImpactReport.RejectedCase;
import de.lotse.expert.ImpactReport.Side;
import de.lotse.expert.ImpactReport.Unassessable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Evaluates the same cases under two versions of the rules and reports what changes, grouped by pathway. A case whose
 * date one version cannot assess is reported as such, never as an error.
 */
public final class Impact {

    private final CaseReader reader;
    private final Clock clock;

    public Impact(Clock clock) {
        this.reader = CaseReader.standalone();
        this.clock = clock;
    }

    /** The answer of one version to one case. */
    private sealed interface Result {
    }

    private record Answered(Advice advice) implements Result {
    }

    private record OutOfWindow(LocalDate date) implements Result {
    }

    private record Rejected(List<String> fields) implements Result {
    }

    public ImpactReport compare(String fromLabel, RuleBook from, String toLabel, RuleBook to, SampleCases.Read cases) {
        DecisionService before = new DecisionService(() -> from, new AdviceAssembler(), clock);
        DecisionService after = new DecisionService(() -> to, new AdviceAssembler(), clock);
        List<String> order = new ArrayList<>();
        to.catalogue().pathways().forEach(p -> order.add(p.code()));
        from.catalogue().pathways().stream().map(p -> p.code()).filter(c -> !order.contains(c)).forEach(order::add);

        Map<String, List<CaseChange>> byPathway = new LinkedHashMap<>();
        Map<String, List<CaseChange>> shifted = new LinkedHashMap<>();
        List<RecommendationChange> recommendations = new ArrayList<>();
        List<SampleCase> outsideBoth = new ArrayList<>();
        List<SampleCase> onlyTo = new ArrayList<>();
        List<SampleCase> onlyFrom = new ArrayList<>();
        List<RejectedCase> rejected = new ArrayList<>();
        int compared = 0;
        Set<String> changed = new LinkedHashSet<>();
        for (SampleCase c : cases.cases()) {
            Result a = evaluate(before, c);
            Result b = evaluate(after, c);
            if (a instanceof Answered x && b instanceof Answered y) {
                compared++;
                if (!Objects.equals(x.advice().recommendedPathway(), y.advice().recommendedPathway())) {
                    recommendations.add(new RecommendationChange(c.id(), c.name(), x.advice().recommendedPathway(),
                            y.advice().recommendedPathway()));
                    changed.add(c.id());
                }
                for (Keyed change : changes(c, x.advice(), y.advice())) {
                    byPathway.computeIfAbsent(change.pathway(), k -> new ArrayList<>()).add(change.change());
                    changed.add(c.id());
                }
            } else if (a instanceof Rejected && b instanceof Rejected) {
                continue; // a scenario that tests a rejection: rejected under both, nothing to compare
            } else if (a instanceof Rejected r) {
                rejected.add(new RejectedCase(c.id(), c.name(), "from", r.fields()));
            } else if (b instanceof Rejected r) {
                rejected.add(new RejectedCase(c.id(), c.name(), "to", r.fields()));
            } else if (a instanceof OutOfWindow && b instanceof OutOfWindow) {
                outsideBoth.add(c);
            } else if (a instanceof OutOfWindow) {
                onlyTo.add(c);
                if (evaluate(before, onDate(c, from.supportedWindow().until())) instanceof Answered x
                        && b instanceof Answered y) {
                    for (Keyed change : changes(c, x.advice(), y.advice())) {
                        shifted.computeIfAbsent(change.pathway(), k -> new ArrayList<>()).add(change.change());
                    }
                }
            } else {
                onlyFrom.add(c);
            }
        }
        return new ImpactReport(side(fromLabel, from), side(toLabel, to), (int) cases.scenarioCount(),
                (int) cases.corpusCount(), compared, groups(byPathway, order), recommendations, changed.size(),
                unassessable(outsideBoth), unassessable(onlyTo), unassessable(onlyFrom), groups(shifted, order), rejected,
                cases.unreadableFiles());
    }

    private static List<PathwayImpact> groups(Map<String, List<CaseChange>> byPathway, List<String> order) {
        List<PathwayImpact> pathways = new ArrayList<>();
        byPathway.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> order.contains(e.getKey()) ? order.indexOf(e.getKey()) : order.size()))
                .forEach(e -> pathways.add(group(e.getKey(), e.getValue())));
        return pathways;
    }

    /** The same case on another assessment date. */
    private static SampleCase onDate(SampleCase c, LocalDate date) {
        com.fasterxml.jackson.databind.node.ObjectNode request = c.request().deepCopy();
        request.put("assessmentDate", date.toString());
        return new SampleCase(c.id(), c.name(), c.corpus(), request);
    }

    private static Side side(String label, RuleBook rules) {
        return new Side(label, rules.version(), rules.supportedWindow());
    }

    private Result evaluate(DecisionService decisions, SampleCase c) {
        DecisionService.Attempt attempt = decisions.attempt(reader, c.request());
        if (attempt instanceof DecisionService.Answered answered) {
            return new Answered(answered.advice());
        }
        DecisionService.Refused refused = (DecisionService.Refused) attempt;
        return refused.outOfWindow() != null ? new OutOfWindow(refused.outOfWindow().date()) : new Rejected(refused.fields());
    }

    private record Keyed(String pathway, CaseChange change) {
    }

    private static List<Keyed> changes(SampleCase c, Advice before, Advice after) {
        Map<String, PathwayAdvice> a = new LinkedHashMap<>();
        before.pathways().forEach(p -> a.put(p.code(), p));
        Map<String, PathwayAdvice> b = new LinkedHashMap<>();
        after.pathways().forEach(p -> b.put(p.code(), p));
        Set<String> codes = new LinkedHashSet<>(a.keySet());
        codes.addAll(b.keySet());
        List<Keyed> result = new ArrayList<>();
        for (String code : codes) {
            PathwayAdvice x = a.get(code);
            PathwayAdvice y = b.get(code);
            Set<String> docsBefore = codes(x, PathwayAdvice::documents, Advice.DocumentItem::code);
            Set<String> docsAfter = codes(y, PathwayAdvice::documents, Advice.DocumentItem::code);
            Set<String> stepsBefore = codes(x, PathwayAdvice::steps, Advice.StepAdvice::code);
            Set<String> stepsAfter = codes(y, PathwayAdvice::steps, Advice.StepAdvice::code);
            List<String> conditions = new ArrayList<>();
            boolean status = conditions(x, y, conditions);
            CaseChange change = new CaseChange(c.id(), c.name(), x == null ? null : x.outcome().name(),
                    y == null ? null : y.outcome().name(), points(x), points(y), minus(docsAfter, docsBefore),
                    minus(docsBefore, docsAfter), minus(stepsAfter, stepsBefore), minus(stepsBefore, stepsAfter),
                    conditions, status);
            if (change.changed()) {
                result.add(new Keyed(code, change));
            }
        }
        return result;
    }

    private static <T> Set<String> codes(PathwayAdvice p, java.util.function.Function<PathwayAdvice, List<T>> items,
                                         java.util.function.Function<T, String> code) {
        Set<String> codes = new LinkedHashSet<>();
        if (p != null) {
            items.apply(p).forEach(item -> codes.add(code.apply(item)));
        }
        return codes;
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private static Integer points(PathwayAdvice p) {
        return p == null || p.points() == null ? null : p.points().total();
    }

    /**
     * What changed in the conditions: status, required and actual amounts; conditions checked by one side only.
     * Returns whether a status changed (or a condition is checked by one side only).
     */
    private static boolean conditions(PathwayAdvice x, PathwayAdvice y, List<String> result) {
        boolean status = false;
        Map<String, Condition> a = new LinkedHashMap<>();
        if (x != null) {
            x.conditions().forEach(c -> a.putIfAbsent(c.code(), c));
        }
        Map<String, Condition> b = new LinkedHashMap<>();
        if (y != null) {
            y.conditions().forEach(c -> b.putIfAbsent(c.code(), c));
        }
        Set<String> codes = new LinkedHashSet<>(a.keySet());
        codes.addAll(b.keySet());
        for (String code : codes) {
            Condition p = a.get(code);
            Condition q = b.get(code);
            if (p == null || q == null) {
                result.add(p == null ? code + ": + " + q.status() : code + ": − (" + p.status() + ")");
                status = true;
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (!Objects.equals(p.status(), q.status())) {
                parts.add(p.status() + " → " + q.status());
                status = true;
            }
            if (!same(p.required(), q.required())) {
                parts.add("required " + plain(p.required()) + " → " + plain(q.required()));
            }
            if (!same(p.actual(), q.actual())) {
                parts.add("actual " + plain(p.actual()) + " → " + plain(q.actual()));
            }
            if (!parts.isEmpty()) {
                result.add(code + ": " + String.join(", ", parts));
            }
        }
        return status;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static PathwayImpact group(String pathway, List<CaseChange> changes) {
        Map<String, Integer> transitions = new LinkedHashMap<>();
        changes.stream().filter(CaseChange::outcomeChanged)
                .collect(Collectors.groupingBy(c -> dash(c.outcomeFrom()) + " → " + dash(c.outcomeTo()), Collectors.counting()))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> transitions.put(e.getKey(), e.getValue().intValue()));
        int outcomes = (int) changes.stream().filter(CaseChange::outcomeChanged).count();
        int points = (int) changes.stream().filter(CaseChange::pointsChanged).count();
        int documents = (int) changes.stream().filter(CaseChange::documentsChanged).count();
        int conditions = (int) changes.stream().filter(CaseChange::conditionStatus).count();
        int steps = (int) changes.stream().filter(CaseChange::stepsChanged).count();
        return new PathwayImpact(pathway, changes.size(), transitions, outcomes, points, documents, conditions, steps,
                List.copyOf(changes));
    }

    static String dash(String outcome) {
        return outcome == null ? "—" : outcome;
    }

    private static Unassessable unassessable(List<SampleCase> cases) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (SampleCase c : cases) {
            String text = c.request().path("assessmentDate").asText(null);
            if (text != null) {
                try {
                    dates.add(LocalDate.parse(text));
                } catch (RuntimeException ignored) {
                    // an unreadable date is rejected, never unassessable
                }
            }
        }
        return new Unassessable(cases.size(), dates.isEmpty() ? null : dates.first(), dates.isEmpty() ? null : dates.last());
    }
}
