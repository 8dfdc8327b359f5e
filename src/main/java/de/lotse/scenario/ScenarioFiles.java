package de.lotse.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads scenario files: YAML with an optional {@code base} request shared by all scenarios of the file and a list
 * {@code scenarios}, each with {@code name}, {@code request} (merged over base; {@code null} removes a field) and
 * {@code expect}. Files under a folder named {@code corpus} are sample cases without expectations and are skipped.
 */
public final class ScenarioFiles {

    private static final YAMLMapper YAML = new YAMLMapper();

    private ScenarioFiles() {
    }

    public static List<Scenario> readFolder(Path folder) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files(folder)) {
            scenarios.addAll(read(file, name(folder, file)));
        }
        return scenarios;
    }

    /** The scenario files of a folder (YAML below it, not under {@code corpus/}), in path order. */
    public static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().matches(".*\\.ya?ml"))
                    .filter(p -> !name(folder, p).startsWith("corpus/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's name in reports: its '/'-separated path relative to the folder. */
    public static String name(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    public static List<Scenario> read(Path file, String name) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.has("scenarios") || !root.get("scenarios").isArray()) {
            throw new IllegalArgumentException(name + ": needs a list 'scenarios'");
        }
        JsonNode base = root.get("base");
        List<Scenario> result = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root.get("scenarios")) {
            if (!entry.hasNonNull("name") || !entry.has("expect")) {
                throw new IllegalArgumentException(name + " scenario " + (index + 1) + ": needs 'name' and 'expect'");
            }
            JsonNode request = merge(base == null ? YAML.createObjectNode() : base.deepCopy(),
                    entry.has("request") ? entry.get("request") : YAML.createObjectNode());
            result.add(new Scenario(name, index++, entry.get("name").asText(), request, entry.get("expect")));
        }
        return result;
    }

    /** Deep merge: objects merge field by field, anything else replaces; a null removes the field. */
    static JsonNode merge(JsonNode target, JsonNode update) {
        if (!(target instanceof ObjectNode object) || !update.isObject()) {
            return update.deepCopy();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                object.remove(field.getKey());
            } else if (object.has(field.getKey())) {
                object.set(field.getKey(), merge(object.get(field.getKey()), field.getValue()));
            } else {
                object.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return object;
    }
}
