package de.lotse.api;

import de.lotse.decision.CaseJson;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies the strict case-reading rules of {@link CaseJson} to Spring's ObjectMapper. */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictCaseJson() {
        return builder -> builder.featuresToEnable(CaseJson.ENABLED.toArray())
                .featuresToDisable(CaseJson.DISABLED.toArray());
    }
}
