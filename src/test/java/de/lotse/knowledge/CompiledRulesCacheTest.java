package de.lotse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.CaseJson;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionService;
import de.lotse.scenario.Scenario;
import de.lotse.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The compiled-rules cache: a knowledge base whose rules were read from it answers every scenario request exactly as
 * one whose rules were compiled; an entry is only ever read for the same DRL; a damaged entry or a folder others may
 * write to means compiling as without a cache.
 */
class CompiledRulesCacheTest {

    private static final Path RULES = Path.of("rules");
    private static final JsonMapper JSON = CaseJson.mapper();

    @TempDir
    static Path shared;
    static Path cacheDir;
    static KnowledgeBase compiled;
    static KnowledgeBase cached;

    @BeforeAll
    static void loadTwice() {
        cacheDir = shared.resolve("cache");
        compiled = load(RULES, cacheDir);
        cached = load(RULES, cacheDir);
    }

    @Test
    void theSecondLoadOfTheSameRulesReadsThemFromTheCache() throws IOException {
        assertThat(compiled.compiledRulesFromCache()).isFalse();
        assertThat(cached.compiledRulesFromCache()).isTrue();
        assertThat(cached.version()).isEqualTo(compiled.version());
        assertThat(cached.rules()).isEqualTo(compiled.rules()); // names, citations, files and lines
        assertThat(entries(cacheDir)).hasSize(1);
    }

    @Test
    void rulesFromTheCacheAnswerEveryScenarioRequestExactlyAsCompiledRules() throws IOException {
        List<Scenario> scenarios = ScenarioFiles.readFolder(Path.of("test-cases"));
        DecisionService fromCompiled = decisions(compiled);
        DecisionService fromCache = decisions(cached);
        CaseReader reader = CaseReader.standalone();
        int answered = 0;
        for (Scenario s : scenarios) {
            DecisionService.Attempt a = fromCompiled.attempt(reader, s.request());
            DecisionService.Attempt b = fromCache.attempt(reader, s.request());
            if (a instanceof DecisionService.Answered x && b instanceof DecisionService.Answered y) {
                assertThat(withoutId(y)).as(s.name()).isEqualTo(withoutId(x));
                answered++;
            } else {
                assertThat(b.getClass()).as(s.name()).isEqualTo(a.getClass());
            }
        }
        assertThat(answered).as("scenario requests answered").isGreaterThan(200);
    }

    @Test
    void changedRulesMissTheCacheAndAreCompiled(@TempDir Path temp) throws IOException {
        Path rules = temp.resolve("rules");
        FileSystemUtils.copyRecursively(RULES, rules);
        Path file = rules.resolve("aufenthg/s18g_blaue_karte.drl");
        Files.writeString(file, Files.readString(file) + "\n// an edit\n");
        Path cache = copyOfTheCache(temp);

        KnowledgeBase edited = load(rules, cache);

        assertThat(edited.compiledRulesFromCache()).isFalse();
        assertThat(entries(cache)).hasSize(2);
        assertThat(load(rules, cache).compiledRulesFromCache()).isTrue();
    }

    @Test
    void aDamagedEntryIsNotUsedAndTheRulesAreCompiledAndStoredAgain(@TempDir Path temp) throws IOException {
        Path cache = copyOfTheCache(temp);
        Path entry = entries(cache).get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entry, bytes);

        KnowledgeBase loaded = load(RULES, cache);

        assertThat(loaded.compiledRulesFromCache()).isFalse();
        assertThat(loaded.rules()).isEqualTo(compiled.rules());
        assertThat(load(RULES, cache).compiledRulesFromCache()).as("the entry was written again").isTrue();
    }

    @Test
    void aCutShortEntryIsNotUsed(@TempDir Path temp) throws IOException {
        Path cache = copyOfTheCache(temp);
        Path entry = entries(cache).get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, Arrays.copyOf(bytes, bytes.length / 3));

        assertThat(load(RULES, cache).compiledRulesFromCache()).isFalse();
    }

    @Test
    void aNewFolderIsCreatedForItsOwnerOnly(@TempDir Path temp) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        assumeTrue(posix != null, "POSIX permissions");
        Path cache = temp.resolve("a/b/cache");
        CompiledRulesCache.in(cache).write("key", new CompiledRulesCache.Entry(Map.of(), new byte[] {1, 2}));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        assertThat(CompiledRulesCache.in(cache).read("key")).hasValueSatisfying(e -> assertThat(e.packages())
                .containsExactly(1, 2));
        assertThat(CompiledRulesCache.in(cache).read("other key")).isEmpty();
    }

    @Test
    void aFolderOthersMayWriteToIsNotUsed(@TempDir Path temp) throws IOException {
        assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null, "POSIX permissions");
        Path cache = Files.createDirectory(temp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        CompiledRulesCache open = CompiledRulesCache.in(cache);

        open.write("key", new CompiledRulesCache.Entry(Map.of(), new byte[] {1}));

        assertThat(entries(cache)).isEmpty();
        // an entry someone else put there is not read either
        Files.write(cache.resolve(CompiledRulesCache.name("key")),
                CompiledRulesCache.encode("key", new CompiledRulesCache.Entry(Map.of(), new byte[] {1})));
        assertThat(CompiledRulesCache.in(cache).read("key")).isEmpty();
    }

    @Test
    void aFolderRemovedWhileTheServiceRunsIsCreatedAgainForTheNextEntry(@TempDir Path temp) throws IOException {
        Path folder = temp.resolve("cache");
        CompiledRulesCache cache = CompiledRulesCache.in(folder);
        cache.write("key", new CompiledRulesCache.Entry(Map.of(), new byte[] {1}));
        FileSystemUtils.deleteRecursively(folder);

        cache.write("other key", new CompiledRulesCache.Entry(Map.of(), new byte[] {2}));

        assertThat(cache.read("other key")).hasValueSatisfying(e -> assertThat(e.packages()).containsExactly(2));
    }

    @Test
    void anEntryOthersMayWriteToIsNotRead(@TempDir Path temp) throws IOException {
        assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null, "POSIX permissions");
        CompiledRulesCache cache = CompiledRulesCache.in(temp.resolve("cache"));
        cache.write("key", new CompiledRulesCache.Entry(Map.of(), new byte[] {1}));
        Path entry = temp.resolve("cache").resolve(CompiledRulesCache.name("key"));
        assertThat(cache.read("key")).isPresent();

        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(cache.read("key")).isEmpty();
    }

    @Test
    void onlyTheNewestEntriesAreKept(@TempDir Path temp) throws IOException, InterruptedException {
        CompiledRulesCache cache = CompiledRulesCache.in(temp.resolve("cache"));
        for (int i = 0; i < 7; i++) {
            cache.write("key " + i, new CompiledRulesCache.Entry(Map.of(), new byte[] {(byte) i}));
            Files.setLastModifiedTime(temp.resolve("cache").resolve(CompiledRulesCache.name("key " + i)),
                    FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        assertThat(entries(temp.resolve("cache"))).hasSize(4);
        assertThat(cache.read("key 6")).isPresent();
        assertThat(cache.read("key 0")).isEmpty();
    }

    @Test
    void withoutAFolderNothingIsKept() {
        assertThat(CompiledRulesCache.in(null).enabled()).isFalse();
        assertThat(CompiledRulesCache.in(Path.of("")).enabled()).isFalse();
        assertThat(new KnowledgeBaseLoader(Clock.systemUTC()).load(RULES).compiledRulesFromCache()).isFalse();
    }

    @Test
    void theKeyCoversEveryDrlFileAndItsPath() {
        Map<String, String> drl = new TreeMap<>(Map.of("a.drl", "x", "b.drl", "y"));
        String key = RulesCompiler.cacheKey(drl);
        assertThat(RulesCompiler.cacheKey(new TreeMap<>(drl))).isEqualTo(key);
        assertThat(RulesCompiler.cacheKey(Map.of("a.drl", "x", "b.drl", "y "))).isNotEqualTo(key);
        assertThat(RulesCompiler.cacheKey(Map.of("a.drl", "x", "c.drl", "y"))).isNotEqualTo(key);
        assertThat(RulesCompiler.cacheKey(Map.of("a.drl", "xb.drl", "", "y"))).isNotEqualTo(key);
        assertThat(RulesCompiler.cacheKey(Map.of("a.drl", "x"))).isNotEqualTo(key);
    }

    /** A new loader (so nothing compiled in this JVM is reused) with the cache in {@code cache}. */
    private static KnowledgeBase load(Path rules, Path cache) {
        return new KnowledgeBaseLoader(Clock.systemUTC(), CompiledRulesCache.in(cache)).load(rules);
    }

    /** A copy of the cache the first load wrote, to damage or add to. */
    private static Path copyOfTheCache(Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        FileSystemUtils.copyRecursively(cacheDir, cache);
        return cache;
    }

    /** The answer as JSON without its decision id (new for every decision). */
    private static String withoutId(DecisionService.Answered answered) throws IOException {
        ObjectNode json = JSON.valueToTree(answered.advice());
        assertThat(json.remove("decisionId")).isNotNull();
        return JSON.writeValueAsString(json);
    }

    private static DecisionService decisions(KnowledgeBase kb) {
        return new DecisionService(() -> kb, new AdviceAssembler(), Clock.system(ZoneId.of("Europe/Berlin")));
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".rules")).toList());
        }
    }
}
