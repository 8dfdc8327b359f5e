package de.lotse.expert;

import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Copies of the real rules folder for tests that change a file and see what the tools say. */
final class TempRules {

    static final Path RULES = Path.of("rules");
    static final Path TEST_CASES = Path.of("test-cases");

    /** Rules loaded in this test run, by content version: the same content is compiled once. */
    private static final Map<String, KnowledgeBase> LOADED = new ConcurrentHashMap<>();

    private TempRules() {
    }

    /**
     * Loads a folder, compiling each content only once: compiling takes seconds, and several tests read the same rules
     * (the real folder, a git revision with the same content, a copy used on both sides).
     */
    static KnowledgeBase load(Path folder) {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader(Clock.systemUTC());
        KnowledgeBaseLoader.Snapshot snapshot = loader.read(folder);
        KnowledgeBase kb = LOADED.get(snapshot.version());
        if (kb == null) {
            kb = loader.load(snapshot);
            LOADED.put(snapshot.version(), kb);
        }
        return kb;
    }

    /** A copy of {@code source} at {@code target}. */
    static Path copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites one file of a folder. */
    static void edit(Path folder, String file, UnaryOperator<String> change) {
        Path path = folder.resolve(file);
        try {
            String before = Files.readString(path, StandardCharsets.UTF_8);
            String after = change.apply(before);
            if (after.equals(before)) {
                throw new IllegalStateException("the edit of " + file + " changed nothing");
            }
            Files.writeString(path, after, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
