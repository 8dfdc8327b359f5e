package de.lotse.decision;

/** A text in German and English, as the catalogues and texts of rules/ carry it. */
public record LocalizedText(String de, String en) {

    public String in(Language language) {
        return language == Language.en ? en : de;
    }
}
