package de.lotse.web;

import de.lotse.knowledge.KnowledgeBaseService;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page for legal experts: {@code GET /rules} shows the knowledge base in service; {@code POST /rules/reload}
 * (admin only, see SecurityConfig) reloads the rules folder and comes back to the page.
 */
@Controller
class RulesPageController {

    static final String TRIGGER = "rules page";

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
}
