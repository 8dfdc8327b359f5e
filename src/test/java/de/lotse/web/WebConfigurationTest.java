package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

class WebConfigurationTest {

    private final LocaleResolver resolver = new WebConfiguration().localeResolver();

    private static MockHttpServletRequest request(String uri, String cookie, Locale accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.addPreferredLocale(accept);
        if (cookie != null) {
            request.setCookies(new Cookie(WebConfiguration.LANGUAGE_COOKIE, cookie));
        }
        return request;
    }

    @Test
    void pagesAreGermanUnlessTheCookieSaysEnglish() {
        assertThat(resolver.resolveLocale(request("/", null, Locale.ENGLISH))).isEqualTo(Locale.GERMAN);
        assertThat(resolver.resolveLocale(request("/rules", "en", Locale.GERMAN))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("/", "fr", Locale.FRENCH))).isEqualTo(Locale.GERMAN);
    }

    @Test
    void theApiKeepsTheLocaleOfTheRequestWhateverThePageCookieSays() {
        assertThat(resolver.resolveLocale(request("/api/v1/decisions", null, Locale.ENGLISH))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("/api/v1/decisions", "de", Locale.ENGLISH))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("/api/v1/decisions", "en", Locale.GERMANY))).isEqualTo(Locale.GERMANY);
    }
}
