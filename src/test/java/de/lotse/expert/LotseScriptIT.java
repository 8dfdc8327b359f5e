package de.lotse.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./lotse} script itself, with bash, on the packaged jar (failsafe runs this after {@code package} and names
 * the jar in {@code lotse.jar}): it starts the entry point from the jar without a web server and reports the check.
 * Skipped when there is no jar or no bash.
 */
class LotseScriptIT {

    @Test
    void theScriptRunsTheCheckFromThePackagedJar() throws Exception {
        Path jar = Path.of(System.getProperty("lotse.jar", "target/fachkraefte-lotse.jar"));
        assumeTrue(Files.isRegularFile(jar), "no packaged jar at " + jar);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "no bash");

        Result help = lotse(jar, "help");
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("./lotse check").contains("./lotse impact");

        Result check = lotse(jar, "check", "--failures-only", "--lang", "en");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).containsPattern("Totals: (\\d+) scenarios, \\1 passed, 0 failed\\.")
                .contains("All scenarios pass")
                .doesNotContain("Tomcat started")
                .doesNotContain(" DEBUG ");

        Result wrong = lotse(jar, "check", "--scenarios", "no-such-folder");
        assertThat(wrong.exit()).as(wrong.output()).isEqualTo(64);
        assertThat(wrong.output()).contains("--scenarios").contains("does not exist");
    }

    private record Result(int exit, String output) {
    }

    private static Result lotse(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "./lotse"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LOTSE_JAR", jar.toAbsolutePath().toString());
        builder.environment().remove("LOTSE_LANG");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
