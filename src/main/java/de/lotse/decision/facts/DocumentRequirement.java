package de.lotse.decision.facts;

/**
 * A document of a pathway's checklist (code from rules/catalogues/documents.yaml). In a consequence:
 * {@code insert(DocumentRequirement.required("BLUE_CARD", "PASSPORT"));} or
 * {@code insert(DocumentRequirement.optional("BLUE_CARD", "TRANSLATIONS").note("note.translations"));}
 */
public final class DocumentRequirement implements RuleOutput {

    private final String pathway;
    private final String code;
    private final boolean required;
    private String noteKey;

    private DocumentRequirement(String pathway, String code, boolean required) {
        this.pathway = pathway;
        this.code = code;
        this.required = required;
    }

    public static DocumentRequirement required(String pathway, String code) {
        return new DocumentRequirement(pathway, code, true);
    }

    public static DocumentRequirement optional(String pathway, String code) {
        return new DocumentRequirement(pathway, code, false);
    }

    /** A text key (texts/*.yaml) for a note that replaces the catalogue's note in this checklist. */
    public DocumentRequirement note(String key) {
        this.noteKey = key;
        return this;
    }

    @Override
    public String getPathway() { return pathway; }
    public String getCode() { return code; }
    public boolean isRequired() { return required; }
    public String getNoteKey() { return noteKey; }

    @Override
    public String toString() { return "DocumentRequirement[" + pathway + " " + code + "]"; }
}
