package de.lotse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The security chain names the pages' POSTs by hand (a stale token there shows the page again instead of a problem
 * document): the lists must be exactly what web.AdvisorController and web.RulesPageController map, plus the addresses
 * they are forwarded to.
 */
class FormPostsTest {

    @Test
    void theFormPostsOfTheSecurityChainAreTheControllersPostMappings() throws ClassNotFoundException {
        Set<String> mapped = postMappings("de.lotse.web.AdvisorController");

        assertThat(mapped).contains(SecurityConfig.FORM_TOKEN_REJECTED);
        mapped.remove(SecurityConfig.FORM_TOKEN_REJECTED);
        assertThat(mapped).isEqualTo(SecurityConfig.FORM_POSTS);
    }

    @Test
    void theRulesPagePostsOfTheSecurityChainAreTheControllersPostMappings() throws ClassNotFoundException {
        assertThat(postMappings("de.lotse.web.RulesPageController"))
                .isEqualTo(Set.of(SecurityConfig.RULES_RELOAD, SecurityConfig.RULES_TOKEN_REJECTED));
    }

    private static Set<String> postMappings(String controller) throws ClassNotFoundException {
        Set<String> mapped = new HashSet<>();
        Arrays.stream(Class.forName(controller).getDeclaredMethods())
                .map(m -> m.getAnnotation(PostMapping.class))
                .filter(Objects::nonNull)
                .forEach(a -> {
                    mapped.addAll(Arrays.asList(a.value()));
                    mapped.addAll(Arrays.asList(a.path()));
                });
        return mapped;
    }
}
