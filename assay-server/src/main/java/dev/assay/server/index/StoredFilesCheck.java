package dev.assay.server.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.background.BackgroundPasses;
import dev.assay.server.config.AssayProperties;
import dev.assay.server.config.RecoverySettings;
import dev.assay.server.index.FileRepository.StoredName;
import dev.assay.server.storage.DurableFiles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Compares {@code DATA/files} with the rows once, in the background after the server started (with 1,000,000 files
 * it takes minutes; an upload's file is younger than the orphan grace, so the move leaves it alone): a file
 * without a row (an upload killed between placing its file and committing) is moved to {@code DATA/lost+found}
 * with a log line; a row whose file is missing is logged as an ERROR and counted in the gauge
 * {@code assay.files.missing}, because that file is lost and only a backup can bring it back.
 */
@Component
@ConditionalOnWebApplication
class StoredFilesCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StoredFilesCheck.class);
    private static final String METADATA_SUFFIX = ".metadata";
    private static final int MISSING_NAMED = 20;

    private final FileRepository files;
    private final DistributionStore store;
    private final Path filesDirectory;
    private final Path lostAndFound;
    private final RecoverySettings settings;
    private final Clock clock;
    private final Instant started;
    private final BackgroundPasses passes;
    private final AtomicInteger missing = new AtomicInteger();

    StoredFilesCheck(FileRepository files, DistributionStore store, AssayProperties properties,
            RecoverySettings settings, Clock clock, MeterRegistry meters, BackgroundPasses passes) {
        this.files = files;
        this.store = store;
        this.filesDirectory = properties.filesDirectory();
        this.lostAndFound = properties.data().resolve("lost+found");
        this.settings = settings;
        this.clock = clock;
        this.started = clock.instant();
        this.passes = passes;
        Gauge.builder("assay.files.missing", missing, AtomicInteger::get)
                .description("Recorded distribution files not found on disk when the server started").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        passes.submit("comparing " + filesDirectory + " with the database", this::compare);
    }

    private void compare() {
        try {
            Set<StoredName> recorded = new HashSet<>(files.storedNames());
            moveOrphans(recorded);
            reportMissing(recorded);
            LOG.info("compared {} recorded file(s) with {}", recorded.size(), filesDirectory);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not compare " + filesDirectory + " with the database", failure);
        }
    }

    private void moveOrphans(Set<StoredName> recorded) throws IOException {
        // older than this server too: the check runs while it takes uploads, whose files are younger than its start
        Instant graced = clock.instant().minus(settings.orphanGrace());
        Instant settled = graced.isBefore(started) ? graced : started;
        for (Path file : filesOnDisk()) {
            if (passes.stopping()) {
                return;
            }
            StoredName name = new StoredName(file.getParent().getFileName().toString(), distributionName(file));
            if (!recorded.contains(name) && Files.getLastModifiedTime(file).toInstant().isBefore(settled)) {
                Path target = lostAndFound.resolve(filesDirectory.relativize(file));
                DurableFiles.move(file, target);
                // committed by another server between the listing and the move: it belongs where it was
                if (files.stored(name)) {
                    DurableFiles.move(target, file);
                } else {
                    LOG.warn("Moved {} to {}: no upload of it was committed (the server stopped before answering)",
                            filesDirectory.relativize(file), target);
                }
            }
        }
    }

    private void reportMissing(Set<StoredName> recorded) {
        List<StoredName> lost = new ArrayList<>();
        int checked = 0;
        for (StoredName name : recorded) {
            if (passes.stopping()) {
                return;
            }
            // deleted with its row since the listing: not lost
            if (!Files.exists(store.locate(name.project(), name.filename())) && files.stored(name)) {
                lost.add(name);
            }
            if (++checked % BackgroundPasses.PROGRESS_EVERY == 0) {
                LOG.info("looked for {} of {} recorded file(s) in {}", checked, recorded.size(), filesDirectory);
            }
        }
        // named one by one up to a point: a lost disk must not bury the log under a line per file
        lost.stream().limit(MISSING_NAMED).forEach(name -> LOG.error("The file {}/{} is recorded in the database "
                + "but missing from {}: restore it from a backup", name.project(), name.filename(), filesDirectory));
        if (lost.size() > MISSING_NAMED) {
            LOG.error("{} more recorded files are missing from {} (gauge assay.files.missing)", lost.size() - MISSING_NAMED,
                    filesDirectory);
        }
        missing.set(lost.size());
    }

    private List<Path> filesOnDisk() throws IOException {
        try (Stream<Path> paths = Files.walk(filesDirectory, 2)) {
            return paths.filter(path -> path.getNameCount() == filesDirectory.getNameCount() + 2)
                    .filter(Files::isRegularFile).toList();
        }
    }

    private static String distributionName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(METADATA_SUFFIX) ? name.substring(0, name.length() - METADATA_SUFFIX.length()) : name;
    }
}
