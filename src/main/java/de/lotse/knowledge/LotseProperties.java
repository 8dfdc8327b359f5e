package de.lotse.knowledge;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lotse.*}.
 *
 * @param rules where the rules folder is ({@code lotse.rules.dir}, env {@code LOTSE_RULES_DIR}; default {@code rules})
 */
@ConfigurationProperties("lotse")
public record LotseProperties(@DefaultValue Rules rules) {

    public record Rules(@DefaultValue("rules") Path dir) {
    }
}
