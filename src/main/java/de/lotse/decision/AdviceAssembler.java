package de.lotse.decision;

import de.lotse.decision.Advice.Condition;
import de.lotse.decision.Advice.DocumentItem;
import de.lotse.decision.Advice.PathwayAdvice;
import de.lotse.decision.Advice.Points;
import de.lotse.decision.Advice.PointsItem;
import de.lotse.decision.Advice.Recognition;
import de.lotse.decision.Advice.StepAdvice;
import de.lotse.decision.Catalogue.DocumentInfo;
import de.lotse.decision.Catalogue.PathwayInfo;
import de.lotse.decision.facts.Approval;
import de.lotse.decision.facts.DocumentRequirement;
import de.lotse.decision.facts.Finding;
import de.lotse.decision.facts.FindingStatus;
import de.lotse.decision.facts.Note;
import de.lotse.decision.facts.PointsAward;
import de.lotse.decision.facts.RecognitionAdvice;
import de.lotse.decision.facts.RuleOutput;
import de.lotse.decision.facts.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds an advice from the findings the rules recorded. The outcome semantics of decision-api.md live here:
 * an unmet condition no step can fix → NOT_ELIGIBLE; else an unknown one → UNDETERMINED; else an unmet one that a
 * step fixes → ELIGIBLE_AFTER_STEPS; else ELIGIBLE. Pathways are ranked by outcome, then by the order of
 * rules/catalogues/pathways.yaml.
 */
@Component
public class AdviceAssembler {

    private static final List<Outcome> OUTCOME_RANK = List.of(
            Outcome.ELIGIBLE, Outcome.ELIGIBLE_AFTER_STEPS, Outcome.UNDETERMINED, Outcome.NOT_ELIGIBLE);

    public Advice assemble(CaseFacts facts, LocalDate date, Evaluation evaluation, RuleBook rules) {
        Catalogue catalogue = rules.catalogue();
        Language language = facts.getLanguage();
        Map<String, List<RuleOutput>> byPathway = new LinkedHashMap<>();
        for (RuleOutput output : evaluation.outputs()) {
            byPathway.computeIfAbsent(output.getPathway(), k -> new ArrayList<>()).add(output);
        }
        Context context = new Context(catalogue, language, date);

        List<PathwayAdvice> pathways = new ArrayList<>();
        for (PathwayInfo info : catalogue.pathways()) {
            if (info.goals().contains(facts.getGoal())) {
                pathways.add(pathway(info, byPathway.getOrDefault(info.code(), List.of()), context));
            }
        }
        pathways.sort(Comparator.comparing((PathwayAdvice p) -> OUTCOME_RANK.indexOf(p.outcome()))
                .thenComparing(p -> catalogue.pathwayRank(p.code())));
        String recommended = pathways.stream()
                .filter(p -> p.outcome() == Outcome.ELIGIBLE || p.outcome() == Outcome.ELIGIBLE_AFTER_STEPS)
                .map(PathwayAdvice::code).findFirst().orElse(null);

        return new Advice(UUID.randomUUID().toString(), facts.getCaseReference(), date, rules.version(), language,
                recommended, List.copyOf(pathways),
                recognition(byPathway.getOrDefault(RecognitionAdvice.PATHWAY, List.of()), context),
                evaluation.trace(), context.text("disclaimer", Map.of("date", date)));
    }

    private PathwayAdvice pathway(PathwayInfo info, List<RuleOutput> outputs, Context context) {
        List<Finding> findings = only(outputs, Finding.class);
        Outcome outcome = outcome(findings);
        List<Condition> conditions = findings.stream()
                .sorted(Comparator.comparing(f -> context.catalogue.conditionRank(f.getCondition())))
                .map(f -> condition(info.code(), f, context))
                .toList();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        findings.stream().filter(f -> f.getStatus() == FindingStatus.UNKNOWN).forEach(f -> missing.addAll(f.getMissingFacts()));

        List<String> notes = new ArrayList<>();
        if (findings.isEmpty()) {
            notes.add(context.text("pathway.notAssessed", Map.of()));
        }
        for (Note note : only(outputs, Note.class)) {
            notes.add(context.text(note.getKey(), note.getArgs()));
        }
        ApprovalStatus approval = ApprovalStatus.NOT_APPLICABLE;
        Boolean priorityCheck = null;
        for (Approval a : only(outputs, Approval.class)) {
            if (approval != ApprovalStatus.REQUIRED) {
                approval = a.getStatus();
                priorityCheck = a.getStatus() == ApprovalStatus.REQUIRED ? a.isPriorityCheck() : null;
            } else if (a.getStatus() == ApprovalStatus.REQUIRED && a.isPriorityCheck()) {
                priorityCheck = true;
            }
        }
        return new PathwayAdvice(info.code(), info.title().in(context.language), info.legalBasis(), info.url(), outcome,
                conditions, List.copyOf(missing), steps(info.code(), outputs, findings, outcome, context), approval,
                priorityCheck, documents(outputs, context), points(outputs, findings), List.copyOf(notes));
    }

    static Outcome outcome(List<Finding> findings) {
        if (findings.isEmpty()) {
            return Outcome.UNDETERMINED;
        }
        boolean unknown = false;
        boolean fixable = false;
        for (Finding f : findings) {
            if (f.getStatus() == FindingStatus.UNMET && f.getRemedy() == null) {
                return Outcome.NOT_ELIGIBLE;
            }
            unknown |= f.getStatus() == FindingStatus.UNKNOWN;
            fixable |= f.getStatus() == FindingStatus.UNMET;
        }
        return unknown ? Outcome.UNDETERMINED : fixable ? Outcome.ELIGIBLE_AFTER_STEPS : Outcome.ELIGIBLE;
    }

    private Condition condition(String pathway, Finding f, Context context) {
        Map<String, Object> args = args(f.getRequired(), f.getActual(), f.getArgs(), context.date);
        String status = f.getStatus().name();
        String text = context.firstText(args, f.getTextKey(),
                "condition." + pathway + "." + f.getCondition() + "." + status,
                "condition." + f.getCondition() + "." + status);
        if (text == null) {
            text = context.conditionTitle(f.getCondition()) + " (" + status + ")";
        }
        Boolean met = f.getStatus() == FindingStatus.UNKNOWN ? null : f.getStatus() == FindingStatus.MET;
        return new Condition(f.getCondition(), met, status, text, f.getLegalBasis(), f.getRequired(), f.getActual());
    }

    /**
     * Steps of a pathway, once per code, in the order of steps.yaml. A pathway that no step can open
     * (NOT_ELIGIBLE) gets no steps.
     */
    private List<StepAdvice> steps(String pathway, List<RuleOutput> outputs, List<Finding> findings, Outcome outcome,
                                   Context context) {
        if (outcome == Outcome.NOT_ELIGIBLE) {
            return List.of();
        }
        Map<String, StepAdvice> byCode = new HashMap<>();
        Map<String, Boolean> specific = new HashMap<>();
        for (Finding f : findings) {
            if (f.getRemedy() != null && f.getStatus() != FindingStatus.MET) {
                offer(byCode, specific, f.getRemedy(), f.getRequired() != null || !f.getArgs().isEmpty(),
                        () -> stepText(pathway, f.getRemedy(), null, args(f.getRequired(), f.getActual(), f.getArgs(), context.date), context));
            }
        }
        for (Step s : only(outputs, Step.class)) {
            offer(byCode, specific, s.getCode(), s.getRequired() != null || !s.getArgs().isEmpty() || s.getTextKey() != null,
                    () -> stepText(pathway, s.getCode(), s.getTextKey(), args(s.getRequired(), null, s.getArgs(), context.date), context));
        }
        return byCode.values().stream()
                .sorted(Comparator.comparing(s -> context.catalogue.stepRank(s.code())))
                .toList();
    }

    private static void offer(Map<String, StepAdvice> byCode, Map<String, Boolean> specific, String code, boolean isSpecific,
                              java.util.function.Supplier<StepAdvice> step) {
        if (!byCode.containsKey(code) || (isSpecific && !specific.get(code))) {
            byCode.put(code, step.get());
            specific.put(code, isSpecific);
        }
    }

    private StepAdvice stepText(String pathway, String code, String textKey, Map<String, Object> args, Context context) {
        String text = context.firstFilledText(args, textKey, "step." + pathway + "." + code + ".required",
                "step." + code + ".required", "step." + pathway + "." + code, "step." + code);
        return new StepAdvice(code, text != null ? text : context.stepTitle(code));
    }

    private List<DocumentItem> documents(List<RuleOutput> outputs, Context context) {
        Map<String, DocumentRequirement> byCode = new LinkedHashMap<>();
        for (DocumentRequirement d : only(outputs, DocumentRequirement.class)) {
            DocumentRequirement known = byCode.get(d.getCode());
            if (known == null || (!known.isRequired() && d.isRequired()) || (known.getNoteKey() == null && d.getNoteKey() != null)) {
                byCode.put(d.getCode(), d);
            }
        }
        return byCode.values().stream()
                .sorted(Comparator.comparing(d -> context.catalogue.documentRank(d.getCode())))
                .map(d -> document(d, context))
                .toList();
    }

    private DocumentItem document(DocumentRequirement d, Context context) {
        DocumentInfo info = context.catalogue.document(d.getCode());
        String title = info != null ? info.title().in(context.language) : d.getCode();
        String note = d.getNoteKey() != null ? context.text(d.getNoteKey(), Map.of())
                : info != null && info.note() != null ? info.note().in(context.language) : null;
        return new DocumentItem(d.getCode(), title, d.isRequired(), note);
    }

    private static Points points(List<RuleOutput> outputs, List<Finding> findings) {
        List<PointsAward> awards = only(outputs, PointsAward.class);
        Finding requirement = findings.stream().filter(f -> "POINTS".equals(f.getCondition())).findFirst().orElse(null);
        if (requirement == null) {
            return null;
        }
        List<PointsItem> items = awards.stream()
                .map(a -> new PointsItem(a.getCriterion(), a.getPoints(), a.getLegalBasis())).toList();
        int total = awards.stream().mapToInt(PointsAward::getPoints).sum();
        int required = requirement.getRequired() == null ? 0 : requirement.getRequired().intValue();
        return new Points(total, required, items);
    }

    private Recognition recognition(List<RuleOutput> outputs, Context context) {
        List<RecognitionAdvice> advice = only(outputs, RecognitionAdvice.class);
        if (advice.isEmpty()) {
            return null;
        }
        RecognitionAdvice r = advice.get(0);
        List<StepAdvice> steps = only(outputs, Step.class).stream()
                .sorted(Comparator.comparing(s -> context.catalogue.stepRank(s.getCode())))
                .map(s -> stepText(RecognitionAdvice.PATHWAY, s.getCode(), s.getTextKey(),
                        args(s.getRequired(), null, s.getArgs(), context.date), context))
                .distinct().toList();
        return new Recognition(r.getRequired(), r.getRegulated(), List.copyOf(r.getLegalBasis()),
                r.getAuthorityKey() == null ? null : context.text(r.getAuthorityKey(), r.getArgs()),
                r.getReasonKey() == null ? null : context.text(r.getReasonKey(), r.getArgs()),
                steps, documents(outputs, context));
    }

    private static Map<String, Object> args(BigDecimal required, BigDecimal actual, Map<String, Object> extra, LocalDate date) {
        Map<String, Object> args = new HashMap<>(extra);
        if (required != null) {
            args.putIfAbsent("required", required);
        }
        if (actual != null) {
            args.putIfAbsent("actual", actual);
            if (required != null) {
                args.putIfAbsent("gap", required.subtract(actual).abs());
            }
        }
        args.putIfAbsent("date", date);
        return args;
    }

    private static <T> List<T> only(List<RuleOutput> outputs, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (RuleOutput o : outputs) {
            if (type.isInstance(o)) {
                result.add(type.cast(o));
            }
        }
        return result;
    }

    /** Per-advice view of the catalogue in the requested language. */
    private static final class Context {
        final Language language;
        final LocalDate date;
        final Texts texts;
        final Catalogue catalogue;

        Context(Catalogue catalogue, Language language, LocalDate date) {
            this.catalogue = catalogue;
            this.language = language;
            this.date = date;
            this.texts = catalogue.texts();
        }

        String text(String key, Map<String, ?> args) {
            Map<String, Object> withDate = new HashMap<>(args);
            withDate.putIfAbsent("date", date);
            return texts.format(key, language, withDate).orElse(key);
        }

        String firstText(Map<String, Object> args, String... keys) {
            for (String key : keys) {
                if (key != null && texts.has(key)) {
                    return texts.format(key, language, args).orElseThrow();
                }
            }
            return null;
        }

        /** The first key that exists and whose placeholders the arguments can all fill. */
        String firstFilledText(Map<String, Object> args, String... keys) {
            for (String key : keys) {
                if (key != null && texts.has(key) && texts.placeholders(key, language).stream().allMatch(args::containsKey)) {
                    return texts.format(key, language, args).orElseThrow();
                }
            }
            return firstText(args, keys);
        }

        String conditionTitle(String code) {
            LocalizedText title = catalogue.conditionTitle(code);
            return title == null ? code : title.in(language);
        }

        String stepTitle(String code) {
            LocalizedText title = catalogue.stepTitle(code);
            return title == null ? code : title.in(language);
        }
    }
}
