package de.lotse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A failure behind a page answers with the error page (the API's handler would answer JSON, which a browser shows as
 * code): with the status the failure carries (404, 405 …) or 500. The log names an unexpected failure and the path,
 * never the case: form data is personal data. {@link PageErrorResolver} shows the same page for a browser's request
 * that reaches no page at all.
 */
@ControllerAdvice(assignableTypes = {AdvisorController.class, RulesPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

    @ExceptionHandler(Exception.class)
    String failure(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("status", status(e, request, response));
        return "error";
    }

    /**
     * The status of the error page for a failure, set on the response: a refusal's own status and headers (such as
     * {@code Allow} with a 405), or 500 for anything else, which is logged.
     */
    static int status(Exception e, HttpServletRequest request, HttpServletResponse response) {
        int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
        if (e instanceof ErrorResponse refusal) {
            status = refusal.getStatusCode().value();
            refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        if (status >= 500) {
            log.error("Page {} {} failed: {}", request.getMethod(), request.getRequestURI(), where(e));
        }
        response.setStatus(status);
        return status;
    }

    /**
     * The failure's type and where it happened, without its message (a message may quote what was entered): the
     * exception classes and the top frames of the cause chain.
     */
    static String where(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(3, frames.length); i++) {
                out.append(" at ").append(frames[i]);
            }
        }
        return out.toString();
    }
}
