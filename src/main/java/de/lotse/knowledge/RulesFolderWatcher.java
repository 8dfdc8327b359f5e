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
 * system cannot watch — so every {@code lotse.rules.check-interval} without events the folder's content is also
 * compared with the version in service. Off with {@code lotse.rules.watch=false}.
 */
@Component
class RulesFolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);
    static final String TRIGGER = "file watcher";
    static final String CHECK_TRIGGER = "periodic check";

    private final KnowledgeBaseService knowledge;
    private final LotseProperties.Rules settings;
    private volatile WatchService watchService;
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
            watchService = FileSystems.getDefault().newWatchService();
            // through a symbolic link, the folder it points to now (a switch of the link is found by the check)
            registerTree(knowledge.folder().toRealPath());
        } catch (IOException e) {
            closeWatchService();
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
            closeWatchService();
            running.interrupt();
        }
    }

    private void closeWatchService() {
        WatchService service = watchService;
        watchService = null;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                log.debug("Closing the watch service: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        long debounce = Math.max(1, settings.debounce().toMillis());
        long check = periodicCheck() ? settings.checkInterval().toMillis() : 0;
        WatchService events = watchService;
        try {
            while (thread == Thread.currentThread()) {
                WatchKey key = events == null ? null
                        : check > 0 ? events.poll(check, TimeUnit.MILLISECONDS) : events.take();
                if (key == null) {
                    if (events == null) {
                        Thread.sleep(check);
                    }
                    knowledge.reloadIfChanged(CHECK_TRIGGER);
                    continue;
                }
                boolean changed = drain(key);
                // wait until the folder has been quiet for the debounce time
                WatchKey next;
                while ((next = events.poll(debounce, TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(next);
                }
                if (changed) {
                    knowledge.reload(TRIGGER);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The rules folder watcher stopped; reload with POST /api/v1/admin/rules/reload", e);
        }
    }

    /** Takes the key's events, registers new sub-folders, and tells whether anything happened. */
    private boolean drain(WatchKey key) {
        boolean changed = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = dir.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        log.warn("Cannot watch the new folder {}: {}", created, e.toString());
                    }
                }
            }
        }
        key.reset();
        return changed;
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.OVERFLOW);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
