package de.lotse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lotse.LotseApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.FileSystemUtils;

/** A rules folder with an error stops the service from starting, and says where the error is. */
class BrokenRulesStopStartUpTest {

    @Test
    void theServiceDoesNotStartOnABrokenRule(@TempDir Path temp) throws Exception {
        Path rules = brokenRules(temp);
        assertThatThrownBy(() -> new SpringApplicationBuilder(LotseApplication.class)
                .run("--lotse.rules.dir=" + rules, "--server.port=0").close())
                .satisfies(BrokenRulesStopStartUpTest::namesTheBrokenFile);
    }

    /** The real entry point compiles the rules while Spring starts (FirstLoad); the error still stops the start. */
    @Test
    void theServiceStartedByItsMainMethodDoesNotStartOnABrokenRuleEither(@TempDir Path temp) throws Exception {
        Path rules = brokenRules(temp);
        assertThatThrownBy(() -> LotseApplication.main(new String[] {"--lotse.rules.dir=" + rules, "--server.port=0"}))
                .satisfies(BrokenRulesStopStartUpTest::namesTheBrokenFile);
    }

    private static Path brokenRules(Path temp) throws Exception {
        Path rules = temp.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), rules);
        Path drl = rules.resolve("aufenthg/s18a_fachkraft_berufsausbildung.drl");
        Files.writeString(drl, Files.readString(drl).replaceFirst("(?m)^then$", "then oops("));
        return rules;
    }

    private static void namesTheBrokenFile(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        assertThat(root).isInstanceOf(InvalidRulesException.class);
        assertThat(root.getMessage()).contains("aufenthg/s18a_fachkraft_berufsausbildung.drl:");
    }
}
