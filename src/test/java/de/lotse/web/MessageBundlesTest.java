package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.lotse.decision.ApprovalStatus;
import de.lotse.decision.Outcome;
import de.lotse.decision.Texts;
import de.lotse.knowledge.KnowledgeBaseLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles are complete in both languages: every key is in German and English, every key a template names
 * exists, and every key the code builds (field labels, help and error texts, option labels, outcomes) exists. Also:
 * the served templates keep to the content security policy (no inline script, style or event handler).
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void germanAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties de = load("messages.properties");
        Properties en = load("messages_en.properties");
        Set<String> onlyGerman = new TreeSet<>(keys(de));
        onlyGerman.removeAll(keys(en));
        Set<String> onlyEnglish = new TreeSet<>(keys(en));
        onlyEnglish.removeAll(keys(de));
        assertThat(onlyGerman).as("keys missing in messages_en.properties").isEmpty();
        assertThat(onlyEnglish).as("keys missing in messages.properties").isEmpty();
        for (String key : keys(de)) {
            assertThat(de.getProperty(key)).as("German text of " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("English text of " + key).isNotBlank();
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> known = keys(load("messages.properties"));
        Set<String> used = new TreeSet<>();
        Pattern staticKey = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = staticKey.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys found in the templates").hasSizeGreaterThan(50);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(known);
        assertThat(missing).as("keys used in templates but in neither bundle").isEmpty();
    }

    @Test
    void everyKeyTheCodeBuildsExists() throws IOException {
        Set<String> known = keys(load("messages.properties"));
        List<String> needed = new ArrayList<>();
        for (FormSection section : FormFields.SECTIONS) {
            needed.add(section.legendKey());
            needed.add(section.introKey());
        }
        for (FormField field : FormFields.ALL) {
            needed.add(field.labelKey());
            needed.add(field.helpKey());
            needed.add(field.errorKey());
            field.options().forEach(o -> needed.add(field.optionKey(o)));
        }
        for (int i = 0; i < CaseForm.CITIZENSHIP_INPUTS; i++) {
            needed.add("field.candidate.citizenships.input" + i);
        }
        for (Outcome outcome : Outcome.values()) {
            needed.add("outcome." + outcome.name());
        }
        for (String status : List.of("MET", "UNMET", "UNKNOWN")) {
            needed.add("condition.status." + status);
        }
        for (ApprovalStatus approval : ApprovalStatus.values()) {
            if (approval != ApprovalStatus.NOT_APPLICABLE) {
                needed.add("approval." + approval.name());
            }
        }
        for (String status : List.of("LOADED", "UNCHANGED", "FAILED")) {
            needed.add("rules.reload.status." + status);
        }
        needed.addAll(List.of("approval.REQUIRED.priorityCheck", "outcome.notAssessed", "option.yes", "option.no",
                "value.notGiven", "value.unknown", "error.general", "error.assessmentDate.window"));
        assertThat(needed).as("keys the code builds").allSatisfy(key -> assertThat(known).contains(key));
    }

    @Test
    void everyPointsCriterionOfTheRulesHasATitle() throws IOException {
        // the titles are rules data (rules/texts, "points.<CODE>"), in both languages
        Texts texts = new KnowledgeBaseLoader(Clock.systemUTC()).load(Path.of("rules")).catalogue().texts();
        Pattern award = Pattern.compile("PointsAward\\.of\\(\"[A-Z_]+\",\\s*\"([A-Z0-9_]+)\"");
        Set<String> criteria = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = award.matcher(Files.readString(file));
                while (m.find()) {
                    criteria.add(m.group(1));
                }
            }
        }
        assertThat(criteria).as("points criteria in rules/").isNotEmpty();
        assertThat(criteria).allSatisfy(c -> assertThat(texts.has("points." + c)).as("points." + c).isTrue());
    }

    @Test
    void servedTemplatesRunNoInlineScriptOrStyle() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");
        Pattern styleAttribute = Pattern.compile("\\s(th:)?style\\s*=");
        Pattern eventHandler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            // pdf/ is rendered to PDF on the server and never sent to a browser
            for (Path file : files.filter(p -> p.toString().endsWith(".html") && !p.startsWith(TEMPLATES.resolve("pdf"))).toList()) {
                String html = Files.readString(file);
                assertThat(inlineScript.matcher(html).find()).as("inline <script> in " + file).isFalse();
                assertThat(html).as("<style> block in " + file).doesNotContain("<style");
                assertThat(styleAttribute.matcher(html).find()).as("style attribute in " + file).isFalse();
                assertThat(eventHandler.matcher(html).find()).as("event handler attribute in " + file).isFalse();
            }
        }
    }
}
