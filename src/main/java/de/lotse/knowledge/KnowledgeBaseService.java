package de.lotse.knowledge;

import de.lotse.decision.RuleBookProvider;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Holds the knowledge base in service. It is loaded when the service starts; a rules folder with errors stops the
 * start with every error named by file and line. Requests read one immutable version each.
 */
@Service
public class KnowledgeBaseService implements RuleBookProvider {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseService.class);

    private final Path folder;
    private final KnowledgeBaseLoader loader;
    private volatile KnowledgeBase current;

    public KnowledgeBaseService(LotseProperties properties, Clock clock) {
        this.folder = properties.rules().dir();
        this.loader = new KnowledgeBaseLoader(clock);
        long start = System.nanoTime();
        this.current = loader.load(folder);
        log.info("Knowledge base {} loaded from {}: {} rules in {} ms", current.version(), folder.toAbsolutePath(),
                current.rules().size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public KnowledgeBase current() {
        return current;
    }

    public Path folder() {
        return folder;
    }
}
