package de.lotse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The security chain names the advisor form's POSTs by hand (a stale token there shows the form again instead of a
 * problem document): the list must be exactly what web.AdvisorController maps, plus the address it forwards to.
 */
class FormPostsTest {

    @Test
    void theFormPostsOfTheSecurityChainAreTheControllersPostMappings() throws ClassNotFoundException {
        Set<String> mapped = new HashSet<>();
        Arrays.stream(Class.forName("de.lotse.web.AdvisorController").getDeclaredMethods())
                .map(m -> m.getAnnotation(PostMapping.class))
                .filter(Objects::nonNull)
                .forEach(a -> {
                    mapped.addAll(Arrays.asList(a.value()));
                    mapped.addAll(Arrays.asList(a.path()));
                });

        assertThat(mapped).contains(SecurityConfig.FORM_TOKEN_REJECTED);
        mapped.remove(SecurityConfig.FORM_TOKEN_REJECTED);
        assertThat(mapped).isEqualTo(SecurityConfig.FORM_POSTS);
    }
}
