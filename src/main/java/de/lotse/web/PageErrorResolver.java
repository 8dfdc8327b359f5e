package de.lotse.web;

import de.lotse.api.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A browser's request that reaches no page — an address that does not exist (404), a method no page takes (405), any
 * other refusal of Spring MVC's before a controller — answers with the error page in the page's language. Without
 * this, api.ApiExceptionHandler, which answers every request without a controller, would send its problem document,
 * and the browser would show it as code. Requests under {@code /api/} and clients that do not prefer HTML (Accept)
 * keep the problem documents; what a controller throws is its advice's (WebErrorAdvice for the pages). Runs before
 * the advice (WebConfiguration).
 */
final class PageErrorResolver implements HandlerExceptionResolver {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!(e instanceof ErrorResponse) || handler instanceof HandlerMethod || ApiPaths.isApi(request)
                || !prefersHtml(request)) {
            return null;
        }
        return new ModelAndView("error", Map.of("status", WebErrorAdvice.status(e, request, response)));
    }

    /**
     * The client asks for HTML (or XHTML) and for no JSON type with at least the same preference: a browser, not a
     * program. Wildcard types state no preference; an Accept header that cannot be read asks for nothing.
     */
    static boolean prefersHtml(HttpServletRequest request) {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                html = Math.max(html, type.getQualityValue());
            } else if ("json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix())) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return html > json;
    }
}
