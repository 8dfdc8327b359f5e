package de.lotse.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a YAML data file that remembers its file and line, so that every error names the place to fix.
 * Scalars are read as text and converted here (no YAML type guessing); duplicate keys are errors.
 */
final class YamlNode {

    private final Node node;
    private final String file;

    private YamlNode(Node node, String file) {
        this.node = node;
        this.file = file;
    }

    /** Parses the bytes of a data file (read once, so the content matches the version hash). */
    static YamlNode read(byte[] content, String relativeName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            Node root = new Yaml(new SafeConstructor(options)).compose(reader);
            if (root == null) {
                throw new DataError(relativeName, 1, "the file is empty");
            }
            return new YamlNode(root, relativeName);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new DataError(relativeName, line, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new DataError(relativeName, 0, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof DataError) {
                throw e;
            }
            throw new DataError(relativeName, 0, "not valid YAML: " + e.getMessage());
        }
    }

    int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    String file() {
        return file;
    }

    DataError error(String message) {
        return new DataError(file, line(), message);
    }

    boolean isNull() {
        return node instanceof ScalarNode scalar && isNullText(scalar.getValue()) && scalar.getTag().getValue().endsWith(":null");
    }

    private static boolean isNullText(String value) {
        return value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null");
    }

    /** The entries of a mapping, in file order; duplicate keys are an error. */
    Map<String, YamlNode> map() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping (key: value lines)");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(tuple.getKeyNode(), file);
            String name = key.text();
            if (entries.containsKey(name)) {
                throw key.error("'" + name + "' appears twice");
            }
            entries.put(name, new YamlNode(tuple.getValueNode(), file));
        }
        return entries;
    }

    List<YamlNode> list() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list (lines starting with '- ' or [a, b])");
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlNode(item, file));
        }
        return items;
    }

    /** The child under {@code key}, or null if absent or empty. */
    YamlNode get(String key) {
        YamlNode child = map().get(key);
        return child == null || child.isNull() ? null : child;
    }

    YamlNode require(String key) {
        YamlNode child = get(key);
        if (child == null) {
            throw error("'" + key + "' is missing");
        }
        return child;
    }

    String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value, not a list or mapping");
        }
        return scalar.getValue().trim();
    }

    String requireText(String key) {
        String value = require(key).text();
        if (value.isEmpty()) {
            throw require(key).error("'" + key + "' is empty");
        }
        return value;
    }

    String optionalText(String key) {
        YamlNode child = get(key);
        return child == null ? null : child.text();
    }

    BigDecimal decimal() {
        try {
            return new BigDecimal(text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("'" + text() + "' is not a number (write 45934.20, without thousands separators)");
        }
    }

    LocalDate date() {
        try {
            return LocalDate.parse(text());
        } catch (DateTimeParseException e) {
            throw error("'" + text() + "' is not a date (write YYYY-MM-DD)");
        }
    }

    LocalDate optionalDate(String key) {
        YamlNode child = get(key);
        return child == null ? null : child.date();
    }

    Boolean bool() {
        String value = text();
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw error("'" + value + "' must be true or false");
    }

    /** {@code {de: …, en: …}} with both languages present. */
    de.lotse.decision.LocalizedText localized() {
        String de = requireText("de");
        String en = requireText("en");
        return new de.lotse.decision.LocalizedText(de, en);
    }

    List<String> texts() {
        return list().stream().map(YamlNode::text).toList();
    }
}
