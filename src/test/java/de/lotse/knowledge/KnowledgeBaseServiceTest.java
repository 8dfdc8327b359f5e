package de.lotse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** Reloading the rules folder: new content swaps in, same content is a no-op, broken content never replaces. */
class KnowledgeBaseServiceTest {

    @TempDir
    Path temp;
    Path rules;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    KnowledgeBaseService service;

    @BeforeEach
    void start() throws IOException {
        rules = temp.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), rules);
        service = new KnowledgeBaseService(new LotseProperties(new LotseProperties.Rules(rules, false,
                Duration.ofMillis(100))), Clock.systemUTC(), meters);
    }

    @Test
    void reloadingTheSameContentIsANoOp() {
        KnowledgeBase before = service.current();
        ReloadAttempt attempt = service.reload("test");
        assertThat(attempt.status()).isEqualTo(ReloadStatus.UNCHANGED);
        assertThat(attempt.version()).isEqualTo(before.version()).isEqualTo(attempt.candidateVersion());
        assertThat(service.current()).isSameAs(before);
        assertThat(service.lastReload()).contains(attempt);
        assertThat(meters.counter("lotse.rules.reloads", "result", "unchanged").count()).isEqualTo(1);
    }

    @Test
    void newValidContentIsSwappedIn() throws IOException {
        KnowledgeBase before = service.current();
        replace("parameters/opportunity-card-min-points.yaml", "value: 6", "value: 5");
        ReloadAttempt attempt = service.reload("test");
        assertThat(attempt.status()).isEqualTo(ReloadStatus.LOADED);
        assertThat(attempt.errors()).isEmpty();
        assertThat(service.current()).isNotSameAs(before);
        assertThat(service.current().version()).isEqualTo(attempt.version()).isNotEqualTo(before.version());
        assertThat(service.current().parameters().definitions().get("opportunity-card-min-points").values())
                .anySatisfy(v -> assertThat(v.value()).isEqualByComparingTo("5"));
        assertThat(meters.counter("lotse.rules.reloads", "result", "loaded").count()).isEqualTo(1);
        assertThat(meters.get("lotse.rules.info").tag("version", attempt.version()).gauge().value())
                .isEqualTo(service.current().rules().size());
    }

    @Test
    void aBrokenRuleIsReportedWithFileAndLineAndTheLastGoodVersionKeepsServing() throws IOException {
        KnowledgeBase before = service.current();
        replace("aufenthg/s18g_blaue_karte.drl", "then", "then oops(");
        ReloadAttempt attempt = service.reload("test");
        assertThat(attempt.status()).isEqualTo(ReloadStatus.FAILED);
        assertThat(attempt.version()).isEqualTo(before.version());
        assertThat(attempt.candidateVersion()).isNotEqualTo(before.version());
        assertThat(attempt.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("aufenthg/s18g_blaue_karte.drl");
            assertThat(e.line()).isPositive();
        });
        assertThat(service.current()).isSameAs(before);
        assertThat(service.lastReload()).contains(attempt);

        // the same broken content again: rejected without compiling, with the same errors
        ReloadAttempt again = service.reload("test");
        assertThat(again.status()).isEqualTo(ReloadStatus.FAILED);
        assertThat(again.errors()).isEqualTo(attempt.errors());
        assertThat(meters.counter("lotse.rules.reloads", "result", "failed").count()).isEqualTo(2);

        // fixed: back to the content in service is a no-op, a real change loads
        replace("aufenthg/s18g_blaue_karte.drl", "then oops(", "then");
        assertThat(service.reload("test").status()).isEqualTo(ReloadStatus.UNCHANGED);
        replace("parameters/opportunity-card-min-points.yaml", "value: 6", "value: 5");
        assertThat(service.reload("test").status()).isEqualTo(ReloadStatus.LOADED);
    }

    @Test
    void anInvalidDataFileIsRejectedWithItsNameAndLine() throws IOException {
        KnowledgeBase before = service.current();
        replace("parameters/blue-card-general-threshold.yaml", "value: 48300", "value: forty-eight thousand");
        ReloadAttempt attempt = service.reload("test");
        assertThat(attempt.status()).isEqualTo(ReloadStatus.FAILED);
        assertThat(attempt.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("parameters/blue-card-general-threshold.yaml");
            assertThat(e.line()).isPositive();
        });
        assertThat(service.current()).isSameAs(before);
    }

    @Test
    void aMissingFolderIsAFailedAttemptNotACrash() throws IOException {
        KnowledgeBase before = service.current();
        FileSystemUtils.deleteRecursively(rules);
        ReloadAttempt attempt = service.reload("test");
        assertThat(attempt.status()).isEqualTo(ReloadStatus.FAILED);
        assertThat(attempt.candidateVersion()).isNull();
        assertThat(attempt.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("does not exist"));
        assertThat(service.current()).isSameAs(before);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String content = Files.readString(path);
        assertThat(content).contains(from);
        Files.writeString(path, content.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }
}
