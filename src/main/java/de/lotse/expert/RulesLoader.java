package de.lotse.expert;

import de.lotse.knowledge.KnowledgeBase;
import java.nio.file.Path;

/**
 * Loads a rules folder into a knowledge base (by default {@link de.lotse.knowledge.KnowledgeBaseLoader}); throws
 * {@link de.lotse.knowledge.InvalidRulesException} naming every problem. A seam for tests that load one folder often.
 */
@FunctionalInterface
interface RulesLoader {

    KnowledgeBase load(Path folder);
}
