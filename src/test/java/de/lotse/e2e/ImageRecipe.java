package de.lotse.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the container image runs the service, read from the repository's {@code Dockerfile}, so that a test can follow
 * the same steps on this machine (which has no Docker engine): the Java version of the runtime image, its
 * {@code JAVA_TOOL_OPTIONS}, the JVM options of each training run ({@code RUN java … -jar <the service>}) and of the
 * entry point. Paths under {@code /app/} are kept as written; {@link #under(List, Path)} moves them to a test folder.
 */
record ImageRecipe(int javaVersion, String javaToolOptions, List<List<String>> trainingRuns, List<String> entryPoint) {

    private static final String SERVICE_JAR = "/app/service/fachkraefte-lotse.jar";
    private static final Pattern RUNTIME = Pattern.compile("(?m)^FROM eclipse-temurin:(\\d+)-jre\\s*$");
    private static final Pattern TOOL_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"");
    private static final Pattern TRAINING =
            Pattern.compile("(?m)^RUN java (.*) -jar " + Pattern.quote(SERVICE_JAR) + "\\s*$");
    private static final Pattern ENTRY_POINT = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])\\s*$");

    static ImageRecipe read(Path dockerfile) throws IOException {
        // a backslash at the end of a line continues the instruction on the next
        String text = Files.readString(dockerfile).replaceAll("\\\\\\n\\s*", " ");
        Matcher runtime = RUNTIME.matcher(text);
        Matcher toolOptions = TOOL_OPTIONS.matcher(text);
        Matcher entry = ENTRY_POINT.matcher(text);
        if (!runtime.find() || !toolOptions.find() || !entry.find()) {
            throw new IllegalStateException("the Dockerfile no longer has the runtime image "
                    + "eclipse-temurin:<version>-jre, JAVA_TOOL_OPTIONS=\"…\" or an ENTRYPOINT [\"java\", …]: "
                    + "adapt ImageRecipe");
        }
        List<List<String>> training = new ArrayList<>();
        Matcher run = TRAINING.matcher(text);
        while (run.find()) {
            training.add(List.of(run.group(1).trim().split("\\s+")));
        }
        List<String> command = new ObjectMapper().readValue(entry.group(1), new TypeReference<List<String>>() { });
        int jar = command.indexOf("-jar");
        if (!"java".equals(command.get(0)) || jar < 0 || !SERVICE_JAR.equals(command.get(jar + 1))) {
            throw new IllegalStateException("unexpected ENTRYPOINT " + command + ": adapt ImageRecipe");
        }
        return new ImageRecipe(Integer.parseInt(runtime.group(1)), toolOptions.group(1), List.copyOf(training),
                command.subList(1, jar));
    }

    /** The options with every {@code /app/…} path moved under {@code root}. */
    static List<String> under(List<String> options, Path root) {
        return options.stream().map(o -> o.replace("/app/", root.toAbsolutePath() + "/")).toList();
    }

    /**
     * A java launcher of the image's Java version: the one {@code LOTSE_IMAGE_JAVA} names, else one of the JDKs under
     * /usr/lib/jvm whose {@code release} file says that version.
     */
    Optional<Path> findJava() throws IOException {
        String named = System.getenv("LOTSE_IMAGE_JAVA");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"" + javaVersion + "[.\"]");
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.sorted().filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> {
                        try {
                            Path release = home.resolve("release");
                            return Files.isRegularFile(release) && version.matcher(Files.readString(release)).find();
                        } catch (IOException unreadable) {
                            return false;
                        }
                    })
                    .map(home -> home.resolve("bin/java")).findFirst();
        }
    }
}
