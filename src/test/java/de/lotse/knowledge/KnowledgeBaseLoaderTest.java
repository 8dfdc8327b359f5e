package de.lotse.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class KnowledgeBaseLoaderTest {

    @Test
    void theRulesFolderOfTheRepositoryLoads() {
        KnowledgeBase kb = new KnowledgeBaseLoader(Clock.systemUTC()).load(Path.of("rules"));
        assertThat(kb.version()).startsWith("sha256:");
        assertThat(kb.rules()).allSatisfy(r -> assertThat(r.legalBasis()).isNotBlank());
    }
}
