package dev.assay.server.git.maintenance;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.assay.server.git.GitRepositories;

/**
 * Repacks a project's repository in the background as {@code git gc} does on C git servers: one pack with a
 * reachability bitmap (clones and fetches then skip walking the history), refs packed into {@code packed-refs},
 * loose objects gone into the pack, unreachable ones deleted only after {@link MaintenanceSettings#pruneAfter()}.
 * Requests are debounced per repository (the pushes within the delay after the first share one repack) and run
 * one at a time on a single thread; a failure is logged and never reaches the push that asked. JGit's locks let
 * pushes and clones go on during a repack: packs being written by a push are kept ({@code .keep}), superseded packs
 * stay readable until no reader needs them.
 */
@Component
public class GitMaintenance implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(GitMaintenance.class);

    private final GitRepositories repositories;
    private final MaintenanceSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "git-maintenance");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    GitMaintenance(GitRepositories repositories, MaintenanceSettings settings, Clock clock) {
        this.repositories = repositories;
        this.settings = settings;
        this.clock = clock;
    }

    /** Asks for a repack of the project's repository after the delay, unless one is already waiting. */
    public void schedule(String normalizedName) {
        if (!settings.enabled()) {
            return;
        }
        pending.computeIfAbsent(normalizedName, name -> {
            try {
                return executor.schedule(() -> run(name), settings.delay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                return null; // the server is stopping: the next push or start asks again
            }
        });
    }

    /** Asks for a first repack of a repository that has objects but no bitmap (made before maintenance ran). */
    public void scheduleIfNeverRepacked(String normalizedName) {
        Path objects = repositories.directory(normalizedName).resolve("objects");
        if (!hasAny(objects.resolve("pack"), "*.bitmap") && (hasAny(objects.resolve("pack"), "*.pack")
                || hasAny(objects, "[0-9a-f][0-9a-f]"))) {
            schedule(normalizedName);
        }
    }

    /** Repacks the project's repository now, on the calling thread (one repack at a time); true when it succeeded. */
    public synchronized boolean repackNow(String normalizedName) {
        pending.remove(normalizedName); // a request arriving from here on asks for another repack
        long started = System.nanoTime();
        try (Repository repository = repositories.open(normalizedName)) {
            GC gc = new GC((FileRepository) repository);
            gc.setPackConfig(packConfig(repository));
            gc.setExpire(clock.instant().minus(settings.pruneAfter()));
            gc.setAuto(false);
            gc.gc().get();
            LOG.debug("repacked the repository of {} in {} ms", normalizedName,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return true;
        } catch (IOException | ParseException | GitAPIException | ExecutionException | RuntimeException failure) {
            LOG.warn("maintenance of the git repository of {} failed (pushes and clones are not affected; the next "
                    + "push tries again): {}", normalizedName, failure.toString());
            return false;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(String normalizedName) {
        repackNow(normalizedName);
    }

    /** The repository's own pack settings, with bitmaps, on one thread: a repack leaves the other core to requests. */
    private static PackConfig packConfig(Repository repository) {
        PackConfig config = new PackConfig(repository);
        config.setBuildBitmaps(true);
        config.setReuseDeltas(true);
        config.setReuseObjects(true);
        config.setThreads(1);
        return config;
    }

    private static boolean hasAny(Path directory, String glob) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (DirectoryStream<Path> matching = Files.newDirectoryStream(directory, glob)) {
            return matching.iterator().hasNext();
        } catch (IOException unreadable) {
            return false;
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
