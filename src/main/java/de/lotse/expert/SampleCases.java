package de.lotse.expert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import de.lotse.expert.CheckReport.FileProblem;
import de.lotse.scenario.Scenario;
import de.lotse.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the cases of a test-cases folder for the impact report: the requests of every scenario, and the corpus under
 * {@code corpus/}. A corpus file is YAML with a list {@code cases}, each with a {@code name} and a {@code request}
 * in the format of the decision API; corpus cases carry no expectations.
 */
public final class SampleCases {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** The cases read and the files that could not be read. */
    public record Read(List<SampleCase> cases, List<FileProblem> unreadableFiles) {

        public long corpusCount() {
            return cases.stream().filter(SampleCase::corpus).count();
        }

        public long scenarioCount() {
            return cases.size() - corpusCount();
        }
    }

    private SampleCases() {
    }

    /** The scenarios of a test-cases folder, and the files that could not be read (each with why). */
    record Scenarios(List<Scenario> scenarios, List<FileProblem> unreadableFiles) {
    }

    /** Reads every scenario file of {@code folder}; a file that cannot be read is reported, the others still count. */
    static Scenarios scenarios(Path folder) {
        List<Scenario> scenarios = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (Path file : ScenarioFiles.files(folder)) {
            String name = ScenarioFiles.name(folder, file);
            try {
                scenarios.addAll(ScenarioFiles.read(file, name));
            } catch (RuntimeException e) {
                problems.add(new FileProblem(name, e.getMessage()));
            }
        }
        return new Scenarios(scenarios, problems);
    }

    public static Read read(Path folder) {
        List<SampleCase> cases = new ArrayList<>();
        Scenarios read = scenarios(folder);
        List<FileProblem> problems = new ArrayList<>(read.unreadableFiles());
        for (Scenario s : read.scenarios()) {
            cases.add(new SampleCase(s.id(), s.name(), false, s.request()));
        }
        for (Path file : corpusFiles(folder)) {
            String name = ScenarioFiles.name(folder, file);
            try {
                cases.addAll(corpus(file, name));
            } catch (RuntimeException e) {
                problems.add(new FileProblem(name, e.getMessage()));
            }
        }
        return new Read(cases, problems);
    }

    /** The YAML files under {@code corpus/} of a test-cases folder, in path order (none if there is no corpus). */
    public static List<Path> corpusFiles(Path folder) {
        Path corpus = folder.resolve("corpus");
        if (!Files.isDirectory(corpus)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> Files.isRegularFile(p) && p.toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases of one corpus file. */
    public static List<SampleCase> corpus(Path file, String name) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.has("cases") || !root.get("cases").isArray()) {
            throw new IllegalArgumentException(name + ": needs a list 'cases'");
        }
        List<SampleCase> cases = new ArrayList<>();
        int number = 0;
        for (JsonNode entry : root.get("cases")) {
            number++;
            if (!entry.hasNonNull("name") || !entry.has("request")) {
                throw new IllegalArgumentException(name + " case " + number + ": needs 'name' and 'request'");
            }
            cases.add(new SampleCase(name + " #" + number, entry.get("name").asText(), true, entry.get("request")));
        }
        return cases;
    }
}
