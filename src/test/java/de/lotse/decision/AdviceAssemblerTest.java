package de.lotse.decision;

import static org.assertj.core.api.Assertions.assertThat;

import de.lotse.decision.Advice.Condition;
import de.lotse.decision.Advice.DocumentItem;
import de.lotse.decision.Advice.PathwayAdvice;
import de.lotse.decision.Advice.Points;
import de.lotse.decision.Advice.PointsItem;
import de.lotse.decision.Advice.StepAdvice;
import de.lotse.decision.Catalogue.DocumentInfo;
import de.lotse.decision.Catalogue.Entry;
import de.lotse.decision.Catalogue.PathwayInfo;
import de.lotse.decision.facts.Approval;
import de.lotse.decision.facts.DocumentRequirement;
import de.lotse.decision.facts.Finding;
import de.lotse.decision.facts.Note;
import de.lotse.decision.facts.PointsAward;
import de.lotse.decision.facts.RecognitionAdvice;
import de.lotse.decision.facts.RuleOutput;
import de.lotse.decision.facts.Step;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Assembling an advice from hand-made rule outputs and a small catalogue: ranking of pathways, conditions, steps and
 * documents; which text a condition and a step get; checklists, notes, approval, points and the recognition advice.
 */
class AdviceAssemblerTest {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 9);

    private final Catalogue catalogue = new Catalogue(
            List.of(pathway("P1", Goal.EMPLOYMENT), pathway("P2", Goal.EMPLOYMENT), pathway("P3", Goal.STUDY),
                    pathway("P4", Goal.EMPLOYMENT), pathway("P5", Goal.EMPLOYMENT)),
            List.of(entry("S1"), entry("S2"), entry("S3")),
            List.of(document("D1", null), document("D2", null), document("D3", new LocalizedText("Hinweis D3", "Note D3"))),
            List.of(entry("C_SAL"), entry("C_A"), entry("C_B"), entry("POINTS")),
            Map.of(),
            new Texts(texts()));

    private static Map<String, LocalizedText> texts() {
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        texts.put("disclaimer", new LocalizedText("Stand {date}.", "As of {date}."));
        texts.put("pathway.notAssessed", new LocalizedText("Nicht geprüft.", "Not assessed."));
        texts.put("condition.C_SAL.MET", new LocalizedText("Gehalt {actual} ab {required}.", "Salary {actual} from {required}."));
        texts.put("condition.C_SAL.UNMET", new LocalizedText("Gehalt {actual} unter {required}, fehlen {gap}.",
                "Salary {actual} below {required}, {gap} short."));
        texts.put("condition.P1.C_A.UNMET", new LocalizedText("P1: A fehlt.", "P1: A is missing."));
        texts.put("condition.C_A.UNMET", new LocalizedText("A fehlt.", "A is missing."));
        texts.put("condition.POINTS.UNMET", new LocalizedText("{actual} von {required} Punkten.", "{actual} of {required} points."));
        texts.put("custom.b", new LocalizedText("B mit {level}.", "B with {level}."));
        texts.put("step.S1.required", new LocalizedText("Gehalt auf {required} anheben ({gap} mehr).",
                "Raise the salary to {required} ({gap} more)."));
        texts.put("step.S1", new LocalizedText("Gehalt anheben.", "Raise the salary."));
        texts.put("step.P1.S2", new LocalizedText("P1: Sprache {level} nachweisen.", "P1: prove language level {level}."));
        texts.put("step.S2", new LocalizedText("Sprache nachweisen.", "Prove the language level."));
        texts.put("step.RECOGNITION.S3", new LocalizedText("Anerkennung bei {body}.", "Recognition at {body}."));
        texts.put("note.quota", new LocalizedText("Kontingent {quota} am {date}.", "Quota {quota} on {date}."));
        texts.put("note.doc", new LocalizedText("Mit Übersetzung.", "With translation."));
        texts.put("recognition.authority", new LocalizedText("Zuständig: {body}.", "Competent: {body}."));
        return texts;
    }

    @Test
    void assemblesPathwaysInOrderWithTheirTexts() {
        List<RuleOutput> outputs = new ArrayList<>();
        // P1: unknown, fixable and a custom text → UNDETERMINED
        outputs.add(Finding.unknown("P1", "C_B", "§ B", "candidate.b", "candidate.c").text("custom.b").arg("level", "B1"));
        outputs.add(Finding.unmet("P1", "C_SAL", "§ SAL").required(50700).actual(new BigDecimal("48000.5")).remedy("S1"));
        outputs.add(Finding.unmet("P1", "C_A", "§ A").remedy("S2"));
        outputs.add(Finding.unknown("P1", "C_UNKNOWN_CODE", "§ X", "candidate.c", "candidate.d"));
        outputs.add(Step.of("P1", "S2").arg("level", "B1"));
        outputs.add(Step.of("P1", "S2"));
        outputs.add(Step.of("P1", "ZZ"));
        outputs.add(DocumentRequirement.optional("P1", "D3"));
        outputs.add(DocumentRequirement.optional("P1", "DX"));
        outputs.add(DocumentRequirement.required("P1", "D1"));
        outputs.add(DocumentRequirement.required("P1", "D3"));
        outputs.add(DocumentRequirement.optional("P1", "D1").note("note.doc"));
        outputs.add(DocumentRequirement.optional("P1", "D2").note("note.doc"));
        outputs.add(DocumentRequirement.required("P1", "D2"));
        outputs.add(Note.of("P1", "note.quota").arg("quota", 25000));
        outputs.add(Note.of("P1", "note.unknown"));
        outputs.add(Approval.required("P1", "§ 39"));
        outputs.add(Approval.requiredWithPriorityCheck("P1", "§ 39 Abs. 3"));
        // P2: an unmet condition without remedy → NOT_ELIGIBLE, no steps; points
        outputs.add(Finding.unmet("P2", "C_A", "§ A"));
        outputs.add(Finding.unmet("P2", "POINTS", "§ P").required(6).actual(4).remedy("S1"));
        outputs.add(PointsAward.of("P2", "AGE", 2, "§ P Nr. 1"));
        outputs.add(PointsAward.of("P2", "LANGUAGE", 2, "§ P Nr. 2"));
        outputs.add(Step.of("P2", "S1"));
        outputs.add(Approval.notRequired("P2", "§ 39"));
        // P3 is not for this goal; P4 has no findings; P5 is eligible
        outputs.add(Finding.met("P3", "C_A", "§ A"));
        outputs.add(Finding.met("P5", "C_SAL", "§ SAL").required(50700).actual(52000));
        outputs.add(Step.of("P5", "S3").required(3));
        outputs.add(Step.of("P5", "S1").text("step.S1"));
        // recognition
        outputs.add(RecognitionAdvice.required(true).regulated(false).legalBasis("§ BQFG").authority("recognition.authority")
                .arg("body", "IHK FOSA"));
        outputs.add(Step.of(RecognitionAdvice.PATHWAY, "S3").arg("body", "IHK FOSA"));
        outputs.add(Step.of(RecognitionAdvice.PATHWAY, "S1"));
        outputs.add(Step.of(RecognitionAdvice.PATHWAY, "S3").arg("body", "IHK FOSA"));
        outputs.add(DocumentRequirement.required(RecognitionAdvice.PATHWAY, "D2"));
        outputs.add(Note.of(RecognitionAdvice.PATHWAY, "note.quota").arg("quota", 200));

        Advice advice = assemble(outputs, Language.en);

        assertThat(advice.pathways()).extracting(PathwayAdvice::code).containsExactly("P5", "P1", "P4", "P2");
        assertThat(advice.pathways()).extracting(PathwayAdvice::outcome).containsExactly(
                Outcome.ELIGIBLE, Outcome.UNDETERMINED, Outcome.UNDETERMINED, Outcome.NOT_ELIGIBLE);
        assertThat(advice.recommendedPathway()).isEqualTo("P5");
        assertThat(advice.disclaimer()).isEqualTo("As of 2026-03-09.");
        assertThat(advice.language()).isEqualTo(Language.en);
        assertThat(advice.assessmentDate()).isEqualTo(DATE);
        assertThat(advice.rulesVersion()).isEqualTo("sha256:test");

        PathwayAdvice p1 = advice.pathways().get(1);
        assertThat(p1.title()).isEqualTo("P1 en");
        assertThat(p1.conditions()).containsExactly(
                new Condition("C_SAL", false, "UNMET", "Salary 48,000.50 below 50,700, 2,699.50 short.", "§ SAL",
                        new BigDecimal("50700"), new BigDecimal("48000.5")),
                new Condition("C_A", false, "UNMET", "P1: A is missing.", "§ A", null, null),
                new Condition("C_B", null, "UNKNOWN", "B with B1.", "§ B", null, null),
                new Condition("C_UNKNOWN_CODE", null, "UNKNOWN", "C_UNKNOWN_CODE (UNKNOWN)", "§ X", null, null));
        assertThat(p1.missingFacts()).containsExactly("candidate.b", "candidate.c", "candidate.d");
        assertThat(p1.steps()).containsExactly(
                new StepAdvice("S1", "Raise the salary to 50,700 (2,699.50 more)."),
                new StepAdvice("S2", "P1: prove language level B1."),
                new StepAdvice("ZZ", "ZZ"));
        // several entries of one code are one checklist item: required if any entry requires it, with the first note
        assertThat(p1.documents()).containsExactly(
                // required by one rule, optional with a note by another: required, with the note (either order)
                new DocumentItem("D1", "D1 en", true, "With translation."),
                new DocumentItem("D2", "D2 en", true, "With translation."),
                new DocumentItem("D3", "D3 en", true, "Note D3"),
                new DocumentItem("DX", "DX", false, null));
        assertThat(p1.notes()).containsExactly("Quota 25,000 on 2026-03-09.", "note.unknown");
        assertThat(p1.federalEmploymentAgencyApproval()).isEqualTo(ApprovalStatus.REQUIRED);
        assertThat(p1.federalEmploymentAgencyPriorityCheck()).isTrue();
        assertThat(p1.points()).isNull();

        PathwayAdvice p4 = advice.pathways().get(2);
        assertThat(p4.conditions()).isEmpty();
        assertThat(p4.steps()).isEmpty();
        assertThat(p4.documents()).isEmpty();
        assertThat(p4.notes()).containsExactly("Not assessed.");
        assertThat(p4.federalEmploymentAgencyApproval()).isEqualTo(ApprovalStatus.NOT_APPLICABLE);

        PathwayAdvice p2 = advice.pathways().get(3);
        assertThat(p2.conditions()).extracting(Condition::text).containsExactly("A is missing.", "4 of 6 points.");
        assertThat(p2.steps()).isEmpty();
        assertThat(p2.points()).isEqualTo(new Points(4, 6, List.of(new PointsItem("AGE", 2, "§ P Nr. 1"),
                new PointsItem("LANGUAGE", 2, "§ P Nr. 2"))));
        assertThat(p2.federalEmploymentAgencyApproval()).isEqualTo(ApprovalStatus.NOT_REQUIRED);
        assertThat(p2.federalEmploymentAgencyPriorityCheck()).isNull();

        PathwayAdvice p5 = advice.pathways().get(0);
        assertThat(p5.conditions()).extracting(Condition::text).containsExactly("Salary 52,000 from 50,700.");
        assertThat(p5.steps()).containsExactly(new StepAdvice("S1", "Raise the salary."),
                new StepAdvice("S3", "S3 en"));

        assertThat(advice.recognition().required()).isTrue();
        assertThat(advice.recognition().regulatedProfession()).isFalse();
        assertThat(advice.recognition().legalBasis()).containsExactly("§ BQFG");
        assertThat(advice.recognition().competentAuthority()).isEqualTo("Competent: IHK FOSA.");
        assertThat(advice.recognition().reason()).isNull();
        assertThat(advice.recognition().steps()).containsExactly(new StepAdvice("S1", "Raise the salary."),
                new StepAdvice("S3", "Recognition at IHK FOSA."));
        assertThat(advice.recognition().documents()).containsExactly(new DocumentItem("D2", "D2 en", true, null));
        assertThat(advice.recognition().notes()).containsExactly("Quota 200 on 2026-03-09.");
    }

    @Test
    void writesGermanTextsAndAmounts() {
        Advice advice = assemble(List.of(
                Finding.unmet("P1", "C_SAL", "§ SAL").required(50700).actual(new BigDecimal("48000.5")).remedy("S1"),
                DocumentRequirement.required("P1", "D3")), Language.de);
        PathwayAdvice p1 = advice.pathways().get(0);
        assertThat(p1.outcome()).isEqualTo(Outcome.ELIGIBLE_AFTER_STEPS);
        assertThat(advice.recommendedPathway()).isEqualTo("P1");
        assertThat(p1.title()).isEqualTo("P1 de");
        assertThat(p1.conditions()).extracting(Condition::text)
                .containsExactly("Gehalt 48.000,50 unter 50.700, fehlen 2.699,50.");
        assertThat(p1.steps()).containsExactly(new StepAdvice("S1", "Gehalt auf 50.700 anheben (2.699,50 mehr)."));
        assertThat(p1.documents()).containsExactly(new DocumentItem("D3", "D3 de", true, "Hinweis D3"));
        assertThat(advice.disclaimer()).isEqualTo("Stand 09.03.2026.");
        assertThat(advice.recognition()).isNull();
    }

    @Test
    void aStepWithoutFiguresKeepsTheFirstTextAndOneWithFiguresReplacesIt() {
        Advice advice = assemble(List.of(
                Finding.unmet("P1", "C_A", "§ A").remedy("S1"),
                Step.of("P1", "S1"),
                Step.of("P1", "S2").arg("level", "B2"),
                Step.of("P1", "S2").arg("level", "C1")), Language.en);
        assertThat(advice.pathways().get(0).steps()).containsExactly(
                new StepAdvice("S1", "Raise the salary."),
                new StepAdvice("S2", "P1: prove language level B2."));
    }

    @Test
    void sortsByRankKeepingTheOrderOfEqualRanks() {
        assertThat(AdviceAssembler.sortedByRank(List.of("b2", "a1", "x9", "c3", "y9", "a0"),
                s -> s.startsWith("x") || s.startsWith("y") ? Integer.MAX_VALUE : s.charAt(0)))
                .containsExactly("a1", "a0", "b2", "c3", "x9", "y9");
        assertThat(AdviceAssembler.sortedByRank(List.<String>of(), String::length)).isEmpty();
    }

    private Advice assemble(List<RuleOutput> outputs, Language language) {
        CaseFacts facts = new CaseFacts();
        facts.setLanguage(language);
        facts.setGoal(Goal.EMPLOYMENT);
        facts.setCaseReference("REF-1");
        RuleBook rules = new RuleBook() {
            @Override public String version() { return "sha256:test"; }
            @Override public Instant loadedAt() { return Instant.EPOCH; }
            @Override public DateWindow supportedWindow() { return new DateWindow(DATE, DATE); }
            @Override public Catalogue catalogue() { return catalogue; }
            @Override public Evaluation evaluate(CaseFacts f, LocalDate d) { throw new UnsupportedOperationException(); }
        };
        Advice advice = new AdviceAssembler().assemble(facts, DATE, new Evaluation(outputs, List.of()), rules);
        assertThat(advice.caseReference()).isEqualTo("REF-1");
        return advice;
    }

    private static PathwayInfo pathway(String code, Goal goal) {
        return new PathwayInfo(code, new LocalizedText(code + " de", code + " en"), List.of("§ " + code),
                "https://example.org/" + code, Set.of(goal));
    }

    private static Entry entry(String code) {
        return new Entry(code, new LocalizedText(code + " de", code + " en"));
    }

    private static DocumentInfo document(String code, LocalizedText note) {
        return new DocumentInfo(code, new LocalizedText(code + " de", code + " en"), note);
    }
}
