package de.lotse.knowledge;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * The first load of the rules folder, on a thread of its own.
 * <p>
 * Compiling the rules cold takes seconds. Started as a Spring application listener ({@code LotseApplication.main}
 * adds it), it begins as soon as Spring has read the configuration ({@code lotse.rules.dir}) and runs while Spring
 * builds the rest of the service; {@link KnowledgeBaseService} takes its result and waits for it once all beans are
 * built, before the web server opens. A broken folder still stops the start, with the same errors.
 * Without the listener (tests, other entry points) the service starts the same load itself when it is created.
 */
public final class FirstLoad implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(FirstLoad.class);
    static final String BEAN_NAME = "lotseFirstLoad";

    private volatile Path folder;
    private volatile KnowledgeBaseLoader loader;
    private volatile CompletableFuture<KnowledgeBase> result;

    /** For {@code SpringApplication.addListeners}: starts when the configuration is known. */
    public FirstLoad() {
    }

    private FirstLoad(Path folder, Path cacheDir, Clock clock) {
        begin(folder, cacheDir, clock);
    }

    /** Starts loading {@code folder} now; compiled rules are kept in {@code cacheDir} (null: not kept). */
    static FirstLoad start(Path folder, Path cacheDir, Clock clock) {
        return new FirstLoad(folder, cacheDir, clock);
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && result == null) {
            // bound like LotseProperties.Rules.dir (relaxed names: lotse.rules.dir, LOTSE_RULES_DIR), same default
            Binder binder = Binder.get(prepared.getEnvironment());
            Path dir = binder.bind("lotse.rules.dir", Path.class).orElse(Path.of("rules"));
            Path cacheDir = binder.bind("lotse.rules.cache-dir", Path.class).orElse(null);
            begin(dir, cacheDir, Clock.systemUTC());
        } else if (event instanceof ApplicationPreparedEvent prepared && result != null
                && !prepared.getApplicationContext().getBeanFactory().containsSingleton(BEAN_NAME)) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, this);
        }
    }

    private void begin(Path dir, Path cacheDir, Clock clock) {
        folder = dir;
        loader = new KnowledgeBaseLoader(clock, CompiledRulesCache.in(cacheDir));
        CompletableFuture<KnowledgeBase> future = new CompletableFuture<>();
        result = future;
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                KnowledgeBase loaded = loader.load(dir);
                log.info("Knowledge base {} loaded from {}: {} rules in {} ms{}", loaded.version(),
                        dir.toAbsolutePath(), loaded.rules().size(), (System.nanoTime() - start) / 1_000_000,
                        loaded.compiledRulesFromCache() ? " (compiled rules from the cache, not compiled again)" : "");
                future.complete(loaded);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "rules-first-load");
        thread.setDaemon(true);
        thread.start();
    }

    /** The folder this load reads. */
    Path folder() {
        return folder;
    }

    /** The loader, kept for reloads: it remembers the last compilation. */
    KnowledgeBaseLoader loader() {
        return loader;
    }

    /** Waits for the load; a broken folder throws its {@link InvalidRulesException} (or whatever else failed). */
    KnowledgeBase await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
