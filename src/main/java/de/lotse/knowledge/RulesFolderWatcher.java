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
 * no-op, so spurious events cost a hash of the folder and nothing else. Off with {@code lotse.rules.watch=false}.
 */
@Component
class RulesFolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);
    static final String TRIGGER = "file watcher";

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
            registerTree(knowledge.folder().toAbsolutePath().normalize());
        } catch (IOException e) {
            log.warn("Cannot watch the rules folder {} ({}); use POST /api/v1/admin/rules/reload after changes",
                    knowledge.folder(), e.toString());
            return;
        }
        thread = new Thread(this::run, "rules-folder-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("Watching {} for changes (debounce {} ms)", knowledge.folder().toAbsolutePath(),
                settings.debounce().toMillis());
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                log.debug("Closing the watch service: {}", e.toString());
            }
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        long debounce = Math.max(1, settings.debounce().toMillis());
        try {
            while (thread == Thread.currentThread()) {
                WatchKey key = watchService.take();
                boolean changed = drain(key);
                // wait until the folder has been quiet for the debounce time
                WatchKey next;
                while ((next = watchService.poll(debounce, TimeUnit.MILLISECONDS)) != null) {
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
