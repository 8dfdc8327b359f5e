package de.lotse.decision;

/** Language of all texts of an advice. */
public enum Language {
    de, en
}
