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
import de.lotse.decision.Texts.Template;
import de.lotse.decision.facts.Approval;
import de.lotse.decision.facts.DocumentRequirement;
import de.lotse.decision.facts.Finding;
import de.lotse.decision.facts.FindingStatus;
import de.lotse.decision.facts.Note;
import de.lotse.decision.facts.PointsAward;
import de.lotse.decision.facts.RecognitionAdvice;
import de.lotse.decision.facts.RuleOutput;
import de.lotse.decision.facts.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * Builds an advice from the findings the rules recorded. The outcome semantics of decision-api.md live here:
 * an unmet condition no step can fix → NOT_ELIGIBLE; else an unknown one → UNDETERMINED; else an unmet one that a
 * step fixes → ELIGIBLE_AFTER_STEPS; else ELIGIBLE. Pathways are ranked by outcome, then by the order of
 * rules/catalogues/pathways.yaml.
 *
 * <p>An advice is assembled for every decision, so this stays cheap: the text keys are resolved by the catalogue at
 * load time, the outputs are grouped by type once, and every list is ordered by ranks looked up once per item.
 */
@Component
public class AdviceAssembler {

    private static final List<Outcome> OUTCOME_RANK = List.of(
            Outcome.ELIGIBLE, Outcome.ELIGIBLE_AFTER_STEPS, Outcome.UNDETERMINED, Outcome.NOT_ELIGIBLE);

    public Advice assemble(CaseFacts facts, LocalDate date, Evaluation evaluation, RuleBook rules) {
        Catalogue catalogue = rules.catalogue();
        Language language = facts.getLanguage();
        Map<String, Outputs> byPathway = new HashMap<>();
        for (RuleOutput output : evaluation.outputs()) {
            byPathway.computeIfAbsent(output.getPathway(), k -> new Outputs()).add(output);
        }
        Context context = new Context(catalogue, language, date);

        List<PathwayAdvice> pathways = new ArrayList<>();
        for (PathwayInfo info : catalogue.pathways()) {
            if (info.goals().contains(facts.getGoal())) {
                pathways.add(pathway(info, byPathway.computeIfAbsent(info.code(), k -> new Outputs()), context));
            }
        }
        pathways.sort(Comparator.comparingInt((PathwayAdvice p) -> OUTCOME_RANK.indexOf(p.outcome()))
                .thenComparingInt(p -> catalogue.pathwayRank(p.code())));
        String recommended = pathways.stream()
                .filter(p -> p.outcome() == Outcome.ELIGIBLE || p.outcome() == Outcome.ELIGIBLE_AFTER_STEPS)
                .map(PathwayAdvice::code).findFirst().orElse(null);

        return new Advice(UUID.randomUUID().toString(), facts.getCaseReference(), date, rules.version(), language,
                recommended, List.copyOf(pathways),
                recognition(byPathway.computeIfAbsent(RecognitionAdvice.PATHWAY, k -> new Outputs()), context),
                evaluation.trace(), context.text("disclaimer", Map.of("date", date)));
    }

    private PathwayAdvice pathway(PathwayInfo info, Outputs outputs, Context context) {
        List<Finding> findings = outputs.findings;
        Outcome outcome = outcome(findings);
        List<Condition> conditions = sortedByRank(findings, f -> context.catalogue.conditionRank(f.getCondition()))
                .stream()
                .map(f -> condition(info.code(), f, context))
                .toList();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        findings.stream().filter(f -> f.getStatus() == FindingStatus.UNKNOWN).forEach(f -> missing.addAll(f.getMissingFacts()));

        List<String> notes = new ArrayList<>();
        if (findings.isEmpty()) {
            notes.add(context.text("pathway.notAssessed", Map.of()));
        }
        for (Note note : outputs.notes) {
            notes.add(context.text(note.getKey(), note.getArgs()));
        }
        ApprovalStatus approval = ApprovalStatus.NOT_APPLICABLE;
        Boolean priorityCheck = null;
        for (Approval a : outputs.approvals) {
            if (approval != ApprovalStatus.REQUIRED) {
                approval = a.getStatus();
                priorityCheck = a.getStatus() == ApprovalStatus.REQUIRED ? a.isPriorityCheck() : null;
            } else if (a.getStatus() == ApprovalStatus.REQUIRED && a.isPriorityCheck()) {
                priorityCheck = true;
            }
        }
        return new PathwayAdvice(info.code(), info.title().in(context.language), info.legalBasis(), info.url(), outcome,
                conditions, List.copyOf(missing), steps(info.code(), outputs, outcome, context), approval,
                priorityCheck, documents(outputs.documents, context), points(outputs), List.copyOf(notes));
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
        String status = f.getStatus().name();
        String key = context.texts.has(f.getTextKey()) ? f.getTextKey()
                : context.catalogue.conditionTextKey(pathway, f.getCondition(), f.getStatus());
        String text = key != null
                ? context.format(key, new TextArgs(f.getArgs(), f.getRequired(), f.getActual(), context.date))
                : context.conditionTitle(f.getCondition()) + " (" + status + ")";
        Boolean met = f.getStatus() == FindingStatus.UNKNOWN ? null : f.getStatus() == FindingStatus.MET;
        return new Condition(f.getCondition(), met, status, text, f.getLegalBasis(), f.getRequired(), f.getActual());
    }

    /**
     * Steps of a pathway, once per code, in the order of steps.yaml. A pathway that no step can open
     * (NOT_ELIGIBLE) gets no steps.
     */
    private List<StepAdvice> steps(String pathway, Outputs outputs, Outcome outcome, Context context) {
        if (outcome == Outcome.NOT_ELIGIBLE) {
            return List.of();
        }
        Map<String, StepAdvice> byCode = new HashMap<>();
        Map<String, Boolean> specific = new HashMap<>();
        for (Finding f : outputs.findings) {
            if (f.getRemedy() != null && f.getStatus() != FindingStatus.MET) {
                offer(byCode, specific, f.getRemedy(), f.getRequired() != null || !f.getArgs().isEmpty(),
                        () -> stepText(pathway, f.getRemedy(), null,
                                new TextArgs(f.getArgs(), f.getRequired(), f.getActual(), context.date), context));
            }
        }
        for (Step s : outputs.steps) {
            offer(byCode, specific, s.getCode(), s.getRequired() != null || !s.getArgs().isEmpty() || s.getTextKey() != null,
                    () -> stepText(pathway, s.getCode(), s.getTextKey(), stepArgs(s, context), context));
        }
        return List.copyOf(sortedByRank(byCode.values(), s -> context.catalogue.stepRank(s.code())));
    }

    private static void offer(Map<String, StepAdvice> byCode, Map<String, Boolean> specific, String code, boolean isSpecific,
                              java.util.function.Supplier<StepAdvice> step) {
        if (!byCode.containsKey(code) || (isSpecific && !specific.get(code))) {
            byCode.put(code, step.get());
            specific.put(code, isSpecific);
        }
    }

    /**
     * The text of a step: the first of the rule's own text and the catalogue's step texts for the pathway whose
     * placeholders the arguments can all fill; else the first of them; else the step's title.
     */
    private StepAdvice stepText(String pathway, String code, String textKey, Map<String, Object> args, Context context) {
        List<Template> candidates = new ArrayList<>(5);
        Template own = context.texts.template(textKey, context.language);
        if (own != null) {
            candidates.add(own);
        }
        for (String key : context.catalogue.stepTextKeys(pathway, code)) {
            candidates.add(context.texts.template(key, context.language));
        }
        for (Template candidate : candidates) {
            if (candidate.canFill(args)) {
                return new StepAdvice(code, candidate.fill(context.language, args));
            }
        }
        String text = candidates.isEmpty() ? context.stepTitle(code) : candidates.get(0).fill(context.language, args);
        return new StepAdvice(code, text);
    }

    private static Map<String, Object> stepArgs(Step s, Context context) {
        return new TextArgs(s.getArgs(), s.getRequired(), null, context.date);
    }

    /**
     * The checklist: one entry per document code, in the order of documents.yaml (codes it does not know last, in
     * the order the rules recorded them); several requirements of one code are merged ({@link #preferred}).
     */
    private List<DocumentItem> documents(List<DocumentRequirement> requirements, Context context) {
        List<DocumentInfo> catalogued = context.catalogue.documents();
        DocumentRequirement[] byRank = new DocumentRequirement[catalogued.size()];
        Map<String, DocumentRequirement> unknown = new LinkedHashMap<>();
        for (DocumentRequirement d : requirements) {
            int rank = context.catalogue.documentRank(d.getCode());
            if (rank < byRank.length) {
                byRank[rank] = preferred(byRank[rank], d);
            } else {
                unknown.put(d.getCode(), preferred(unknown.get(d.getCode()), d));
            }
        }
        List<DocumentItem> items = new ArrayList<>();
        for (int rank = 0; rank < byRank.length; rank++) {
            if (byRank[rank] != null) {
                items.add(document(byRank[rank], catalogued.get(rank), context));
            }
        }
        for (DocumentRequirement d : unknown.values()) {
            items.add(document(d, null, context));
        }
        return List.copyOf(items);
    }

    /**
     * Two rules asking for one document: it is required if either requires it (a required document never becomes
     * optional because another rule mentions it too), with the first note any of them gives.
     */
    private static DocumentRequirement preferred(DocumentRequirement known, DocumentRequirement d) {
        if (known == null) {
            return d;
        }
        boolean required = known.isRequired() || d.isRequired();
        String note = known.getNoteKey() != null ? known.getNoteKey() : d.getNoteKey();
        if (known.isRequired() == required && Objects.equals(known.getNoteKey(), note)) {
            return known;
        }
        DocumentRequirement merged = required ? DocumentRequirement.required(known.getPathway(), known.getCode())
                : DocumentRequirement.optional(known.getPathway(), known.getCode());
        return merged.note(note);
    }

    private DocumentItem document(DocumentRequirement d, DocumentInfo info, Context context) {
        String title = info != null ? info.title().in(context.language) : d.getCode();
        String note = d.getNoteKey() != null ? context.text(d.getNoteKey(), Map.of())
                : info != null && info.note() != null ? info.note().in(context.language) : null;
        return new DocumentItem(d.getCode(), title, d.isRequired(), note);
    }

    private static Points points(Outputs outputs) {
        Finding requirement = null;
        for (Finding f : outputs.findings) {
            if ("POINTS".equals(f.getCondition())) {
                requirement = f;
                break;
            }
        }
        if (requirement == null) {
            return null;
        }
        List<PointsAward> awards = outputs.awards;
        List<PointsItem> items = awards.stream()
                .map(a -> new PointsItem(a.getCriterion(), a.getPoints(), a.getLegalBasis())).toList();
        int total = awards.stream().mapToInt(PointsAward::getPoints).sum();
        int required = requirement.getRequired() == null ? 0 : requirement.getRequired().intValue();
        return new Points(total, required, items);
    }

    private Recognition recognition(Outputs outputs, Context context) {
        if (outputs.recognitions.isEmpty()) {
            return null;
        }
        RecognitionAdvice r = outputs.recognitions.get(0);
        List<StepAdvice> steps = sortedByRank(outputs.steps, s -> context.catalogue.stepRank(s.getCode())).stream()
                .map(s -> stepText(RecognitionAdvice.PATHWAY, s.getCode(), s.getTextKey(), stepArgs(s, context), context))
                .distinct().toList();
        return new Recognition(r.getRequired(), r.getRegulated(), List.copyOf(r.getLegalBasis()),
                r.getAuthorityKey() == null ? null : context.text(r.getAuthorityKey(), r.getArgs()),
                r.getReasonKey() == null ? null : context.text(r.getReasonKey(), r.getArgs()),
                steps, documents(outputs.documents, context),
                outputs.notes.stream().map(n -> context.text(n.getKey(), n.getArgs())).toList());
    }

    /** The items ordered by rank, equal ranks in their given order; the rank of each item is looked up once. */
    static <T> List<T> sortedByRank(Collection<T> items, ToIntFunction<T> rank) {
        List<T> list = new ArrayList<>(items);
        // A number per item with its rank in the upper and its position in the lower 32 bits: sorting the numbers
        // orders by rank, then by position.
        long[] keys = new long[list.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (long) rank.applyAsInt(list.get(i)) << 32 | i;
        }
        Arrays.sort(keys);
        List<T> sorted = new ArrayList<>(keys.length);
        for (long key : keys) {
            sorted.add(list.get((int) key));
        }
        return sorted;
    }

    /** The outputs of one pathway by type, each list in the order the rules recorded them. */
    private static final class Outputs {
        final List<Finding> findings = new ArrayList<>();
        final List<Step> steps = new ArrayList<>();
        final List<DocumentRequirement> documents = new ArrayList<>();
        final List<Note> notes = new ArrayList<>();
        final List<Approval> approvals = new ArrayList<>();
        final List<PointsAward> awards = new ArrayList<>();
        final List<RecognitionAdvice> recognitions = new ArrayList<>();

        void add(RuleOutput output) {
            if (output instanceof Finding f) {
                findings.add(f);
            } else if (output instanceof Step s) {
                steps.add(s);
            } else if (output instanceof DocumentRequirement d) {
                documents.add(d);
            } else if (output instanceof Note n) {
                notes.add(n);
            } else if (output instanceof Approval a) {
                approvals.add(a);
            } else if (output instanceof PointsAward p) {
                awards.add(p);
            } else if (output instanceof RecognitionAdvice r) {
                recognitions.add(r);
            }
        }
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

        /** The text of a key with the arguments and the assessment date, or the key itself if there is no such text. */
        String text(String key, Map<String, ?> args) {
            return texts.format(key, language, new TextArgs(args, null, null, date)).orElse(key);
        }

        /** The text of a key that exists. */
        String format(String key, Map<String, ?> args) {
            return texts.format(key, language, args).orElseThrow();
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
