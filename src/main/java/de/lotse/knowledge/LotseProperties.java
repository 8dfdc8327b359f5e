package de.lotse.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lotse.*}.
 *
 * @param rules where the rules folder is and how changes to it are picked up
 */
@ConfigurationProperties("lotse")
public record LotseProperties(@DefaultValue Rules rules) {

    /**
     * @param dir      the rules folder ({@code lotse.rules.dir}, env {@code LOTSE_RULES_DIR}; default {@code rules})
     * @param watch    reload by itself when a file in the folder changes ({@code lotse.rules.watch}, default true)
     * @param debounce quiet time after the last change before the reload starts, so that an editor's save or a
     *                 copied folder is read once and whole ({@code lotse.rules.debounce}, default 500ms)
     * @param checkInterval with {@code watch}, how often the folder's content is also compared with the version in
     *                 service, for changes that send no file event: a switched symbolic link, a network file system
     *                 changed from another host ({@code lotse.rules.check-interval}, default 60s; 0 switches it off)
     * @param cacheDir where compiled rules are kept so that a start with the same rules skips compiling them
     *                 ({@code lotse.rules.cache-dir}, env {@code LOTSE_RULES_CACHEDIR}; application.properties sets a
     *                 folder under the temporary folder; empty or unset: not kept). Must belong to the service's user
     *                 and be writable by it alone, else the cache is off (see {@code CompiledRulesCache})
     */
    public record Rules(@DefaultValue("rules") Path dir, @DefaultValue("true") boolean watch,
                        @DefaultValue("500ms") Duration debounce, @DefaultValue("60s") Duration checkInterval,
                        Path cacheDir) {
        // one constructor only: Spring binds the properties through it
    }
}
