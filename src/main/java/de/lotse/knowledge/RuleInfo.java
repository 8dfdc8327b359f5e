package de.lotse.knowledge;

/** One rule of the knowledge base: its name, its legal citation (@legalBasis), and where it is written. */
public record RuleInfo(String name, String legalBasis, String file, int line) {
}
