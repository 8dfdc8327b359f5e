package de.lotse.expert;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The words of {@code ./lotse} in English and German ({@code --lang de|en}, env {@code LOTSE_LANG}). */
final class CliText {

    private static final Map<String, String[]> TEXTS = new HashMap<>();

    private static void text(String key, String en, String de) {
        TEXTS.put(key, new String[] {en, de});
    }

    static {
        text("check.title", "Rules check", "Regelprüfung");
        text("check.rules", "Rules:     %s  (%s, %d rules, assessment dates %s to %s)",
                "Regeln:    %s  (%s, %d Regeln, Prüfdaten %s bis %s)");
        text("check.limitedBy", "           the dates end on %s, the 'knownUntil' of parameters/: %s",
                "           die Prüfdaten enden am %s, dem 'knownUntil' in parameters/: %s");
        text("check.scenarios", "Scenarios: %s  (%d scenarios; corpus/ is not checked)",
                "Szenarien: %s  (%d Szenarien; corpus/ wird nicht geprüft)");
        text("check.notCompiled", "The rules in %s cannot be loaded: %d error(s). No scenario was run.",
                "Die Regeln in %s lassen sich nicht laden: %d Fehler. Kein Szenario wurde ausgeführt.");
        text("check.fixHint", "Fix the files named above (file:line), then run ./lotse check again.",
                "Korrigieren Sie die genannten Dateien (Datei:Zeile) und rufen Sie ./lotse check erneut auf.");
        text("check.pass", "PASS", "OK  ");
        text("check.fail", "FAIL", "FEHL");
        text("check.warning", "WARNING %s", "WARNUNG %s");
        text("check.totalsWarnings", " %d warning(s).", " %d Warnung(en).");
        text("check.unreadable", "ERROR %s: %s", "FEHLER %s: %s");
        text("check.compare", "%s: expected %s, actual %s", "%s: erwartet %s, tatsächlich %s");
        text("check.totals", "Totals: %d scenarios, %d passed, %d failed.", "Summe: %d Szenarien, %d bestanden, %d fehlgeschlagen.");
        text("check.totalsUnreadable", " %d scenario file(s) could not be read.", " %d Szenariodatei(en) nicht lesbar.");
        text("check.allPass", "All scenarios pass: the rules in %s are ready (version %s).",
                "Alle Szenarien bestanden: die Regeln in %s sind bereit (Version %s).");
        text("check.someFail", "Not ready: fix the rules or the scenarios above.",
                "Nicht bereit: Regeln oder Szenarien oben korrigieren.");

        text("impact.title", "Impact of the change", "Auswirkung der Änderung");
        text("impact.side", "  %-4s  %s  (%s, assessment dates %s to %s)", "  %-4s  %s  (%s, Prüfdaten %s bis %s)");
        text("impact.cases", "  cases: %d scenarios from %s + %d corpus cases", "  Fälle: %d Szenarien aus %s + %d Korpusfälle");
        text("impact.notCompiled", "The rules of '%s' (%s) cannot be loaded: %d error(s).",
                "Die Regeln von '%s' (%s) lassen sich nicht laden: %d Fehler.");
        text("impact.group.one", "%s: 1 case changes — %s", "%s: 1 Fall ändert sich — %s");
        text("impact.group.many", "%s: %d cases change — %s", "%s: %d Fälle ändern sich — %s");
        text("impact.points", "points: %d", "Punkte: %d");
        text("impact.documents", "documents: %d", "Unterlagen: %d");
        text("impact.conditionCount", "conditions: %d", "Bedingungen: %d");
        text("impact.steps", "steps: %d", "Schritte: %d");
        text("impact.stepsChange", "steps %s", "Schritte %s");
        text("impact.outcome", "outcome %s → %s", "Ergebnis %s → %s");
        text("impact.pointsChange", "points %s → %s", "Punkte %s → %s");
        text("impact.documentsChange", "documents %s", "Unterlagen %s");
        text("impact.conditions", "conditions: %s", "Bedingungen: %s");
        text("impact.recommended", "Recommended pathway changes in %d case(s):", "Die Empfehlung ändert sich in %d Fall/Fällen:");
        text("impact.recommendedSummary", "Recommended pathway changes in %d case(s).", "Die Empfehlung ändert sich in %d Fall/Fällen.");
        text("impact.notUnderFrom", "Not assessable under from (it supports %s to %s): %d case(s) dated %s to %s — answered under to.",
                "Unter from nicht bewertbar (Prüfdaten %s bis %s): %d Fall/Fälle vom %s bis %s — unter to beantwortet.");
        text("impact.lastDate", "  Compared with the same cases on %s under from (the last date it supports), they change like this:",
                "  Verglichen mit denselben Fällen am %s unter from (dem letzten Prüfdatum dort) ändert sich:");
        text("impact.lastDateSame", "  Compared with the same cases on %s under from (the last date it supports), no outcome, points or documents change.",
                "  Verglichen mit denselben Fällen am %s unter from (dem letzten Prüfdatum dort) ändern sich weder Ergebnis noch Punkte noch Unterlagen.");
        text("impact.notUnderTo", "Not assessable under to (it supports %s to %s): %d case(s) dated %s to %s — answered under from.",
                "Unter to nicht bewertbar (Prüfdaten %s bis %s): %d Fall/Fälle vom %s bis %s — unter from beantwortet.");
        text("impact.notUnderBoth", "Not assessable under from or to: %d case(s) dated %s to %s (outside the assessment dates of both).",
                "Weder unter from noch unter to bewertbar: %d Fall/Fälle vom %s bis %s (außerhalb beider Prüfzeiträume).");
        text("impact.rejected", "Rejected as invalid under %s only: %s  %s (%s)", "Nur unter %s als ungültig abgelehnt: %s  %s (%s)");
        text("impact.unreadable", "ERROR %s: %s", "FEHLER %s: %s");
        text("impact.noChanges", "No changes: none of the %d cases assessable under both versions changes outcome, points, documents, conditions or steps.",
                "Keine Änderungen: bei keinem der %d unter beiden Versionen bewertbaren Fälle ändern sich Ergebnis, Punkte, Unterlagen, Bedingungen oder Schritte.");
        text("impact.totals", "Totals: %d cases, %d assessable under both; %d change (outcome %d, points %d, documents %d, conditions %d, steps %d, recommended pathway %d).",
                "Summe: %d Fälle, %d unter beiden bewertbar; %d ändern sich (Ergebnis %d, Punkte %d, Unterlagen %d, Bedingungen %d, Schritte %d, Empfehlung %d).");

        text("corpus.written", "Wrote %d cases in %d files to %s (seed %d, from the rules %s).",
                "%d Fälle in %d Dateien nach %s geschrieben (Seed %d, aus den Regeln %s).");

        text("usage.error", "lotse: %s", "lotse: %s");
        text("usage.hint", "Run ./lotse help for the commands.", "./lotse help zeigt die Befehle.");
        text("help", """
                ./lotse — tools for legal experts who change rules/ (docs/rule-authoring.en.md)

                  ./lotse check [rules-dir] [--scenarios dir] [--failures-only]
                      compiles the rules folder (default: rules) and runs every scenario of test-cases/ against it.
                      Exit code 0: all scenarios pass; 1: a scenario fails or a warning (e.g. a computed threshold
                      without next year's value); 2: the rules cannot be loaded.
                  ./lotse impact [--from <git revision or folder>] [--to <folder>] [--scenarios dir] [--summary]
                      evaluates the scenarios and the corpus (test-cases/corpus/) under both versions (default: from
                      the rules of the last commit, HEAD, to the folder rules) and lists, per pathway, the cases whose
                      outcome, points, documents, conditions or steps change. Exit code 0; 2 when a version cannot
                      be loaded.
                  ./lotse generate-corpus [--rules dir] [--out dir] [--seed n] [--count n]
                      writes the sample cases of test-cases/corpus/ anew (deterministic for a seed).
                  ./lotse help

                Options for every command: --lang de|en (default: env LOTSE_LANG, else en).
                Wrong use of a command: exit code 64.
                """, """
                ./lotse — Werkzeuge für Fachleute, die rules/ ändern (docs/rule-authoring.md)

                  ./lotse check [Regelordner] [--scenarios Ordner] [--failures-only]
                      lädt den Regelordner (Standard: rules) und führt alle Szenarien aus test-cases/ dagegen aus.
                      Rückgabewert 0: alle Szenarien bestanden; 1: ein Szenario schlägt fehl oder eine Warnung (z. B.
                      eine berechnete Schwelle ohne Wert fürs neue Jahr); 2: Regeln nicht ladbar.
                  ./lotse impact [--from <Git-Revision oder Ordner>] [--to <Ordner>] [--scenarios Ordner] [--summary]
                      bewertet Szenarien und Korpus (test-cases/corpus/) unter beiden Versionen (Standard: von den
                      Regeln des letzten Commits, HEAD, zum Ordner rules) und listet je Aufenthaltsweg die Fälle, deren
                      Ergebnis, Punkte, Unterlagen, Bedingungen oder Schritte sich ändern. Rückgabewert 0; 2, wenn eine
                      Version nicht ladbar ist.
                  ./lotse generate-corpus [--rules Ordner] [--out Ordner] [--seed n] [--count n]
                      schreibt die Beispielfälle in test-cases/corpus/ neu (deterministisch je Seed).
                  ./lotse help

                Für alle Befehle: --lang de|en (Standard: Umgebungsvariable LOTSE_LANG, sonst en).
                Falscher Aufruf: Rückgabewert 64.
                """);
    }

    private final int index;

    private CliText(int index) {
        this.index = index;
    }

    static CliText of(String language) {
        if (language == null || language.isBlank() || language.toLowerCase(Locale.ROOT).startsWith("en")) {
            return new CliText(0);
        }
        if (language.toLowerCase(Locale.ROOT).startsWith("de")) {
            return new CliText(1);
        }
        throw new IllegalArgumentException("--lang must be de or en, not '" + language + "'");
    }

    boolean german() {
        return index == 1;
    }

    String get(String key, Object... args) {
        String[] texts = TEXTS.get(key);
        if (texts == null) {
            throw new IllegalStateException("no text " + key);
        }
        return args.length == 0 ? texts[index] : String.format(german() ? Locale.GERMAN : Locale.ENGLISH, texts[index], args);
    }
}
