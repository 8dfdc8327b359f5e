package de.lotse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Legal figures live in rules/, never in Java: no amount of any parameter (in any of the ways one writes it) and no
 * address of the statute site appears in src/main, and only the knowledge package touches the KIE API.
 */
class NoLegalFiguresInJavaTest {

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void noParameterAmountIsWrittenInJava() throws IOException {
        KnowledgeBase kb = new KnowledgeBaseLoader(Clock.systemUTC()).load(Path.of("rules"));
        Set<String> spellings = new TreeSet<>();
        kb.parameters().definitions().values().stream()
                .filter(d -> d.unit().startsWith("EUR"))
                .flatMap(d -> d.values().stream())
                .map(v -> v.value())
                .filter(v -> v != null && v.compareTo(BigDecimal.valueOf(100)) >= 0)
                .forEach(v -> {
                    String plain = v.stripTrailingZeros().toPlainString();
                    spellings.add(plain);
                    String whole = v.setScale(0, java.math.RoundingMode.DOWN).toPlainString();
                    if (whole.length() > 3) {
                        String head = whole.substring(0, whole.length() - 3);
                        String tail = whole.substring(whole.length() - 3);
                        spellings.add(head + "." + tail);
                        spellings.add(head + "," + tail);
                        spellings.add(head + "_" + tail);
                    }
                });
        assertThat(spellings).contains("50700", "45934.2");
        List<String> found = new ArrayList<>();
        for (Path source : mainSources()) {
            String text = Files.readString(source);
            for (String amount : spellings) {
                if (text.matches("(?s).*(?<![0-9.,_])" + java.util.regex.Pattern.quote(amount) + "(?![0-9]).*")) {
                    found.add(source + ": " + amount);
                }
            }
        }
        assertThat(found).as("amounts of parameters written in Java").isEmpty();
    }

    @Test
    void noAddressOfTheStatuteSiteIsWrittenInJava() throws IOException {
        // where an act is published is data (rules/catalogues/acts.yaml), so a legal expert can add or correct it
        List<String> found = new ArrayList<>();
        for (Path source : mainSources()) {
            if (Files.readString(source).contains("gesetze-im-internet.de")) {
                found.add(source.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void onlyTheKnowledgePackageUsesTheKieApi() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path source : mainSources()) {
            String path = source.toString().replace('\\', '/');
            if (!path.contains("/de/lotse/knowledge/") && Files.readString(source).matches("(?s).*import org\\.(kie|drools)\\..*")) {
                offenders.add(path);
            }
        }
        assertThat(offenders).isEmpty();
    }
}
