package de.lotse.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The path of a case: defaults and consistency checks, one knowledge-base version, the rules, the advice.
 * Nothing here knows a legal fact; those are in rules/.
 */
@Service
public class DecisionService {

    /** The citizenship codes a case may name: ISO 3166-1 alpha-2, and XK for Kosovo (the form's picker offers them). */
    public static final Set<String> COUNTRY_CODES = countryCodes();

    private final RuleBookProvider provider;
    private final AdviceAssembler assembler;
    private final Clock clock;
    private final DecisionMetrics metrics;

    /** Without metrics (scenario runner, benchmarks). */
    public DecisionService(RuleBookProvider provider, AdviceAssembler assembler, Clock clock) {
        this(provider, assembler, clock, DecisionMetrics.none());
    }

    @Autowired
    public DecisionService(RuleBookProvider provider, AdviceAssembler assembler, Clock clock, DecisionMetrics metrics) {
        this.provider = provider;
        this.assembler = assembler;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * A decision service for one answer made of several decisions (the form's result and its comparison): every
     * decision it makes uses the rules in service now, so a reload meanwhile cannot mix two versions in one page.
     */
    public DecisionService pinned() {
        RuleBook rules = provider.current();
        return new DecisionService(() -> rules, assembler, clock, metrics);
    }

    /** The rules this service decides with (for a {@link #pinned()} one: always the same version). */
    public RuleBook rules() {
        return provider.current();
    }

    /**
     * Decides a case answered to a caller through {@code channel}, and counts it once: as answered (a decision unless
     * it is a PDF protocol) or as rejected with its reason ({@link DecisionMetrics}).
     */
    public Advice decide(CaseFacts facts, DecisionMetrics.Channel channel) {
        return run(facts, Objects.requireNonNull(channel, "channel"));
    }

    /** What became of a request read and decided by {@link #attempt}: the advice, or why it was refused. */
    public sealed interface Attempt permits Answered, Refused {
    }

    /** The request was answered. */
    public record Answered(Advice advice) implements Attempt {
    }

    /**
     * The request was refused: the fields at fault (an assessment date outside the supported window is the field
     * {@code assessmentDate}), and {@code outOfWindow} for that case, else null.
     */
    public record Refused(List<FieldProblem> problems, AssessmentDateOutOfRangeException outOfWindow) implements Attempt {

        public List<String> fields() {
            return problems.stream().map(FieldProblem::field).toList();
        }
    }

    /**
     * Reads a request as the API does and decides it without counting it ({@link #decide(CaseFacts)}): for the
     * scenario runner, the impact report and tests, which need the advice or the reason of the refusal, not an
     * exception.
     */
    public Attempt attempt(CaseReader reader, JsonNode request) {
        CaseReader.Read read = reader.read(request);
        if (read.facts() == null) {
            return new Refused(read.problems(), null);
        }
        try {
            return new Answered(decide(read.facts()));
        } catch (InvalidCaseException e) {
            return new Refused(e.problems(), null);
        } catch (AssessmentDateOutOfRangeException e) {
            return new Refused(List.of(new FieldProblem("assessmentDate", e.getMessage())), e);
        }
    }

    /**
     * Decides a case without counting it: for work that answers no caller by itself (the previous variant of a
     * comparison, the scenario runner, the rules check, {@code ./lotse}, benchmarks).
     */
    public Advice decide(CaseFacts facts) {
        return run(facts, null);
    }

    /** The decision; counted under {@code channel}, or not at all when it is null. */
    private Advice run(CaseFacts facts, DecisionMetrics.Channel channel) {
        RuleBook rules = provider.current();
        LocalDate date = facts.getAssessmentDate() != null ? facts.getAssessmentDate() : LocalDate.now(clock);
        if (!rules.supportedWindow().contains(date)) {
            if (channel != null) {
                metrics.rejected(DecisionMetrics.ASSESSMENT_DATE, channel);
            }
            throw new AssessmentDateOutOfRangeException(date, rules.supportedWindow());
        }
        CaseFacts normalised;
        try {
            normalised = normalise(facts, date, rules.catalogue());
        } catch (InvalidCaseException e) {
            if (channel != null) {
                metrics.rejected(DecisionMetrics.INVALID_CASE, channel);
            }
            throw e;
        }
        long start = System.nanoTime();
        Evaluation evaluation = rules.evaluate(normalised, date);
        Advice advice = assembler.assemble(normalised, date, evaluation, rules);
        if (channel != null) {
            metrics.decided(advice, System.nanoTime() - start, channel);
        }
        return advice;
    }

    /**
     * Counts a case refused through {@code channel} before it reached {@link #decide(CaseFacts, DecisionMetrics.Channel)}
     * (reasons: {@link DecisionMetrics}).
     */
    public void rejected(String reason, DecisionMetrics.Channel channel) {
        metrics.rejected(reason, channel);
    }

    /** Fills defaults, derives the age from a birth date, and rejects what contradicts itself or is unknown. */
    private static CaseFacts normalise(CaseFacts facts, LocalDate date, Catalogue catalogue) {
        List<FieldProblem> problems = new ArrayList<>();
        if (facts.getLanguage() == null) {
            facts.setLanguage(Language.de);
        }
        if (facts.getGoal() == null) {
            facts.setGoal(Goal.ANY);
        }
        if (facts.getCandidate() == null) {
            facts.setCandidate(new Candidate());
        }
        if (facts.getQualification() == null) {
            facts.setQualification(new Qualification());
        }
        if (facts.getExperience() == null) {
            facts.setExperience(new Experience());
        }
        Candidate candidate = facts.getCandidate();
        if (candidate.getCitizenships() != null) {
            for (int i = 0; i < candidate.getCitizenships().size(); i++) {
                String code = candidate.getCitizenships().get(i);
                if (code == null || !COUNTRY_CODES.contains(code)) {
                    problems.add(new FieldProblem("candidate.citizenships[" + i + "]",
                            "unknown country code '" + code + "': use ISO 3166-1 alpha-2 (XK for Kosovo)"));
                }
            }
        }
        if (candidate.getBirthDate() != null) {
            if (candidate.getBirthDate().isAfter(date)) {
                problems.add(new FieldProblem("candidate.birthDate", "lies after the assessment date " + date));
            } else {
                int age = Period.between(candidate.getBirthDate(), date).getYears();
                if (age > 120) {
                    problems.add(new FieldProblem("candidate.birthDate", "gives an age above 120 on " + date));
                } else if (candidate.getAge() != null && candidate.getAge() != age) {
                    problems.add(new FieldProblem("candidate.age", "is " + candidate.getAge()
                            + " but candidate.birthDate gives " + age + " on " + date + ": send one of them"));
                } else {
                    candidate.setAge(age);
                }
            }
        }
        String profession = facts.getQualification().getProfession();
        if (profession != null && !catalogue.professions().containsKey(profession)) {
            problems.add(new FieldProblem("qualification.profession",
                    "unknown profession code '" + profession + "': use a code of the profession catalogue, or OTHER"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
        return facts;
    }

    private static Set<String> countryCodes() {
        Set<String> codes = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("XK");
        return Set.copyOf(codes);
    }
}
