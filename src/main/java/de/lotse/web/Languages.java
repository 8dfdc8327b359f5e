package de.lotse.web;

import de.lotse.decision.Language;
import java.util.Locale;

/** The two languages of the pages and of the advice: German (default) and English. */
public final class Languages {

    private Languages() {
    }

    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Language.en : Language.de;
    }

    public static Locale locale(Language language) {
        return language == Language.en ? Locale.ENGLISH : Locale.GERMAN;
    }
}
