package de.lotse.knowledge;

import de.lotse.decision.RuleBookProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Holds the knowledge base in service and swaps it on reload.
 * <p>
 * At start the rules folder must load; errors stop the start, each named by file and line. The first load runs
 * while the rest of the service is built ({@link FirstLoad}). Later, {@link #reload}
 * reads the folder, and only when its content hash differs from the version in service (and from the last rejected
 * one) validates and compiles it next to the running version, then swaps one volatile reference. A request reads that
 * reference once and computes its whole answer with that immutable version, so requests in flight finish on the old
 * version and no request sees a half-loaded one. A folder with errors never replaces the version in service; the
 * errors are kept for {@code GET /api/v1/rules} and the rules page, and logged.
 */
@Service
public class KnowledgeBaseService implements RuleBookProvider, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseService.class);

    private final Path folder;
    private final FirstLoad firstLoad;
    private final KnowledgeBaseLoader loader;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MultiGauge versionInfo;
    private volatile KnowledgeBase current;
    private volatile ReloadAttempt lastReload;
    /** Content hash of the last folder content that failed, so that the watcher does not compile it again. */
    private String lastRejectedVersion;
    private List<RuleProblem> lastRejectedErrors = List.of();

    /** Loads the folder now and returns when it is in service (or throws its errors). */
    public KnowledgeBaseService(LotseProperties properties, Clock clock, MeterRegistry meters) {
        this(properties, clock, meters, null);
        afterSingletonsInstantiated();
    }

    /**
     * For Spring: takes the {@link FirstLoad} started with the application if it reads the same folder, else starts
     * one; either runs while the other beans are built and is awaited in {@link #afterSingletonsInstantiated()}.
     */
    @Autowired
    public KnowledgeBaseService(LotseProperties properties, Clock clock, MeterRegistry meters,
                                @Nullable FirstLoad started) {
        this.folder = properties.rules().dir();
        this.firstLoad = started != null && folder.equals(started.folder()) ? started : FirstLoad.start(folder, properties.rules().cacheDir(), clock);
        this.loader = firstLoad.loader();
        this.clock = clock;
        this.meters = meters;
        this.versionInfo = MultiGauge.builder("lotse.rules.info")
                .description("The knowledge base in service (tag version); the value is its rule count")
                .register(meters);
        Gauge.builder("lotse.rules.loaded.time", this,
                        s -> s.current == null ? Double.NaN : s.current.loadedAt().getEpochSecond())
                .description("When the knowledge base in service was loaded (epoch seconds)").baseUnit("seconds")
                .register(meters);
    }

    /**
     * Waits for the first load once every bean is built, before the web server opens: a broken folder stops the
     * start here, each error named by file and line.
     */
    @Override
    public void afterSingletonsInstantiated() {
        current();
    }

    @Override
    public KnowledgeBase current() {
        KnowledgeBase kb = current;
        return kb != null ? kb : awaitFirstLoad();
    }

    private synchronized KnowledgeBase awaitFirstLoad() {
        if (current == null) {
            current = firstLoad.await();
            publishVersion();
        }
        return current;
    }

    public Path folder() {
        return folder;
    }

    /** The last reload attempt since start, if any. */
    public Optional<ReloadAttempt> lastReload() {
        return Optional.ofNullable(lastReload);
    }

    /**
     * Reloads only if the folder's content differs from the version in service and from the last rejected one; else
     * records nothing (no attempt, no metric), so a periodic check costs one read of the folder. A folder that cannot
     * be read is reported by a reload once per distinct problem; when it can be read again, that is recorded too (as
     * unchanged, if it holds the version in service), so the last attempt does not keep showing the failure.
     */
    public synchronized Optional<ReloadAttempt> reloadIfChanged(String trigger) {
        boolean unreadableBefore = lastRejectedVersion == null && !lastRejectedErrors.isEmpty();
        String version;
        try {
            version = loader.read(folder).version();
        } catch (InvalidRulesException e) {
            if (unreadableBefore && e.problems().equals(lastRejectedErrors)) {
                return Optional.empty();
            }
            return Optional.of(reload(trigger));
        }
        if (unreadableBefore) {
            lastRejectedErrors = List.of();
            return Optional.of(reload(trigger));
        }
        if (version.equals(current().version()) || version.equals(lastRejectedVersion)) {
            return Optional.empty();
        }
        return Optional.of(reload(trigger));
    }

    /**
     * Reads the rules folder and puts it into service if its content is new and valid. One reload runs at a time;
     * decisions go on meanwhile with the version in service.
     *
     * @param trigger who asks, for the report and the log (no case data)
     */
    public synchronized ReloadAttempt reload(String trigger) {
        long start = System.nanoTime();
        KnowledgeBase before = current();
        ReloadAttempt attempt;
        KnowledgeBaseLoader.Snapshot snapshot = null;
        try {
            snapshot = loader.read(folder);
            if (snapshot.version().equals(before.version()) || snapshot.version().equals(lastRejectedVersion)) {
                ReloadStatus status = snapshot.version().equals(before.version()) ? ReloadStatus.UNCHANGED
                        : ReloadStatus.FAILED;
                List<RuleProblem> errors = status == ReloadStatus.FAILED ? lastRejectedErrors : List.of();
                attempt = new ReloadAttempt(clock.instant(), trigger, status, before.version(), snapshot.version(),
                        errors, millisSince(start));
            } else {
                KnowledgeBase next = loader.load(snapshot);
                current = next;
                lastRejectedVersion = null;
                lastRejectedErrors = List.of();
                publishVersion();
                attempt = new ReloadAttempt(clock.instant(), trigger, ReloadStatus.LOADED, next.version(),
                        next.version(), List.of(), millisSince(start));
                log.info("Knowledge base {} loaded ({}): {} rules in {} ms; replaced {}", next.version(), trigger,
                        next.rules().size(), attempt.durationMillis(), before.version());
            }
        } catch (InvalidRulesException e) {
            lastRejectedVersion = snapshot == null ? null : snapshot.version();
            lastRejectedErrors = e.problems();
            attempt = new ReloadAttempt(clock.instant(), trigger, ReloadStatus.FAILED, before.version(),
                    snapshot == null ? null : snapshot.version(), e.problems(), millisSince(start));
            log.warn("Reload ({}) rejected, {} keeps serving. {}", trigger, before.version(), e.getMessage());
        } catch (RuntimeException e) {
            // never let an unexpected loader failure take the version in service down; the same content is tried again
            attempt = new ReloadAttempt(clock.instant(), trigger, ReloadStatus.FAILED, before.version(),
                    snapshot == null ? null : snapshot.version(),
                    List.of(new RuleProblem(folder.toString(), 0, "could not be loaded: " + e)), millisSince(start));
            log.error("Reload ({}) failed unexpectedly, {} keeps serving", trigger, before.version(), e);
        }
        lastReload = attempt;
        Counter.builder("lotse.rules.reloads").description("Reload attempts by result")
                .tag("result", attempt.status().name().toLowerCase()).register(meters).increment();
        if (attempt.status() != ReloadStatus.UNCHANGED) {
            Timer.builder("lotse.rules.reload.duration").description("Time to read, validate and compile the rules")
                    .tag("result", attempt.status().name().toLowerCase()).register(meters)
                    .record(attempt.durationMillis(), TimeUnit.MILLISECONDS);
        }
        return attempt;
    }

    private void publishVersion() {
        KnowledgeBase kb = current;
        versionInfo.register(List.of(MultiGauge.Row.of(Tags.of("version", kb.version()), kb.rules().size())), true);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
