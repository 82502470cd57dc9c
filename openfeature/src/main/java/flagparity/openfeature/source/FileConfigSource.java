package flagparity.openfeature.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A config file (UTF-8), watched: a new content is offered once. The file's directory is watched
 * (so a file replaced by a rename, or a swapped symlink as mounted config maps do, is seen too); a
 * burst of events is read once it has been quiet for {@link #SETTLE}, so a writer's partial file is
 * not offered; and the file is also checked every {@code recheck} in case the platform's watch
 * service misses or delays events. A missing or unreadable file is a failure; the config in service
 * stays.
 */
public final class FileConfigSource implements ConfigSource {
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(1);
    static final Duration SETTLE = Duration.ofMillis(20);

    private final Path file;
    private final Duration recheck;
    private volatile boolean closed;
    private WatchService watcher;
    private Thread thread;
    private String lastOffered;
    private FileTime lastTime;
    private long lastSize = -1;

    public FileConfigSource(Path file) {
        this(file, DEFAULT_RECHECK);
    }

    /** @param recheck how often the file is checked besides the watch service's events; positive */
    public FileConfigSource(Path file, Duration recheck) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        if (recheck.isNegative() || recheck.isZero()) {
            throw new IllegalArgumentException("recheck must be positive, not " + recheck);
        }
        this.recheck = recheck;
        if (this.file.getParent() == null) {
            throw new IllegalArgumentException("the config file needs a directory: " + file);
        }
    }

    @Override
    public void start(Sink sink) {
        Objects.requireNonNull(sink, "sink");
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            sink.fatal("cannot watch " + file.getParent() + ": " + e);
            return;
        }
        readIfChanged(sink, true);
        thread = new Thread(() -> watch(sink), "flagparity-file-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(Sink sink) {
        try {
            while (!closed) {
                WatchKey key = watcher.poll(recheck.toMillis(), TimeUnit.MILLISECONDS);
                boolean event = key != null;
                while (key != null) {
                    key.pollEvents();
                    key.reset();
                    key = watcher.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
                }
                if (!closed) {
                    readIfChanged(sink, event);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Offers the file's text when it differs from the last offered; {@code force} skips the time/size shortcut. */
    private void readIfChanged(Sink sink, boolean force) {
        String text;
        try {
            FileTime time = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (!force && time.equals(lastTime) && size == lastSize) {
                return;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
            lastTime = time;
            lastSize = size;
        } catch (IOException e) {
            sink.failed("cannot read " + file + ": " + e);
            lastSize = -1;
            lastTime = null;
            return;
        }
        if (text.equals(lastOffered)) {
            sink.unchanged();
            return;
        }
        lastOffered = text;
        sink.offer(text);
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            // nothing left to release
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
