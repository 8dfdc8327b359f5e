package de.lotse.web;

import de.lotse.api.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language and page plumbing of the web pages. German is the default; {@code ?lang=en} (or {@code lang=de}) on any
 * page switches, and a cookie keeps the choice — there are no sessions. Texts come from messages.properties (German)
 * and messages_en.properties; the JVM's own locale never decides. A browser that asks for a page that does not exist
 * gets the error page, not the API's problem document ({@link PageErrorResolver}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "lotse-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver();
        resolver.setDefaultLocale(Locale.GERMAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language).excludePathPatterns("/api/**");
        registry.addInterceptor(new CsrfCookieInterceptor()).excludePathPatterns("/api/**");
    }

    /** Before the exception handlers (and so before api.ApiExceptionHandler, which answers every path otherwise). */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new PageErrorResolver());
    }

    /**
     * Pages: German or English only (anything else reads as German), from the cookie, German by default. The JSON API
     * keeps Spring's usual locale (Accept-Language, else the JVM's), so that its messages do not depend on a page
     * cookie and do not change because the pages default to German.
     */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super(LANGUAGE_COOKIE);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (ApiPaths.isApi(request)) {
                return request.getLocale();
            }
            return Languages.locale(Languages.of(super.resolveLocale(request)));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : Languages.locale(Languages.of(locale)));
        }
    }

    /**
     * Makes the CSRF token (and so its cookie) exist before a page is rendered: Thymeleaf may flush a long page
     * before it reaches the first form, and a cookie cannot be set after that.
     */
    static final class CsrfCookieInterceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            return true;
        }
    }
}
