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
                Duration.ofMillis(100), Duration.ZERO, null)), Clock.systemUTC(), meters);
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

    @Test
    void theCheckReloadsOnlyChangedContentAndRecordsNothingOtherwise() throws IOException {
        assertThat(service.reloadIfChanged("check")).isEmpty();
        assertThat(service.lastReload()).isEmpty();
        assertThat(meters.find("lotse.rules.reloads").counters()).isEmpty();

        replace("parameters/opportunity-card-min-points.yaml", "value: 6", "value: 5");
        assertThat(service.reloadIfChanged("check")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(ReloadStatus.LOADED));
        assertThat(service.reloadIfChanged("check")).isEmpty();

        // a broken version is reported once, not at every check
        replace("aufenthg/s18g_blaue_karte.drl", "then", "then oops(");
        assertThat(service.reloadIfChanged("check")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(ReloadStatus.FAILED));
        assertThat(service.reloadIfChanged("check")).isEmpty();
        replace("aufenthg/s18g_blaue_karte.drl", "then oops(", "then");
        assertThat(service.reloadIfChanged("check")).isEmpty();
        // and so is a folder that cannot be read; when it is back, that is recorded, so the failure does not linger
        Path away = Files.move(rules, temp.resolve("rules-away"));
        assertThat(service.reloadIfChanged("check")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(ReloadStatus.FAILED));
        assertThat(service.reloadIfChanged("check")).isEmpty();
        Files.move(away, rules);
        assertThat(service.reloadIfChanged("check")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(ReloadStatus.UNCHANGED));
        assertThat(service.lastReload()).hasValueSatisfying(a -> assertThat(a.errors()).isEmpty());
        assertThat(service.reloadIfChanged("check")).isEmpty();
        assertThat(meters.counter("lotse.rules.reloads", "result", "failed").count()).isEqualTo(2);
    }

    @Test
    void aFolderReachedThroughASymbolicLinkLoadsAndASwitchOfTheLinkIsFoundByThePeriodicCheck() throws Exception {
        Path v1 = rules;
        Path v2 = temp.resolve("rules-v2");
        FileSystemUtils.copyRecursively(v1, v2);
        String file = "parameters/opportunity-card-min-points.yaml";
        Files.writeString(v2.resolve(file), Files.readString(v2.resolve(file)).replaceFirst("value: 6", "value: 5"));
        Path link = Files.createSymbolicLink(temp.resolve("current"), v1);
        KnowledgeBaseService linked = new KnowledgeBaseService(new LotseProperties(new LotseProperties.Rules(link, true,
                Duration.ofMillis(50), Duration.ofMillis(200), null)), Clock.systemUTC(), meters);
        assertThat(linked.current().version()).isEqualTo(service.current().version());

        RulesFolderWatcher watcher = new RulesFolderWatcher(linked, new LotseProperties(new LotseProperties.Rules(link,
                true, Duration.ofMillis(50), Duration.ofMillis(200), null)));
        watcher.start();
        try {
            // publish v2 the way docs/deployment.md says: a new link moved over the old one (no file event in v1)
            Path next = Files.createSymbolicLink(temp.resolve("current.next"), v2);
            Files.move(next, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // the new version goes into service a moment before the attempt is recorded: wait for both
            while ((linked.current().version().equals(service.current().version()) || linked.lastReload().isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(linked.current().version()).isNotEqualTo(service.current().version());
            assertThat(linked.lastReload()).hasValueSatisfying(a -> {
                assertThat(a.trigger()).isEqualTo(RulesFolderWatcher.CHECK_TRIGGER);
                assertThat(a.status()).isEqualTo(ReloadStatus.LOADED);
            });
            assertThat(linked.current().parameters().definitions().get("opportunity-card-min-points").values())
                    .anySatisfy(v -> assertThat(v.value()).isEqualByComparingTo("5"));
            // the file events now come from the folder the link points to
            while (!v2.toRealPath().equals(watcher.watchedRoot()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(watcher.watchedRoot()).isEqualTo(v2.toRealPath());
        } finally {
            watcher.stop();
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String content = Files.readString(path);
        assertThat(content).contains(from);
        Files.writeString(path, content.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }
}
