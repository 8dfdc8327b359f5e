package de.lotse.expert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lotse.decision.EnglishLevel;
import de.lotse.decision.FederalState;
import de.lotse.decision.GermanLevel;
import de.lotse.decision.Goal;
import de.lotse.decision.LocalizedText;
import de.lotse.decision.RecognitionStatus;
import de.lotse.decision.facts.Profession;
import de.lotse.knowledge.CodeLists;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.ParameterTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Generates the sample cases of {@code test-cases/corpus/} for the impact report: varied, realistic requests for every
 * goal, with citizenships from every country group, salaries, ages, funds and experience around the thresholds of
 * the rules, every recognition state and language level, with and without a job offer, and assessment dates from
 * the first supported date to the year after the last one (so that entering next year's figures shows their effect).
 * <p>
 * Deterministic: the same seed and the same rules give the same files. No legal figure is written here: thresholds,
 * country groups and professions are read from the rules; for the year after the supported dates a threshold is
 * extrapolated from its last yearly change.
 */
public final class CorpusGenerator {

    /** Sample citizenships outside every country group of the rules (main countries of origin of skilled workers). */
    private static final List<String> THIRD_COUNTRIES = List.of("IN", "PH", "VN", "MA", "TN", "EG", "NG", "GH", "KE",
            "BR", "CO", "MX", "TR", "UA", "GE", "AM", "UZ", "ID", "PK", "BD", "LK", "NP", "IR", "JO", "CN", "SY", "CM");
    /**
     * Sample ISCO-08 unit groups: qualified jobs (kept only if outside the rules' Blue Card shortage list), unskilled
     * jobs, and IT jobs (kept only if inside the rules' IT occupations).
     */
    private static final List<String> OTHER_QUALIFIED_ISCO = List.of("2421", "2431", "2411", "2422", "1212", "2432");
    private static final List<String> UNSKILLED_ISCO = List.of("9412", "9313", "9112", "8322", "5131", "9321", "9611");
    private static final List<String> IT_ISCO = List.of("2512", "2511", "2519", "2522", "2523", "3512", "1330");

    private final KnowledgeBase kb;
    private final Random random;
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final LocalDate firstDate;
    private final int lastYear;
    private final List<String> eu;
    private final List<String> westernBalkans;
    private final List<String> privileged;
    private final List<String> third;
    private final List<String> otherQualifiedIsco;
    private final List<String> itIsco;
    private final List<Profession> academic = new ArrayList<>();
    private final List<Profession> vocational = new ArrayList<>();
    private final List<Profession> regulated = new ArrayList<>();
    private final Map<String, Profession> professions = new LinkedHashMap<>();

    /** One generated case. */
    public record GeneratedCase(String name, ObjectNode request) {
    }

    public CorpusGenerator(KnowledgeBase kb, long seed) {
        this.kb = kb;
        this.random = new Random(seed);
        this.firstDate = kb.supportedWindow().from();
        int until = kb.supportedWindow().until().getYear();
        int lastChange = kb.parameters().definitions().values().stream().flatMap(d -> d.values().stream())
                .mapToInt(v -> v.from().getYear()).max().orElse(firstDate.getYear());
        this.lastYear = (until >= 9999 ? lastChange : until) + 1;
        this.eu = members("EU_EEA_CH");
        eu.remove("DE");
        this.westernBalkans = members("WESTERN_BALKANS");
        this.privileged = members("BESCHV_26_1");
        Set<String> grouped = new TreeSet<>();
        kb.codeLists().all().values().forEach(versions -> versions.forEach(v -> grouped.addAll(v.list().getMembers())));
        this.third = THIRD_COUNTRIES.stream().filter(c -> !grouped.contains(c)).toList();
        List<String> shortage = members("BLUE_CARD_SHORTAGE");
        List<String> it = members("IT_OCCUPATIONS");
        this.otherQualifiedIsco = OTHER_QUALIFIED_ISCO.stream().filter(c -> !inGroup(c, shortage)).toList();
        this.itIsco = IT_ISCO.stream().filter(c -> inGroup(c, it)).toList();
        new TreeSet<>(kb.professions().keySet()).forEach(code -> {
            Profession p = kb.professions().get(code);
            professions.put(code, p);
            if ("ACADEMIC".equals(p.getKind())) {
                academic.add(p);
            } else if ("VOCATIONAL".equals(p.getKind())) {
                vocational.add(p);
            }
            if (Boolean.TRUE.equals(p.getRegulated())) {
                regulated.add(p);
            }
        });
    }

    /** The corpus: file name → cases, about {@code count} cases in all. */
    public Map<String, List<GeneratedCase>> generate(int count) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put("skilled-academics.yaml", 18);
        shares.put("skilled-vocational.yaml", 16);
        shares.put("it-specialists.yaml", 8);
        shares.put("opportunity-card.yaml", 16);
        shares.put("western-balkans-privileged.yaml", 10);
        shares.put("eu-free-movement.yaml", 6);
        shares.put("training-study.yaml", 10);
        shares.put("recognition.yaml", 10);
        shares.put("incomplete.yaml", 6);
        Map<String, Supplier<GeneratedCase>> makers = Map.of(
                "skilled-academics.yaml", this::academic,
                "skilled-vocational.yaml", this::vocational,
                "it-specialists.yaml", this::itSpecialist,
                "opportunity-card.yaml", this::jobSearch,
                "western-balkans-privileged.yaml", this::westernBalkansOrPrivileged,
                "eu-free-movement.yaml", this::freeMovement,
                "training-study.yaml", this::trainingOrStudy,
                "recognition.yaml", this::recognition,
                "incomplete.yaml", this::incomplete);
        int total = shares.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, List<GeneratedCase>> files = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> share : shares.entrySet()) {
            int n = Math.max(1, Math.round((float) count * share.getValue() / total));
            List<GeneratedCase> cases = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cases.add(makers.get(share.getKey()).get());
            }
            files.put(share.getKey(), cases);
        }
        return files;
    }

    /** Writes the corpus as YAML files into the folder (replacing files of the same name); returns the files written. */
    public List<Path> write(Map<String, List<GeneratedCase>> corpus, Path folder, long seed) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<GeneratedCase>> file : corpus.entrySet()) {
            StringBuilder out = new StringBuilder();
            out.append("# Sample cases for `./lotse impact` (docs/rule-authoring.md): requests of POST /api/v1/decisions, no expectations.\n");
            out.append("# Generated by `./lotse generate-corpus --seed ").append(seed).append("` from the rules then in rules/;\n");
            out.append("# regenerate rather than edit. Dates after the supported ones show the effect of next year's figures.\n");
            out.append("cases:\n");
            for (GeneratedCase c : file.getValue()) {
                out.append("  - name: ").append(quote(c.name())).append('\n');
                out.append("    request:\n");
                for (Iterator<Map.Entry<String, JsonNode>> it = c.request().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    out.append("      ").append(field.getKey()).append(": ").append(flow(field.getValue())).append('\n');
                }
            }
            Path path = folder.resolve(file.getKey());
            Files.writeString(path, out.toString(), StandardCharsets.UTF_8);
            written.add(path);
        }
        return written;
    }

    // ---------------------------------------------------------------------------------------------- case kinds

    /**
     * An academic. Half of them are the typical Blue Card candidate (a profession without regulation, a comparable
     * degree, a matching open-ended job), whose outcome turns on the salary alone.
     */
    private GeneratedCase academic() {
        LocalDate date = date();
        boolean typical = chance(0.5);
        List<Profession> unregulated = academic.stream().filter(p -> Boolean.FALSE.equals(p.getRegulated())).toList();
        Profession profession = typical && !unregulated.isEmpty() ? pick(unregulated) : pick(academic);
        String country = citizenship();
        ObjectNode candidate = candidate(country, ageMostlyUnder(intParam("pension-rule-age", date)), abroadMostly());
        languages(candidate, 0.6);
        ObjectNode qualification = obj().put("level", "ACADEMIC").put("acquiredIn", chance(0.9) ? "ABROAD" : "GERMANY")
                .put("profession", profession.getCode());
        String comparability = typical ? "COMPARABLE"
                : weighted(new String[] {"COMPARABLE", "NOT_COMPARABLE", "UNKNOWN", null}, 60, 12, 10, 18);
        if (comparability != null) {
            qualification.put("academicComparability", comparability);
        }
        boolean recentGraduate = chance(0.3);
        qualification.put("graduationDate", date.minusDays(recentGraduate ? 60 + random.nextInt(1000) : 1200 + random.nextInt(5000)).toString());
        if (Boolean.TRUE.equals(profession.getRegulated())) {
            qualification.put("recognition", recognitionState());
            if (chance(0.4)) {
                qualification.put("practicePermit", chance(0.5));
            }
        }
        ObjectNode request = request(date, chance(0.7) ? Goal.ANY : Goal.EMPLOYMENT, candidate, qualification);
        String offer = "no job offer";
        if (typical || chance(0.85)) {
            boolean shortage = chance(0.5);
            String isco = shortage && profession.getIsco() != null ? profession.getIsco() : pick(otherQualifiedIsco);
            String threshold = candidate.path("age").asInt() >= intParam("pension-rule-age", date) && chance(0.6)
                    ? "age-45-salary-threshold"
                    : shortage || recentGraduate ? "blue-card-reduced-threshold" : "blue-card-general-threshold";
            BigDecimal salary = around(param(threshold, date));
            ObjectNode job = obj().put("annualGrossSalaryEur", salary).put("iscoCode", isco).put("qualifiedEmployment", true)
                    .put("matchesQualification", typical || chance(0.85));
            if (!typical && chance(0.25)) {
                job.put("contractMonths", pick(List.of(3, 6, 12, 24, 36)));
            }
            if (chance(0.4)) {
                job.put("federalState", pick(List.of(FederalState.values())).name());
            }
            request.set("jobOffer", job);
            offer = "offer " + money(salary) + " EUR in ISCO " + isco;
        }
        if (candidate.path("age").asInt() >= intParam("pension-rule-age", date) && chance(0.5)) {
            candidate.put("adequatePensionProvision", chance(0.5));
        }
        return new GeneratedCase(describe(country, profession, candidate) + ", " + (comparability == null ? "comparability unknown"
                : comparability.toLowerCase(Locale.ROOT).replace('_', ' ') + " degree") + ", " + offer + ", " + date, request);
    }

    private GeneratedCase vocational() {
        LocalDate date = date();
        Profession profession = pick(vocational);
        String country = citizenship();
        ObjectNode candidate = candidate(country, ageMostlyUnder(intParam("pension-rule-age", date)), abroadMostly());
        languages(candidate, 0.7);
        String recognition = recognitionState();
        ObjectNode qualification = obj().put("level", "VOCATIONAL").put("acquiredIn", "ABROAD").put("profession", profession.getCode())
                .put("trainingDurationYears", yearsAround(param("qualified-training-min-years", date), 0.5, 4))
                .put("stateRecognizedInIssuingCountry", chance(0.85))
                .put("germanChamberAbroadQualification", chance(0.08))
                .put("recognition", recognition);
        ObjectNode request = request(date, weighted(new Goal[] {Goal.ANY, Goal.EMPLOYMENT, Goal.RECOGNITION}, 60, 30, 10),
                candidate, qualification);
        request.set("experience", experience(yearsAround(param("experience-route-min-years", date), 1, 5)));
        String offer = "no job offer";
        if (chance(0.85)) {
            BigDecimal salary = chance(0.5) ? around(param("experience-salary-threshold", date))
                    : BigDecimal.valueOf(26000 + 500L * random.nextInt(45));
            ObjectNode job = obj().put("annualGrossSalaryEur", salary)
                    .put("iscoCode", profession.getIsco() != null ? profession.getIsco() : pick(UNSKILLED_ISCO))
                    .put("qualifiedEmployment", chance(0.9)).put("matchesQualification", chance(0.85))
                    .put("weeklyHours", pick(List.of(20, 30, 35, 38, 39, 40)))
                    .put("employerCollectiveAgreement", chance(0.4))
                    .put("federalState", pick(List.of(FederalState.values())).name())
                    .put("acceleratedProcedure", chance(0.3));
            request.set("jobOffer", job);
            offer = "offer " + money(salary) + " EUR";
        }
        return new GeneratedCase(describe(country, profession, candidate) + ", recognition " + recognition.toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ", " + offer + ", " + date, request);
    }

    private GeneratedCase itSpecialist() {
        LocalDate date = date();
        String country = pick(third);
        ObjectNode candidate = candidate(country, 22 + random.nextInt(25), abroadMostly());
        languages(candidate, 0.4);
        boolean trained = chance(0.5);
        ObjectNode qualification = trained
                ? obj().put("level", "VOCATIONAL").put("acquiredIn", "ABROAD").put("profession", professions.containsKey("IT_SPECIALIST")
                        ? "IT_SPECIALIST" : pick(vocational).getCode()).put("recognition", recognitionState())
                : obj().put("level", "NONE");
        ObjectNode request = request(date, chance(0.8) ? Goal.ANY : Goal.EMPLOYMENT, candidate, qualification);
        request.set("experience", obj().put("itYearsInLast7", yearsAround(param("blue-card-it-experience-years", date), 1, 7)));
        BigDecimal salary = around(param("blue-card-reduced-threshold", date));
        String isco = pick(itIsco);
        request.set("jobOffer", obj().put("annualGrossSalaryEur", salary).put("iscoCode", isco).put("qualifiedEmployment", true)
                .put("matchesQualification", chance(0.8)));
        return new GeneratedCase("IT specialist from " + country(country) + " " + (trained ? "with vocational training" : "without a degree")
                + ", " + request.at("/experience/itYearsInLast7").asText() + " years of IT experience, offer " + money(salary)
                + " EUR in ISCO " + isco + ", " + date, request);
    }

    private GeneratedCase jobSearch() {
        LocalDate date = date();
        String country = citizenship();
        int low = intParam("opportunity-card-age-limit-low-points", date);
        int high = intParam("opportunity-card-age-limit-high-points", date);
        int age = chance(0.6) ? (chance(0.5) ? low : high) + random.nextInt(3) - 1 : 21 + random.nextInt(30);
        ObjectNode candidate = candidate(country, age, chance(0.9) ? "ABROAD" : "GERMANY");
        candidate.put("germanLevel", weighted(new String[] {"NONE", "A1", "A2", "B1", "B2", "C1"}, 20, 20, 20, 20, 12, 8))
                .put("englishLevel", weighted(new String[] {"NONE", "A2", "B1", "B2", "C1", "C2", "NATIVE"}, 10, 10, 20, 25, 20, 10, 5))
                .put("priorStayInGermanyMonths", chance(0.7) ? 0 : intAround(intParam("opportunity-card-prior-stay-min-months", date), 12))
                .put("monthlyFundsEur", around(param("opportunity-card-monthly-subsistence", date), 0.6, 1.3))
                .put("spouseMeetsOpportunityCardRequirements", chance(0.2))
                .put("spouseApplyingTogether", chance(0.3));
        Profession profession = chance(0.5) ? pick(vocational) : pick(academic);
        boolean academicDegree = "ACADEMIC".equals(profession.getKind());
        ObjectNode qualification = obj().put("level", academicDegree ? "ACADEMIC" : "VOCATIONAL").put("acquiredIn", "ABROAD")
                .put("profession", profession.getCode())
                .put("stateRecognizedInIssuingCountry", chance(0.85))
                .put("germanChamberAbroadQualification", chance(0.05))
                .put("recognition", weighted(new String[] {"NOT_STARTED", "PARTIAL", "FULL", "PENDING"}, 55, 20, 15, 10));
        if (academicDegree) {
            qualification.put("academicComparability", weighted(new String[] {"COMPARABLE", "NOT_COMPARABLE", "UNKNOWN"}, 50, 25, 25));
        } else {
            qualification.put("trainingDurationYears", yearsAround(param("qualified-training-min-years", date), 0.5, 4));
        }
        ObjectNode request = request(date, chance(0.7) ? Goal.JOB_SEARCH : Goal.ANY, candidate, qualification);
        request.set("experience", experience(BigDecimal.valueOf(random.nextInt(6))));
        return new GeneratedCase(describe(country, profession, candidate) + " looking for work, German "
                + candidate.get("germanLevel").asText() + ", English " + candidate.get("englishLevel").asText() + ", " + date, request);
    }

    private GeneratedCase westernBalkansOrPrivileged() {
        LocalDate date = date();
        String country = chance(0.7) || privileged.isEmpty() ? pick(westernBalkans) : pick(privileged);
        ObjectNode candidate = candidate(country, 19 + random.nextInt(40), chance(0.8) ? "ABROAD" : "GERMANY");
        if (chance(0.5)) {
            candidate.put("germanLevel", weighted(new String[] {"NONE", "A1", "A2", "B1"}, 40, 30, 20, 10));
        }
        ObjectNode qualification = chance(0.6) ? obj().put("level", "NONE")
                : obj().put("level", "VOCATIONAL").put("acquiredIn", "ABROAD").put("profession", pick(vocational).getCode())
                        .put("recognition", recognitionState());
        ObjectNode request = request(date, chance(0.8) ? Goal.ANY : Goal.EMPLOYMENT, candidate, qualification);
        boolean qualified = chance(0.3);
        String offer = "no job offer";
        if (chance(0.85)) {
            BigDecimal salary = BigDecimal.valueOf(24000 + 500L * random.nextInt(36));
            request.set("jobOffer", obj().put("annualGrossSalaryEur", salary)
                    .put("iscoCode", qualified ? pick(otherQualifiedIsco) : pick(UNSKILLED_ISCO))
                    .put("qualifiedEmployment", qualified).put("matchesQualification", qualified && chance(0.5))
                    .put("weeklyHours", pick(List.of(30, 38, 40))).put("federalState", pick(List.of(FederalState.values())).name()));
            offer = (qualified ? "qualified" : "unskilled") + " job at " + money(salary) + " EUR";
        }
        String level = qualification.get("level").asText();
        return new GeneratedCase("Worker from " + country(country) + ", " + candidate.get("age").asText() + ", "
                + ("NONE".equals(level) ? "no" : level.toLowerCase(Locale.ROOT)) + " qualification, " + offer + ", " + date, request);
    }

    private GeneratedCase freeMovement() {
        LocalDate date = date();
        String country = pick(eu);
        ObjectNode candidate = candidate(country, 20 + random.nextInt(40), chance(0.7) ? "ABROAD" : "GERMANY");
        Profession profession = chance(0.5) ? pick(vocational) : pick(academic);
        ObjectNode qualification = obj().put("level", profession.getKind()).put("acquiredIn", "ABROAD").put("profession", profession.getCode());
        if (Boolean.TRUE.equals(profession.getRegulated())) {
            qualification.put("recognition", recognitionState());
        }
        Goal goal = weighted(new Goal[] {Goal.ANY, Goal.EMPLOYMENT, Goal.RECOGNITION, Goal.STUDY}, 50, 25, 15, 10);
        ObjectNode request = request(date, goal, candidate, qualification);
        if (chance(0.6)) {
            request.set("jobOffer", obj().put("annualGrossSalaryEur", BigDecimal.valueOf(28000 + 1000L * random.nextInt(40)))
                    .put("qualifiedEmployment", chance(0.8)).put("federalState", pick(List.of(FederalState.values())).name()));
        }
        if (chance(0.15)) {
            ArrayNode both = (ArrayNode) candidate.get("citizenships");
            both.add(pick(third));
        }
        return new GeneratedCase(describe(country, profession, candidate) + ", goal " + goal.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ", " + date, request);
    }

    private GeneratedCase trainingOrStudy() {
        LocalDate date = date();
        boolean study = chance(0.45);
        String country = citizenship();
        ObjectNode candidate = candidate(country, 17 + random.nextInt(14), chance(0.85) ? "ABROAD" : "GERMANY");
        candidate.put("germanLevel", weighted(new String[] {"NONE", "A1", "A2", "B1", "B2", "C1"}, 10, 15, 20, 30, 15, 10));
        if (study) {
            candidate.put("englishLevel", weighted(new String[] {"B1", "B2", "C1", "C2"}, 20, 40, 30, 10));
        }
        BigDecimal funds = around(param(study ? "study-monthly-subsistence" : "vocational-training-monthly-subsistence", date), 0.7, 1.2);
        if (chance(0.9)) {
            candidate.put("monthlyFundsEur", funds);
        }
        ObjectNode qualification = obj().put("level", chance(0.85) ? "NONE" : "VOCATIONAL");
        ObjectNode request = request(date, study ? Goal.STUDY : Goal.VOCATIONAL_TRAINING, candidate, qualification);
        return new GeneratedCase("School leaver from " + country(country) + ", " + candidate.get("age").asText() + ", wants "
                + (study ? "to study" : "vocational training") + ", German " + candidate.get("germanLevel").asText()
                + (candidate.has("monthlyFundsEur") ? ", " + money(funds) + " EUR a month" : ", means unknown") + ", " + date, request);
    }

    private GeneratedCase recognition() {
        LocalDate date = date();
        Profession profession = regulated.isEmpty() ? pick(vocational) : pick(regulated);
        String country = citizenship();
        ObjectNode candidate = candidate(country, 23 + random.nextInt(30), chance(0.7) ? "ABROAD" : "GERMANY");
        candidate.put("germanLevel", weighted(new String[] {"A2", "B1", "B2", "C1"}, 20, 35, 35, 10));
        String recognition = recognitionState();
        ObjectNode qualification = obj().put("level", profession.getKind()).put("acquiredIn", "ABROAD")
                .put("profession", profession.getCode()).put("recognition", recognition);
        if ("VOCATIONAL".equals(profession.getKind())) {
            qualification.put("trainingDurationYears", yearsAround(param("qualified-training-min-years", date), 0.5, 4));
        } else {
            qualification.put("academicComparability", weighted(new String[] {"COMPARABLE", "UNKNOWN"}, 70, 30));
        }
        if (chance(0.3)) {
            qualification.put("practicePermit", chance(0.5));
        }
        ObjectNode request = request(date, chance(0.5) ? Goal.RECOGNITION : Goal.ANY, candidate, qualification);
        String state = pick(List.of(FederalState.values())).name();
        if (chance(0.75)) {
            request.set("jobOffer", obj().put("annualGrossSalaryEur", BigDecimal.valueOf(32000 + 1000L * random.nextInt(40)))
                    .put("iscoCode", profession.getIsco() != null ? profession.getIsco() : pick(otherQualifiedIsco))
                    .put("qualifiedEmployment", true).put("matchesQualification", true)
                    .put("weeklyHours", new BigDecimal(pick(List.of("30", "38.5", "40")))).put("federalState", state)
                    .put("acceleratedProcedure", chance(0.4)));
        }
        return new GeneratedCase(describe(country, profession, candidate) + ", recognition " + recognition.toLowerCase(Locale.ROOT)
                .replace('_', ' ') + (request.has("jobOffer") ? ", job in " + state : ", no job offer") + ", " + date, request);
    }

    /** Cases that leave facts open: the advice must name the missing facts (UNDETERMINED). */
    private GeneratedCase incomplete() {
        LocalDate date = date();
        ObjectNode request = obj().put("assessmentDate", date.toString()).put("language", chance(0.5) ? "de" : "en");
        ObjectNode candidate = obj();
        List<String> known = new ArrayList<>();
        if (chance(0.7)) {
            String country = citizenship();
            candidate.set("citizenships", json.arrayNode().add(country));
            known.add(country(country));
        }
        if (chance(0.5)) {
            candidate.put("age", 20 + random.nextInt(40));
            known.add("age " + candidate.get("age").asText());
        }
        request.set("candidate", candidate);
        if (chance(0.6)) {
            Profession profession = pick(chance(0.5) ? academic : vocational);
            request.set("qualification", obj().put("level", profession.getKind()).put("profession", profession.getCode()));
            known.add(title(profession.getCode()).toLowerCase(Locale.ROOT));
        }
        if (chance(0.5)) {
            ObjectNode job = obj().put("qualifiedEmployment", true);
            if (chance(0.5)) {
                job.put("annualGrossSalaryEur", around(param("blue-card-general-threshold", date)));
                known.add("salary " + money(job.get("annualGrossSalaryEur").decimalValue()));
            }
            request.set("jobOffer", job);
            known.add("job offer");
        }
        if (chance(0.5)) {
            request.put("goal", pick(List.of(Goal.values())).name());
        }
        return new GeneratedCase("Sparse case: " + (known.isEmpty() ? "nothing known" : "only " + String.join(", ", known))
                + ", " + date, request);
    }

    // ---------------------------------------------------------------------------------------------- building blocks

    private ObjectNode request(LocalDate date, Goal goal, ObjectNode candidate, ObjectNode qualification) {
        ObjectNode request = obj().put("assessmentDate", date.toString()).put("language", chance(0.5) ? "de" : "en")
                .put("goal", goal.name());
        request.set("candidate", candidate);
        request.set("qualification", qualification);
        return request;
    }

    private ObjectNode candidate(String country, int age, String residence) {
        ObjectNode candidate = obj();
        candidate.set("citizenships", json.arrayNode().add(country));
        candidate.put("age", age).put("residence", residence);
        return candidate;
    }

    private void languages(ObjectNode candidate, double withGerman) {
        if (chance(withGerman)) {
            candidate.put("germanLevel", pick(List.of(GermanLevel.values())).name());
        }
        if (chance(0.6)) {
            candidate.put("englishLevel", pick(List.of(EnglishLevel.values())).name());
        }
    }

    private String recognitionState() {
        return weighted(new String[] {RecognitionStatus.NOT_STARTED.name(), RecognitionStatus.PENDING.name(),
                RecognitionStatus.FULL.name(), RecognitionStatus.PARTIAL.name(), RecognitionStatus.REJECTED.name()}, 30, 15, 30, 18, 7);
    }

    /** A citizenship: mostly third countries, then the Western Balkans, the § 26 (1) states, the EU; sometimes two. */
    private String citizenship() {
        int roll = random.nextInt(100);
        if (roll < 65 || westernBalkans.isEmpty()) {
            return pick(third);
        }
        if (roll < 80) {
            return pick(westernBalkans);
        }
        if (roll < 90 && !privileged.isEmpty()) {
            return pick(privileged);
        }
        return pick(eu);
    }

    private int ageMostlyUnder(int limit) {
        return chance(0.25) ? limit - 2 + random.nextInt(12) : 23 + random.nextInt(limit - 23);
    }

    private String abroadMostly() {
        return chance(0.85) ? "ABROAD" : "GERMANY";
    }

    /**
     * An assessment date from the first supported date to the end of the year after the supported ones; one in ten on a
     * turn of the year (31 December or the first days of January), where yearly figures change.
     */
    private LocalDate date() {
        int firstYear = firstDate.getYear();
        int year = firstYear + random.nextInt(lastYear - firstYear + 1);
        LocalDate date;
        if (chance(0.1)) {
            date = chance(0.5) ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1 + random.nextInt(3));
        } else {
            date = LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        }
        return date.isBefore(firstDate) ? firstDate.plusDays(random.nextInt(60)) : date;
    }

    /**
     * The value of a parameter on a date. After its last known year the value is unknown: the sample cases then lie
     * around the last known value, the last value grown by its last yearly change (an estimate), or halfway between,
     * so that any plausible new figure has cases on both sides of it. Never used for advice.
     */
    BigDecimal param(String name, LocalDate date) {
        ParameterTable.Definition d = kb.parameters().definitions().get(name);
        if (d == null) {
            throw new IllegalStateException("the rules have no parameter '" + name + "' (rules/parameters/" + name + ".yaml)");
        }
        ParameterTable.DatedValue last = null;
        ParameterTable.DatedValue previous = null;
        for (ParameterTable.DatedValue v : d.values()) {
            if (v.value() != null && !v.from().isAfter(date)) {
                previous = last;
                last = v;
            }
        }
        if (last == null) {
            last = d.values().get(0);
        }
        if (d.knownUntil() == null || !date.isAfter(d.knownUntil()) || previous == null
                || previous.value().signum() == 0 || last.value().compareTo(previous.value()) == 0) {
            return last.value();
        }
        BigDecimal growth = last.value().divide(previous.value(), MathContext.DECIMAL64);
        int years = Math.max(1, date.getYear() - last.from().getYear());
        BigDecimal estimate = last.value().multiply(growth.pow(years, MathContext.DECIMAL64)).setScale(0, RoundingMode.HALF_UP);
        int roll = random.nextInt(10);
        if (roll < 4) {
            return last.value();
        }
        return roll < 7 ? estimate : last.value().add(estimate).divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_UP);
    }

    private int intParam(String name, LocalDate date) {
        return param(name, date).intValue();
    }


    /** An amount around a threshold: exactly on it, a cent below or above, or a round figure 15 % below to 20 % above. */
    private BigDecimal around(BigDecimal threshold) {
        int roll = random.nextInt(100);
        if (roll < 12) {
            return threshold;
        }
        if (roll < 20) {
            return threshold.subtract(new BigDecimal("0.01"));
        }
        if (roll < 28) {
            return threshold.add(new BigDecimal("0.01"));
        }
        return around(threshold, 0.85, 1.2);
    }

    /** A round amount between the two factors of a value (to 100 for large amounts, to 10 for monthly ones). */
    private BigDecimal around(BigDecimal value, double lowFactor, double highFactor) {
        double factor = lowFactor + random.nextDouble() * (highFactor - lowFactor);
        BigDecimal raw = value.multiply(BigDecimal.valueOf(factor));
        int scale = value.compareTo(BigDecimal.valueOf(10000)) >= 0 ? -2 : -1;
        return raw.setScale(scale, RoundingMode.HALF_UP).setScale(0, RoundingMode.UNNECESSARY);
    }

    /** Years around a minimum: the minimum itself, a step less or more, or anything from 0 to {@code max} in half years. */
    private BigDecimal yearsAround(BigDecimal minimum, double step, int max) {
        int roll = random.nextInt(100);
        BigDecimal result;
        if (roll < 30) {
            result = minimum;
        } else if (roll < 45) {
            result = minimum.subtract(BigDecimal.valueOf(step));
        } else if (roll < 60) {
            result = minimum.add(BigDecimal.valueOf(step));
        } else {
            result = BigDecimal.valueOf(random.nextInt(2 * max + 1)).divide(BigDecimal.valueOf(2));
        }
        result = result.max(BigDecimal.ZERO).min(BigDecimal.valueOf(max));
        return result.stripTrailingZeros().scale() < 0 ? result.setScale(0) : result.stripTrailingZeros();
    }

    /** Experience in the last 5 years, and in the last 7 years (at least as much, at most 7). */
    private ObjectNode experience(BigDecimal inLast5) {
        BigDecimal inLast7 = inLast5.add(BigDecimal.valueOf(random.nextInt(3))).min(BigDecimal.valueOf(7));
        return obj().put("relevantYearsInLast5", inLast5).put("relevantYearsInLast7", inLast7);
    }

    private int intAround(int minimum, int max) {
        int value = chance(0.6) ? minimum + random.nextInt(3) - 1 : random.nextInt(max + 1);
        return Math.max(0, value);
    }

    /** ISCO groups match by prefix ("25" matches "2512"), as in the rules. */
    private static boolean inGroup(String isco, List<String> group) {
        return group.stream().anyMatch(isco::startsWith);
    }

    private List<String> members(String list) {
        List<CodeLists.Version> versions = kb.codeLists().all().get(list);
        if (versions == null || versions.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(new TreeSet<>(versions.get(versions.size() - 1).list().getMembers()));
    }

    private String describe(String country, Profession profession, ObjectNode candidate) {
        String title = title(profession.getCode());
        return title + " from " + country(country) + ", " + candidate.path("age").asText();
    }

    private String title(String profession) {
        LocalizedText title = kb.catalogue().professions().get(profession);
        return title == null ? profession : title.en();
    }

    private static String country(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ENGLISH, amount.scale() > 0 && amount.remainder(BigDecimal.ONE).signum() != 0 ? "%,.2f" : "%,.0f", amount);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    private <T> T weighted(T[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private ObjectNode obj() {
        return json.objectNode();
    }

    // ---------------------------------------------------------------------------------------------- YAML output

    /** A value in YAML flow style: {a: 1, b: [X, "Y"]}. */
    static String flow(JsonNode node) {
        if (node.isObject()) {
            List<String> parts = new ArrayList<>();
            node.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + flow(e.getValue())));
            return "{" + String.join(", ", parts) + "}";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(flow(n)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isBoolean() || node.isNull()) {
            return node.asText();
        }
        String text = node.asText();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}") || text.matches("[A-Z][A-Z0-9_]{2,}") && !Set.of("YES", "OFF", "TRUE", "FALSE", "NULL").contains(text)
                || text.matches("de|en")) {
            return text;
        }
        return quote(text);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
