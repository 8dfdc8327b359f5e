package de.lotse.expert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A version of the rules for the impact report: a folder as it is, or the rules folder of a git revision extracted
 * into a temporary folder ({@code git archive <rev>:./rules | tar -x}) that {@link #close()} removes.
 *
 * @param label  how the report names it, e.g. {@code rules} or {@code HEAD:rules}
 * @param folder where the rules are
 */
record RulesFolder(String label, Path folder, Path temporary) implements AutoCloseable {

    /** A folder or git revision that cannot be used; the message says why. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    static RulesFolder of(String label, Path folder) {
        return new RulesFolder(label, folder, null);
    }

    /**
     * {@code spec} names a folder (used as it is) or a git revision of the repository at {@code home}, whose
     * {@code rulesPath} (relative to {@code home}) is extracted.
     */
    static RulesFolder folderOrRevision(String spec, Path home, String rulesPath) throws Unusable {
        Path folder = Path.of(spec);
        if (Files.isDirectory(folder)) {
            return of(spec, folder);
        }
        if (spec.startsWith("-") || spec.isBlank()) {
            throw new Unusable("'" + spec + "' is neither a folder nor a git revision");
        }
        Result check = run(home, List.of("git", "rev-parse", "--verify", "--quiet", spec + "^{commit}"));
        if (check.code() != 0) {
            throw new Unusable("'" + spec + "' is neither a folder nor a git revision of " + home
                    + (check.output().isBlank() ? "" : " (" + check.output().strip() + ")"));
        }
        Path temporary = null;
        try {
            temporary = Files.createTempDirectory("lotse-rules-");
            Path tar = temporary.resolve("rules.tar");
            Path target = Files.createDirectory(temporary.resolve("rules"));
            Result archive = run(home, List.of("git", "archive", "--format=tar", "-o", tar.toString(), spec + ":./" + rulesPath));
            if (archive.code() != 0) {
                throw new Unusable("git cannot extract " + rulesPath + " of " + spec + ": " + archive.output().strip());
            }
            Result untar = run(home, List.of("tar", "-xf", tar.toString(), "-C", target.toString()));
            if (untar.code() != 0) {
                throw new Unusable("tar cannot unpack the rules of " + spec + ": " + untar.output().strip());
            }
            Files.delete(tar);
            return new RulesFolder(spec + ":" + rulesPath, target, temporary);
        } catch (IOException e) {
            delete(temporary);
            throw new Unusable("cannot extract the rules of " + spec + ": " + e.getMessage());
        } catch (Unusable e) {
            delete(temporary);
            throw e;
        }
    }

    @Override
    public void close() {
        delete(temporary);
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path directory, List<String> command) throws Unusable {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toAbsolutePath().toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new Unusable(command.get(0) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unusable(command.get(0) + " is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unusable(command.get(0) + " was interrupted");
        }
    }

    /** A temporary folder that cannot be removed is left to the system. */
    private static void delete(Path root) {
        if (root == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException ignored) {
            // left to the system
        }
    }
}
