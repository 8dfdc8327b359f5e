package de.lotse.web;

import de.lotse.knowledge.KnowledgeBaseService;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page for legal experts: {@code GET /rules} shows the knowledge base in service; {@code POST /rules/reload}
 * (admin only, see SecurityConfig) reloads the rules folder and comes back to the page. A reload whose security token
 * is missing or stale comes back as the page with a notice ({@link #tokenRejected}).
 */
@Controller
class RulesPageController {

    static final String TRIGGER = "rules page";
    /** Where security.SecurityConfig forwards a reload whose CSRF token is missing or stale. */
    static final String TOKEN_REJECTED = "/rules/token-rejected";

    private final KnowledgeBaseService knowledge;

    RulesPageController(KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/rules")
    String rules(Model model, Locale locale) {
        model.addAttribute("page", RulesPage.of(knowledge.current(), knowledge.lastReload().orElse(null),
                Languages.of(locale)));
        return "rules";
    }

    @PostMapping("/rules/reload")
    String reload() {
        knowledge.reload(TRIGGER);
        return "redirect:/rules#reload";
    }

    /**
     * A reload whose CSRF token was missing or stale, forwarded here by the security filter with status 403: the page
     * again, with a valid token and a notice that nothing was reloaded. Only that forward reaches this address.
     */
    @PostMapping(TOKEN_REJECTED)
    String tokenRejected(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (request.getDispatcherType() != DispatcherType.FORWARD) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("tokenRejected", true);
        return rules(model, locale);
    }
}
