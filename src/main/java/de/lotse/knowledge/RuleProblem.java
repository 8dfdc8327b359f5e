package de.lotse.knowledge;

/** One error in the rules folder: the file (relative to the folder), the line (1-based, 0 if unknown) and what is wrong. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
