package de.lotse.knowledge;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the rules folder (and its sub-folders) and asks for a reload once the folder has been quiet for the
 * debounce time after a change. A burst of saves — an editor writing a temp file and renaming it, or a whole folder
 * being copied — thus gives one reload of the finished content. Reloading content that is already in service is a
 * no-op, so spurious events cost a hash of the folder and nothing else. Some changes send no event at all — a
 * symbolic link switched to another folder, a network file system changed from another host, a folder the operating
 * system cannot watch — so every {@code lotse.rules.check-interval} the folder's content is also compared with the
 * version in service. When the folder is reached through a symbolic link, the watch follows the link to the folder it
 * points to now. Nothing that goes wrong while reading stops the watcher. Off with {@code lotse.rules.watch=false}.
 */
@Component
class RulesFolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);
    static final String TRIGGER = "file watcher";
    static final String CHECK_TRIGGER = "periodic check";

    private final KnowledgeBaseService knowledge;
    private final LotseProperties.Rules settings;
    /** File events of {@link #watchedRoot}; null when the folder cannot be watched (then only the check runs). */
    private volatile WatchService watchService;
    /** The folder the events come from: the rules folder, or the folder its symbolic link points to. */
    private volatile Path watchedRoot;
    private volatile Thread thread;

    RulesFolderWatcher(KnowledgeBaseService knowledge, LotseProperties properties) {
        this.knowledge = knowledge;
        this.settings = properties.rules();
    }

    @Override
    public synchronized void start() {
        if (!settings.watch() || thread != null) {
            return;
        }
        try {
            watch(knowledge.folder().toRealPath());
        } catch (IOException e) {
            if (!periodicCheck()) {
                log.warn("Cannot watch the rules folder {} ({}); use POST /api/v1/admin/rules/reload after changes",
                        knowledge.folder(), e.toString());
                return;
            }
            log.warn("Cannot watch the rules folder {} ({}); checking it every {} s instead", knowledge.folder(),
                    e.toString(), settings.checkInterval().toSeconds());
        }
        thread = new Thread(this::run, "rules-folder-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("Watching {} for changes (debounce {} ms, content check {})", knowledge.folder().toAbsolutePath(),
                settings.debounce().toMillis(), periodicCheck() ? "every " + settings.checkInterval().toSeconds() + " s" : "off");
    }

    private boolean periodicCheck() {
        return settings.checkInterval() != null && settings.checkInterval().toMillis() > 0;
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            close(watchService);
            watchService = null;
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** The folder the file events come from (for tests). */
    Path watchedRoot() {
        return watchedRoot;
    }

    private void run() {
        long debounce = Math.max(1, settings.debounce().toMillis());
        long check = periodicCheck() ? settings.checkInterval().toMillis() : 0;
        long nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(check);
        while (thread == Thread.currentThread()) {
            try {
                WatchService events = watchService;
                long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextCheck - System.nanoTime()));
                WatchKey key;
                if (events == null) {
                    Thread.sleep(wait);
                    key = null;
                } else {
                    key = check > 0 ? events.poll(wait, TimeUnit.MILLISECONDS) : events.take();
                }
                if (key != null) {
                    boolean changed = drain(events, key);
                    // wait until the folder has been quiet for the debounce time
                    WatchKey next;
                    while ((next = events.poll(debounce, TimeUnit.MILLISECONDS)) != null) {
                        changed |= drain(events, next);
                    }
                    if (changed) {
                        knowledge.reload(TRIGGER);
                    }
                }
                if (check > 0 && System.nanoTime() - nextCheck >= 0) {
                    knowledge.reloadIfChanged(CHECK_TRIGGER);
                    nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(check);
                }
                followLink();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException e) {
                // stopped, or replaced by followLink: the loop condition decides
            } catch (RuntimeException e) {
                log.error("The rules folder watcher failed and goes on: {}", e.toString(), e);
                try {
                    Thread.sleep(Math.max(debounce, 1000)); // no busy loop should the failure repeat at once
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * After a symbolic link was switched to another folder, watch that one (the events of the old folder no longer
     * concern the rules in service). A link that cannot be resolved right now keeps the current watch.
     */
    private synchronized void followLink() {
        if (thread == null || watchService == null) {
            return;
        }
        Path now;
        try {
            now = knowledge.folder().toRealPath();
        } catch (IOException e) {
            return;
        }
        if (!now.equals(watchedRoot)) {
            WatchService old = watchService;
            try {
                watch(now);
                close(old);
                log.info("The rules folder {} now points to {}: watching it", knowledge.folder(), now);
            } catch (IOException e) {
                log.warn("Cannot watch {} ({}); the periodic check still reads it", now, e.toString());
            }
        }
    }

    /** A new watch service on {@code root} and its sub-folders, put in place only once it is registered. */
    private void watch(Path root) throws IOException {
        WatchService fresh = FileSystems.getDefault().newWatchService();
        try {
            registerTree(fresh, root);
        } catch (IOException e) {
            close(fresh);
            throw e;
        }
        watchService = fresh;
        watchedRoot = root;
    }

    private static void close(WatchService service) {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                log.debug("Closing the watch service: {}", e.toString());
            }
        }
    }

    /** Takes the key's events, registers new sub-folders, and tells whether anything happened. */
    private static boolean drain(WatchService events, WatchKey key) {
        boolean changed = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = dir.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(events, created);
                    } catch (IOException e) {
                        log.warn("Cannot watch the new folder {}: {}", created, e.toString());
                    }
                }
            }
        }
        key.reset();
        return changed;
    }

    private static void registerTree(WatchService events, Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                dir.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.OVERFLOW);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
