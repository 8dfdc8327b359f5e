package de.lotse.expert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionService;
import de.lotse.decision.Goal;
import de.lotse.decision.RecognitionStatus;
import de.lotse.knowledge.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of test-cases/corpus/: at least 200 valid requests, varied along every dimension the impact report needs
 * (goals, country groups, years up to the one after the supported dates, job offers, recognition states, languages),
 * and a generator that writes the same files for the same seed.
 */
class CorpusTest {

    static KnowledgeBase rules;
    static List<SampleCase> corpus;

    @BeforeAll
    static void load() {
        rules = TempRules.load(TempRules.RULES);
        corpus = new ArrayList<>();
        for (Path file : SampleCases.corpusFiles(TempRules.TEST_CASES)) {
            corpus.addAll(SampleCases.corpus(file, "corpus/" + file.getFileName()));
        }
    }

    @Test
    void thereAreAtLeast200CorpusCasesAndTheScenarioRunnerSkipsThem() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        SampleCases.Read read = SampleCases.read(TempRules.TEST_CASES);
        assertThat(read.unreadableFiles()).isEmpty();
        assertThat(read.corpusCount()).isEqualTo(corpus.size());
        assertThat(de.lotse.scenario.ScenarioFiles.files(TempRules.TEST_CASES))
                .noneMatch(p -> p.toString().replace('\\', '/').contains("/corpus/"));
    }

    @Test
    void everyCorpusCaseIsAValidRequestAndIsAnsweredWithinTheSupportedDates() {
        CaseReader reader = CaseReader.standalone();
        DecisionService decisions = new DecisionService(() -> rules, new AdviceAssembler(), Clock.systemUTC());
        List<String> problems = new ArrayList<>();
        int answered = 0;
        for (SampleCase c : corpus) {
            assertThat(c.request().path("assessmentDate").isTextual()).as(c.id() + " has an assessment date").isTrue();
            DecisionService.Attempt attempt = decisions.attempt(reader, c.request());
            if (attempt instanceof DecisionService.Answered) {
                answered++;
            } else if (attempt instanceof DecisionService.Refused refused && (refused.outOfWindow() == null
                    || !refused.outOfWindow().date().isAfter(rules.supportedWindow().until()))) {
                // a case dated after the supported dates is expected (the corpus also serves future rules)
                problems.add(c.id() + ": " + refused.problems());
            }
        }
        assertThat(problems).as("corpus cases that are not valid requests").isEmpty();
        assertThat(answered).as("cases answered under the current rules").isGreaterThanOrEqualTo(150);
    }

    @Test
    void theCorpusVariesAlongEveryDimensionTheImpactReportNeeds() {
        Set<String> goals = new HashSet<>();
        Set<Integer> years = new TreeSet<>();
        Set<String> groups = new HashSet<>();
        Set<String> recognition = new HashSet<>();
        Set<String> germanLevels = new HashSet<>();
        Set<String> languages = new HashSet<>();
        Set<String> professions = new HashSet<>();
        int withJob = 0;
        int withoutJob = 0;
        Set<String> eu = members("EU_EEA_CH");
        Set<String> balkans = members("WESTERN_BALKANS");
        Set<String> listed = new HashSet<>();
        rules.codeLists().all().values().forEach(v -> v.forEach(version -> listed.addAll(version.list().getMembers())));
        for (SampleCase c : corpus) {
            JsonNode r = c.request();
            goals.add(r.path("goal").asText("ANY"));
            years.add(LocalDate.parse(r.path("assessmentDate").asText()).getYear());
            for (JsonNode country : r.path("candidate").path("citizenships")) {
                String code = country.asText();
                groups.add(eu.contains(code) ? "EU" : balkans.contains(code) ? "WB" : listed.contains(code) ? "OTHER_LIST" : "THIRD");
            }
            if (r.path("qualification").has("recognition")) {
                recognition.add(r.path("qualification").path("recognition").asText());
            }
            if (r.path("candidate").has("germanLevel")) {
                germanLevels.add(r.path("candidate").path("germanLevel").asText());
            }
            if (r.path("qualification").has("profession")) {
                professions.add(r.path("qualification").path("profession").asText());
            }
            languages.add(r.path("language").asText());
            if (r.has("jobOffer")) {
                withJob++;
            } else {
                withoutJob++;
            }
        }
        Set<String> allGoals = new HashSet<>();
        EnumSet.allOf(Goal.class).forEach(g -> allGoals.add(g.name()));
        assertThat(goals).containsAll(allGoals);
        int first = rules.supportedWindow().from().getYear();
        int nextYear = rules.supportedWindow().until().getYear() + 1;
        for (int year = first; year <= nextYear; year++) {
            assertThat(years).as("assessment years").contains(year);
        }
        assertThat(groups).contains("EU", "WB", "OTHER_LIST", "THIRD");
        Set<String> allRecognition = new HashSet<>();
        EnumSet.allOf(RecognitionStatus.class).forEach(s -> allRecognition.add(s.name()));
        assertThat(recognition).containsAll(allRecognition);
        assertThat(germanLevels).contains("NONE", "A1", "A2", "B1", "B2", "C1");
        assertThat(languages).containsExactlyInAnyOrder("de", "en");
        assertThat(professions).hasSizeGreaterThanOrEqualTo(rules.professions().size() / 2);
        assertThat(withJob).isGreaterThan(50);
        assertThat(withoutJob).isGreaterThan(50);
    }

    @Test
    void salariesLieAroundTheThresholdsIncludingExactlyOnThemAndOneCentBelow() {
        Set<String> exact = new HashSet<>();
        Set<String> centBelow = new HashSet<>();
        for (String threshold : List.of("blue-card-general-threshold", "blue-card-reduced-threshold", "experience-salary-threshold")) {
            for (SampleCase c : corpus) {
                JsonNode salary = c.request().path("jobOffer").path("annualGrossSalaryEur");
                LocalDate date = LocalDate.parse(c.request().path("assessmentDate").asText());
                if (salary.isMissingNode() || !rules.supportedWindow().contains(date)) {
                    continue;
                }
                java.math.BigDecimal value = rules.parameters().factsOn(date).stream()
                        .filter(p -> p.getName().equals(threshold)).map(p -> p.getValue()).findFirst().orElse(null);
                if (value == null) {
                    continue;
                }
                if (salary.decimalValue().compareTo(value) == 0) {
                    exact.add(threshold);
                }
                if (salary.decimalValue().compareTo(value.subtract(new java.math.BigDecimal("0.01"))) == 0) {
                    centBelow.add(threshold);
                }
            }
        }
        assertThat(exact).contains("blue-card-general-threshold", "blue-card-reduced-threshold");
        assertThat(centBelow).isNotEmpty();
    }

    @Test
    void theGeneratorWritesTheSameFilesForTheSameSeedAndOtherFilesForAnotherSeed(@TempDir Path temp) throws Exception {
        Map<String, List<CorpusGenerator.GeneratedCase>> first = new CorpusGenerator(rules, 7).generate(60);
        new CorpusGenerator(rules, 7).write(first, temp.resolve("a"), 7);
        new CorpusGenerator(rules, 7).write(new CorpusGenerator(rules, 7).generate(60), temp.resolve("b"), 7);
        new CorpusGenerator(rules, 8).write(new CorpusGenerator(rules, 8).generate(60), temp.resolve("c"), 8);

        assertThat(first.values().stream().mapToInt(List::size).sum()).isBetween(55, 65);
        try (Stream<Path> files = Files.list(temp.resolve("a"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertThat(Files.readString(file)).as(name).isEqualTo(Files.readString(temp.resolve("b").resolve(name)));
                assertThat(Files.readString(file)).as(name).isNotEqualTo(Files.readString(temp.resolve("c").resolve(name)));
                assertThat(SampleCases.corpus(file, name)).as("written cases read back").isNotEmpty();
            }
        }
    }

    private static Set<String> members(String list) {
        Set<String> members = new HashSet<>();
        rules.codeLists().all().getOrDefault(list, List.of()).forEach(v -> members.addAll(v.list().getMembers()));
        return members;
    }
}
