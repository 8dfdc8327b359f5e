package de.lotse.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import de.lotse.decision.Advice;
import de.lotse.decision.Advice.Condition;
import de.lotse.decision.Advice.PathwayAdvice;
import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.CaseFacts;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionService;
import de.lotse.decision.Language;
import de.lotse.decision.RuleBook;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks scenarios against a knowledge base, without Spring: the same request reading, validation, decision and
 * advice as the service. Every difference from the expectation is reported in words a legal expert can act on.
 */
public final class ScenarioChecker {

    private static final Set<String> KEYS = Set.of("recommendedPathway", "outcomes", "conditions", "missingFacts", "steps",
            "documents", "absentDocuments", "approval", "points", "recognition", "textContains", "error");
    private static final Set<String> RECOGNITION_KEYS = Set.of("required", "regulatedProfession",
            "competentAuthorityContains", "documents", "steps", "textContains");

    private final CaseReader reader = CaseReader.standalone();
    private final DecisionService decisions;

    public ScenarioChecker(RuleBook rules) {
        this.decisions = new DecisionService(() -> rules, new AdviceAssembler(), Clock.system(ZoneId.of("Europe/Berlin")));
    }

    /** Reads a request exactly as the API does; a request with invalid fields is an IllegalArgumentException. */
    public CaseFacts read(JsonNode request) {
        CaseReader.Read read = reader.read(request);
        if (read.facts() == null) {
            throw new IllegalArgumentException("invalid request: " + read.problems());
        }
        return read.facts();
    }

    public List<ScenarioResult> check(List<Scenario> scenarios) {
        return scenarios.stream().map(this::check).toList();
    }

    public ScenarioResult check(Scenario scenario) {
        List<Difference> mismatches = new ArrayList<>();
        JsonNode expect = scenario.expect();
        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                mismatches.add(Difference.note(null, key, "unknown expectation '" + key + "' (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")"));
            }
        }
        if (expect.path("recognition").isObject()) {
            for (Iterator<String> it = expect.get("recognition").fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!RECOGNITION_KEYS.contains(key)) {
                    mismatches.add(Difference.note(null, "recognition." + key, "unknown expectation 'recognition." + key
                            + "' (known: " + String.join(", ", RECOGNITION_KEYS.stream().sorted().toList()) + ")"));
                }
            }
        }
        List<String> fieldErrors = List.of();
        String outOfWindow = null;
        Advice advice = null;
        DecisionService.Attempt attempt = decisions.attempt(reader, scenario.request());
        if (attempt instanceof DecisionService.Answered answered) {
            advice = answered.advice();
        } else if (attempt instanceof DecisionService.Refused refused) {
            fieldErrors = refused.fields();
            outOfWindow = refused.outOfWindow() == null ? null : refused.outOfWindow().getMessage();
        }
        if (expect.has("error")) {
            String field = expect.get("error").path("field").asText();
            if (advice != null) {
                mismatches.add(Difference.of(null, "error", "rejected for '" + field + "'", "answered"));
            } else if (!fieldErrors.contains(field)) {
                mismatches.add(Difference.of(null, "error", "rejected for '" + field + "'", "rejected for " + fieldErrors));
            }
            return new ScenarioResult(scenario, mismatches, advice);
        }
        if (advice == null) {
            String why = "invalid " + fieldErrors + (outOfWindow == null ? "" : " (" + outOfWindow + ")");
            mismatches.add(Difference.of(null, "request", "an answer", "rejected: " + why));
            return new ScenarioResult(scenario, mismatches, null);
        }
        compare(advice, expect, mismatches);
        unfilledTexts(advice, mismatches);
        try {
            CaseFacts other = read(scenario.request());
            other.setLanguage(advice.language() == Language.en ? Language.de : Language.en);
            unfilledTexts(decisions.decide(other), mismatches);
        } catch (Exception e) {
            mismatches.add(Difference.note(null, "text", "the same case in the other language fails: " + e));
        }
        return new ScenarioResult(scenario, mismatches, advice);
    }

    private static final java.util.regex.Pattern UNFILLED = java.util.regex.Pattern.compile("\\{[A-Za-z0-9_]+}");

    /** A text of an advice, where it stands ("condition SALARY_THRESHOLD") and the pathway it belongs to, if any. */
    private record Text(String pathway, String where, String text) {
    }

    /** Every text of an advice must be complete: no placeholder left, no raw text key. */
    private static void unfilledTexts(Advice advice, List<Difference> out) {
        List<Text> texts = new ArrayList<>();
        for (PathwayAdvice p : advice.pathways()) {
            p.conditions().forEach(c -> texts.add(new Text(p.code(), "condition " + c.code(), c.text())));
            p.steps().forEach(s -> texts.add(new Text(p.code(), "step " + s.code(), s.text())));
            p.notes().forEach(n -> texts.add(new Text(p.code(), "note", n)));
        }
        if (advice.recognition() != null) {
            advice.recognition().steps().forEach(s -> texts.add(new Text(null, "recognition step " + s.code(), s.text())));
            texts.add(new Text(null, "recognition authority", advice.recognition().competentAuthority()));
            texts.add(new Text(null, "recognition reason", advice.recognition().reason()));
            advice.recognition().notes().forEach(n -> texts.add(new Text(null, "recognition note", n)));
        }
        texts.add(new Text(null, "disclaimer", advice.disclaimer()));
        for (Text t : texts) {
            String body = String.valueOf(t.text());
            if (UNFILLED.matcher(body).find() || body.matches("(condition|step|note|authority|recognition|qualification)\\.[A-Za-z0-9_.-]+")) {
                out.add(Difference.note(t.pathway(), "text", "incomplete text (" + advice.language() + ") — " + t.where() + ": " + body));
            }
        }
    }

    private void compare(Advice advice, JsonNode expect, List<Difference> out) {
        Map<String, PathwayAdvice> pathways = new LinkedHashMap<>();
        advice.pathways().forEach(p -> pathways.put(p.code(), p));
        if (expect.has("recommendedPathway")) {
            JsonNode want = expect.get("recommendedPathway");
            String expected = want.isNull() ? null : want.asText();
            if (!java.util.Objects.equals(expected, advice.recommendedPathway())) {
                out.add(Difference.of(null, "recommendedPathway", expected, advice.recommendedPathway()));
            }
        }
        each(expect, "outcomes", pathways, out, (p, want) -> {
            if (!p.outcome().name().equals(want.asText())) {
                out.add(Difference.of(p.code(), "outcomes", want.asText(), p.outcome() + explain(p)));
            }
        });
        each(expect, "conditions", pathways, out, (p, want) -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                List<Condition> found = p.conditions().stream().filter(x -> x.code().equals(c.getKey())).toList();
                if (found.isEmpty()) {
                    List<String> checked = p.conditions().stream().map(Condition::code).toList();
                    out.add(Difference.of(p.code(), "conditions." + c.getKey(), "checked", "not checked (checked: " + checked + ")"));
                    continue;
                }
                Condition cond = found.get(0);
                JsonNode w = c.getValue();
                if (w.has("met") && !java.util.Objects.equals(w.get("met").isNull() ? null : w.get("met").asBoolean(), cond.met())) {
                    out.add(Difference.of(p.code(), "conditions." + c.getKey() + ".met", w.get("met"),
                            cond.met() + " (" + cond.text() + ")"));
                }
                if (w.has("status") && !w.get("status").asText().equals(cond.status())) {
                    out.add(Difference.of(p.code(), "conditions." + c.getKey() + ".status", w.get("status").asText(), cond.status()));
                }
                number(p.code(), "conditions." + c.getKey() + ".required", w.get("required"), cond.required(), out);
                number(p.code(), "conditions." + c.getKey() + ".actual", w.get("actual"), cond.actual(), out);
            }
        });
        each(expect, "missingFacts", pathways, out, (p, want) -> {
            Set<String> expected = new java.util.TreeSet<>(texts(want));
            Set<String> actual = new java.util.TreeSet<>(p.missingFacts());
            if (!expected.equals(actual)) {
                out.add(Difference.of(p.code(), "missingFacts", expected, actual));
            }
        });
        each(expect, "steps", pathways, out, (p, want) -> {
            steps(p.code(), "steps", texts(want), p.steps(), out);
        });
        each(expect, "documents", pathways, out, (p, want) -> {
            List<String> actual = p.documents().stream().map(Advice.DocumentItem::code).toList();
            for (String code : texts(want)) {
                if (!actual.contains(code)) {
                    out.add(Difference.of(p.code(), "documents", code + " in the checklist", actual));
                }
            }
        });
        each(expect, "absentDocuments", pathways, out, (p, want) -> {
            List<String> actual = p.documents().stream().map(Advice.DocumentItem::code).toList();
            for (String code : texts(want)) {
                if (actual.contains(code)) {
                    out.add(Difference.of(p.code(), "absentDocuments", "no " + code, code + " in the checklist"));
                }
            }
        });
        each(expect, "approval", pathways, out, (p, want) -> {
            if (!p.federalEmploymentAgencyApproval().name().equals(want.asText())) {
                out.add(Difference.of(p.code(), "approval", want.asText(), p.federalEmploymentAgencyApproval()));
            }
        });
        each(expect, "points", pathways, out, (p, want) -> {
            if (p.points() == null) {
                out.add(Difference.of(p.code(), "points", "a points table", "none"));
                return;
            }
            if (want.has("total") && want.get("total").asInt() != p.points().total()) {
                out.add(Difference.of(p.code(), "points.total", want.get("total").asInt(),
                        p.points().total() + " " + p.points().items()));
            }
            if (want.has("required") && want.get("required").asInt() != p.points().required()) {
                out.add(Difference.of(p.code(), "points.required", want.get("required").asInt(), p.points().required()));
            }
            if (want.has("items")) {
                Map<String, Integer> actual = new java.util.TreeMap<>();
                p.points().items().forEach(i -> actual.put(i.criterion(), i.points()));
                Map<String, Integer> expected = new java.util.TreeMap<>();
                want.get("items").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
                if (!expected.equals(actual)) {
                    out.add(Difference.of(p.code(), "points.items", expected, actual));
                }
            }
        });
        each(expect, "textContains", pathways, out, (p, want) -> {
            StringBuilder all = new StringBuilder();
            p.conditions().forEach(c -> all.append(c.text()).append('\n'));
            p.steps().forEach(s -> all.append(s.text()).append('\n'));
            p.notes().forEach(n -> all.append(n).append('\n'));
            p.documents().forEach(d -> all.append(d.title()).append('\n'));
            for (String text : texts(want)) {
                if (!all.toString().contains(text)) {
                    out.add(Difference.note(p.code(), "textContains", "textContains: expected a text containing \"" + text + "\""));
                }
            }
        });
        if (expect.has("recognition")) {
            JsonNode want = expect.get("recognition");
            Advice.Recognition r = advice.recognition();
            if (r == null) {
                out.add(Difference.of(null, "recognition", "a recognition block", "none"));
            } else {
                bool("recognition.required", want.get("required"), r.required(), out);
                bool("recognition.regulatedProfession", want.get("regulatedProfession"), r.regulatedProfession(), out);
                if (want.has("competentAuthorityContains") && (r.competentAuthority() == null
                        || !r.competentAuthority().contains(want.get("competentAuthorityContains").asText()))) {
                    out.add(Difference.of(null, "recognition.competentAuthorityContains",
                            "\"" + want.get("competentAuthorityContains").asText() + "\" in it", "\"" + r.competentAuthority() + "\""));
                }
                if (want.has("documents")) {
                    List<String> actual = r.documents().stream().map(Advice.DocumentItem::code).toList();
                    texts(want.get("documents")).stream().filter(d -> !actual.contains(d))
                            .forEach(d -> out.add(Difference.of(null, "recognition.documents", d, actual)));
                }
                if (want.has("steps")) {
                    steps(null, "recognition.steps", texts(want.get("steps")), r.steps(), out);
                }
                if (want.has("textContains")) {
                    StringBuilder all = new StringBuilder(String.valueOf(r.reason())).append('\n');
                    r.steps().forEach(s -> all.append(s.text()).append('\n'));
                    r.notes().forEach(n -> all.append(n).append('\n'));
                    texts(want.get("textContains")).stream().filter(text -> !all.toString().contains(text))
                            .forEach(text -> out.add(Difference.note(null, "recognition.textContains",
                                    "recognition.textContains: expected a text containing \"" + text + "\"")));
                }
            }
        }
    }

    private static String explain(PathwayAdvice p) {
        List<String> reasons = new ArrayList<>();
        p.conditions().stream().filter(c -> !"MET".equals(c.status())).forEach(c -> reasons.add(c.code() + " " + c.status()));
        return reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")";
    }

    private interface Check {
        void apply(PathwayAdvice pathway, JsonNode expected);
    }

    private static void each(JsonNode expect, String key, Map<String, PathwayAdvice> pathways, List<Difference> out, Check check) {
        if (!expect.has(key)) {
            return;
        }
        expect.get(key).fields().forEachRemaining(e -> {
            PathwayAdvice p = pathways.get(e.getKey());
            if (p == null) {
                out.add(Difference.note(e.getKey(), key, key + ": the pathway is not in the advice"));
            } else {
                check.apply(p, e.getValue());
            }
        });
    }

    private static void number(String pathway, String expectation, JsonNode expected, BigDecimal actual, List<Difference> out) {
        if (expected == null) {
            return;
        }
        if (expected.isNull() ? actual != null : actual == null || expected.decimalValue().compareTo(actual) != 0) {
            out.add(Difference.of(pathway, expectation, expected, actual == null ? null : actual.toPlainString()));
        }
    }

    private static void bool(String what, JsonNode expected, Boolean actual, List<Difference> out) {
        if (expected != null && !java.util.Objects.equals(expected.isNull() ? null : expected.asBoolean(), actual)) {
            out.add(Difference.of(null, what, expected, actual));
        }
    }

    /** Steps of a pathway or of the recognition block: in this order; an empty list expects no step at all. */
    private static void steps(String pathway, String expectation, List<String> expected, List<Advice.StepAdvice> steps,
                              List<Difference> out) {
        List<String> actual = steps.stream().map(Advice.StepAdvice::code).toList();
        if (expected.isEmpty() ? !actual.isEmpty() : !inOrder(expected, actual)) {
            out.add(Difference.of(pathway, expectation, expected.isEmpty() ? "none" : expected + " in this order", actual));
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(n -> result.add(n.asText()));
        return result;
    }

    /** True if {@code expected} appears in {@code actual} in the same relative order. */
    static boolean inOrder(List<String> expected, List<String> actual) {
        int at = 0;
        for (String code : expected) {
            int found = actual.subList(Math.min(at, actual.size()), actual.size()).indexOf(code);
            if (found < 0) {
                return false;
            }
            at += found + 1;
        }
        return true;
    }

}
