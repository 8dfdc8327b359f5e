package de.lotse.web;

import de.lotse.decision.Advice;
import de.lotse.decision.Advice.Condition;
import de.lotse.decision.Advice.DocumentItem;
import de.lotse.decision.Advice.PathwayAdvice;
import de.lotse.decision.Advice.StepAdvice;
import de.lotse.decision.ApprovalStatus;
import de.lotse.decision.Catalogue;
import de.lotse.decision.Language;
import de.lotse.decision.Outcome;
import de.lotse.decision.Texts;
import de.lotse.web.ResultView.ComparisonView;
import de.lotse.web.ResultView.ConditionView;
import de.lotse.web.ResultView.DocumentView;
import de.lotse.web.ResultView.GapView;
import de.lotse.web.ResultView.InputChange;
import de.lotse.web.ResultView.OutcomeChange;
import de.lotse.web.ResultView.PathwayView;
import de.lotse.web.ResultView.PointsChange;
import de.lotse.web.ResultView.PointsRow;
import de.lotse.web.ResultView.PointsView;
import de.lotse.web.ResultView.RecognitionView;
import de.lotse.web.ResultView.TraceView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns an advice (and the previous variant's) into what the result page and the protocol show. */
@Component
public class AdviceViews {

    private final MessageSource messages;
    private final CaseFormMapper mapper;

    public AdviceViews(MessageSource messages, CaseFormMapper mapper) {
        this.messages = messages;
        this.mapper = mapper;
    }

    public ResultView result(FormAdvisor.Advised advised, boolean jobOfferDetailsIgnored, Locale locale) {
        Advice advice = advised.advice();
        Language language = Languages.of(locale);
        Catalogue catalogue = advised.catalogue(); // the version that computed the advice, even after a reload
        LawLinks links = LawLinks.of(catalogue);
        String date = Texts.render(advice.assessmentDate(), language);
        List<PathwayView> open = new ArrayList<>();
        List<PathwayView> closed = new ArrayList<>();
        PathwayView recommended = null;
        for (PathwayAdvice p : advice.pathways()) {
            PathwayView view = pathway(p, Objects.equals(p.code(), advice.recommendedPathway()), date, language, locale,
                    links, catalogue);
            (p.outcome() == Outcome.NOT_ELIGIBLE ? closed : open).add(view);
            if (view.recommended()) {
                recommended = view;
            }
        }
        ComparisonView comparison = advised.previous()
                .map(previous -> compare(previous, advised, catalogue, locale)).orElse(null);
        List<TraceView> trace = advice.trace().stream()
                .map(t -> new TraceView(t.rule(), links.parts(t.legalBasis()))).toList();
        String version = advice.rulesVersion();
        String shortVersion = version != null && version.length() > 19 ? version.substring(0, 19) + "…" : version;
        return new ResultView(date, version, shortVersion, advice.caseReference(), recommended,
                open, closed, recognition(advice.recognition(), language, locale, links),
                List.copyOf(mapper.describe(advised.request(), catalogue, locale, false).values()), comparison,
                advice.disclaimer(), jobOfferDetailsIgnored, trace);
    }

    private PathwayView pathway(PathwayAdvice p, boolean recommended, String date, Language language, Locale locale,
                                LawLinks links, Catalogue catalogue) {
        List<ConditionView> conditions = p.conditions().stream()
                .map(c -> condition(c, date, language, locale, links)).toList();
        List<String> missing = p.missingFacts().stream()
                .map(path -> FormFields.forProblem(path).map(f -> message(f.labelKey(), locale)).orElse(path))
                .distinct().toList();
        String approval = null;
        if (p.federalEmploymentAgencyApproval() == ApprovalStatus.REQUIRED) {
            approval = message(Boolean.TRUE.equals(p.federalEmploymentAgencyPriorityCheck())
                    ? "approval.REQUIRED.priorityCheck" : "approval.REQUIRED", locale);
        } else if (p.federalEmploymentAgencyApproval() == ApprovalStatus.NOT_REQUIRED) {
            approval = message("approval.NOT_REQUIRED", locale);
        }
        PointsView points = null;
        if (p.points() != null) {
            List<PointsRow> rows = p.points().items().stream()
                    .map(i -> new PointsRow(criterion(i.criterion(), language, catalogue), i.points(),
                            links.parts(i.legalBasis())))
                    .toList();
            points = new PointsView(p.points().total(), p.points().required(),
                    p.points().total() >= p.points().required(), rows);
        }
        return new PathwayView(p.code(), p.title(), p.outcome().name(), message("outcome." + p.outcome().name(), locale),
                badge(p.outcome()), recommended, links.parts(p.legalBasis()), conditions, missing,
                p.steps().stream().map(StepAdvice::text).toList(), approval,
                documents(p.code(), p.documents()), points, p.notes());
    }

    private ConditionView condition(Condition c, String date, Language language, Locale locale, LawLinks links) {
        String status = c.status();
        GapView gap = null;
        if (c.required() != null && c.actual() != null) {
            String difference = "UNMET".equals(status)
                    ? Texts.render(c.required().subtract(c.actual()).abs(), language) : null;
            gap = new GapView(Texts.render(c.required(), language), Texts.render(c.actual(), language), difference, date);
        }
        return new ConditionView(c.code(), status, message("condition.status." + status, locale), c.text(),
                links.parts(c.legalBasis()), gap);
    }

    private List<DocumentView> documents(String owner, List<DocumentItem> documents) {
        return documents.stream()
                .map(d -> new DocumentView("doc-" + owner + "-" + d.code(), d.title(), d.required(), d.note()))
                .toList();
    }

    private RecognitionView recognition(Advice.Recognition r, Language language, Locale locale, LawLinks links) {
        if (r == null) {
            return null;
        }
        return new RecognitionView(yesNo(r.required(), locale), yesNo(r.regulatedProfession(), locale),
                links.parts(r.legalBasis()), r.competentAuthority(), r.reason(),
                r.steps().stream().map(StepAdvice::text).toList(), documents("RECOGNITION", r.documents()), r.notes());
    }

    /** The title of a points criterion from rules/texts ("points.&lt;CODE&gt;"; the loader makes sure it is there). */
    private static String criterion(String code, Language language, Catalogue catalogue) {
        return catalogue.texts().format("points." + code, language, Map.of()).orElse(code);
    }

    private ComparisonView compare(FormAdvisor.Variant previous, FormAdvisor.Advised current, Catalogue catalogue,
                                   Locale locale) {
        Map<String, CaseFormMapper.Entry> before = mapper.describe(previous.request(), catalogue, locale, true);
        Map<String, CaseFormMapper.Entry> after = mapper.describe(current.request(), catalogue, locale, true);
        List<InputChange> inputs = new ArrayList<>();
        after.forEach((path, entry) -> {
            CaseFormMapper.Entry old = before.get(path);
            if (old != null && !old.value().equals(entry.value())) {
                inputs.add(new InputChange(entry.label(), old.value(), entry.value()));
            }
        });
        Map<String, PathwayAdvice> old = new LinkedHashMap<>();
        previous.advice().pathways().forEach(p -> old.put(p.code(), p));
        List<OutcomeChange> outcomes = new ArrayList<>();
        List<PointsChange> points = new ArrayList<>();
        String notAssessed = message("outcome.notAssessed", locale);
        for (PathwayAdvice p : current.advice().pathways()) {
            PathwayAdvice o = old.remove(p.code());
            outcomes.add(new OutcomeChange(p.code(), p.title(),
                    o == null ? notAssessed : message("outcome." + o.outcome().name(), locale),
                    o == null ? "none" : badge(o.outcome()), message("outcome." + p.outcome().name(), locale),
                    badge(p.outcome()), o == null || o.outcome() != p.outcome()));
            Integer pointsBefore = o == null || o.points() == null ? null : o.points().total();
            Integer pointsAfter = p.points() == null ? null : p.points().total();
            if (!Objects.equals(pointsBefore, pointsAfter)) {
                points.add(new PointsChange(p.title(), pointsBefore, pointsAfter));
            }
        }
        for (PathwayAdvice o : old.values()) {
            outcomes.add(new OutcomeChange(o.code(), o.title(), message("outcome." + o.outcome().name(), locale),
                    badge(o.outcome()), notAssessed, "none", true));
        }
        return new ComparisonView(inputs, outcomes, title(previous.advice()).orElse(null),
                title(current.advice()).orElse(null), points);
    }

    private static Optional<String> title(Advice advice) {
        return advice.pathways().stream().filter(p -> p.code().equals(advice.recommendedPathway()))
                .map(PathwayAdvice::title).findFirst();
    }

    static String badge(Outcome outcome) {
        return switch (outcome) {
            case ELIGIBLE -> "eligible";
            case ELIGIBLE_AFTER_STEPS -> "after-steps";
            case NOT_ELIGIBLE -> "not-eligible";
            case UNDETERMINED -> "undetermined";
        };
    }

    private String yesNo(Boolean value, Locale locale) {
        return message(value == null ? "value.unknown" : value ? "option.yes" : "option.no", locale);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
