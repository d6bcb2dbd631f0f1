package dev.assay.server.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.background.BackgroundPasses;
import dev.assay.server.config.RecoverySettings;
import dev.assay.server.index.DistributionStore.StoredFile;
import dev.assay.server.index.FileRepository.StoredName;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Compares the stored files with the rows once, in the background after the server started (with 1,000,000 files
 * it takes minutes; an upload's file is younger than the orphan grace, so it is left alone): a file without a row
 * (an upload killed between placing its file and committing) is set aside by the store ({@code DATA/lost+found}
 * on disk; removed from a bucket) with a log line; a row whose file is missing is logged as an ERROR and counted
 * in the gauge {@code assay.files.missing}, because that file is lost and only a backup can bring it back.
 */
@Component
@ConditionalOnWebApplication
class StoredFilesCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StoredFilesCheck.class);
    private static final String METADATA_SUFFIX = ".metadata";
    private static final int MISSING_NAMED = 20;

    private final FileRepository files;
    private final DistributionStore store;
    private final RecoverySettings settings;
    private final Clock clock;
    private final Instant started;
    private final BackgroundPasses passes;
    private final AtomicInteger missing = new AtomicInteger();

    StoredFilesCheck(FileRepository files, DistributionStore store, RecoverySettings settings, Clock clock,
            MeterRegistry meters, BackgroundPasses passes) {
        this.files = files;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.started = clock.instant();
        this.passes = passes;
        Gauge.builder("assay.files.missing", missing, AtomicInteger::get)
                .description("Recorded distribution files not found on disk when the server started").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        passes.submit("comparing " + store.where() + " with the database", this::compare);
    }

    private void compare() {
        try {
            Set<StoredName> recorded = new HashSet<>(files.storedNames());
            List<StoredFile> stored = store.storedFiles();
            setAsideOrphans(recorded, stored);
            reportMissing(recorded, stored);
            LOG.info("compared {} recorded file(s) with {}", recorded.size(), store.where());
        } catch (IOException failure) {
            throw new UncheckedIOException("could not compare " + store.where() + " with the database", failure);
        }
    }

    private void setAsideOrphans(Set<StoredName> recorded, List<StoredFile> stored) throws IOException {
        // older than this server too: the check runs while it takes uploads, whose files are younger than its start
        Instant graced = clock.instant().minus(settings.orphanGrace());
        Instant settled = graced.isBefore(started) ? graced : started;
        for (StoredFile file : stored) {
            if (passes.stopping()) {
                return;
            }
            StoredName name = new StoredName(file.normalizedProject(), distributionName(file.filename()));
            if (!recorded.contains(name) && file.written().isBefore(settled)) {
                store.setAside(file.normalizedProject(), file.filename(), () -> files.stored(name));
            }
        }
    }

    private void reportMissing(Set<StoredName> recorded, List<StoredFile> stored) {
        Set<StoredName> present = new HashSet<>();
        stored.forEach(file -> present.add(new StoredName(file.normalizedProject(), file.filename())));
        List<StoredName> lost = new ArrayList<>();
        int checked = 0;
        for (StoredName name : recorded) {
            if (passes.stopping()) {
                return;
            }
            // deleted with its row since the listing, or stored since: not lost
            if (!present.contains(name) && files.stored(name)
                    && !Files.exists(store.locate(name.project(), name.filename()))) {
                lost.add(name);
            }
            if (++checked % BackgroundPasses.PROGRESS_EVERY == 0) {
                LOG.info("looked for {} of {} recorded file(s) in {}", checked, recorded.size(), store.where());
            }
        }
        // named one by one up to a point: a lost disk must not bury the log under a line per file
        lost.stream().limit(MISSING_NAMED).forEach(name -> LOG.error("The file {}/{} is recorded in the database "
                + "but missing from {}: restore it from a backup", name.project(), name.filename(), store.where()));
        if (lost.size() > MISSING_NAMED) {
            LOG.error("{} more recorded files are missing from {} (gauge assay.files.missing)", lost.size() - MISSING_NAMED,
                    store.where());
        }
        missing.set(lost.size());
    }

    private static String distributionName(String name) {
        return name.endsWith(METADATA_SUFFIX) ? name.substring(0, name.length() - METADATA_SUFFIX.length()) : name;
    }
}
