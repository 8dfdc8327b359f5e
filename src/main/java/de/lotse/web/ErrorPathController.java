package de.lotse.web;

import de.lotse.api.ApiPaths;
import de.lotse.api.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page, {@code /error}, for errors outside Spring MVC: a request address that the
 * security firewall rejects ({@code ;}, {@code //} or an encoded dot segment in the path …) or a failure in a servlet
 * filter. Spring Boot's own answer there is a JSON map of its own; here it is what the service answers everywhere
 * else: a problem document, or, for a browser on a page address, the error page in the page's language. Replaces
 * Boot's BasicErrorController (being an {@link ErrorController}).
 */
@Controller
class ErrorPathController implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = status(request);
        String path = originalPath(request);
        if (!ApiPaths.isApi(path) && PageErrorResolver.prefersHtml(request)) {
            response.setStatus(status);
            model.addAttribute("status", status);
            return "error";
        }
        ProblemDetail problem = status == HttpStatus.INTERNAL_SERVER_ERROR.value() ? Problems.internal()
                : ProblemDetail.forStatus(status);
        try {
            problem.setInstance(URI.create(path));
        } catch (IllegalArgumentException e) {
            // a path that is no valid URI: no instance rather than a failure
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && value >= 400 && value <= 599 ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
    }

    /** The address the client asked for (the error dispatch itself is to /error). */
    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : request.getRequestURI();
        String context = request.getContextPath();
        return !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
    }
}
