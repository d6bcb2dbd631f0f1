package dev.assay.server.pipeline.rawdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.pipeline.rawdata.RawFileRepository.KeptFile;

/**
 * Keeps the tasks' raw-data files beyond their job: each upload is cut to the per-file limit and to what is
 * left of the job attempt's limit (the cut recorded with the file), written whole, then recorded. Workers
 * reach it through {@link JobQueue#attach}, under their lease.
 */
@Service
public class RawFiles {

    // uploads of one job are serialised so that two of them cannot both spend the job's last bytes
    private final Object[] jobLocks = new Object[16];
    private final RawFileStore store;
    private final RawFileRepository files;
    private final RawFileLimits limits;
    private final Clock clock;

    RawFiles(RawFileStore store, RawFileRepository files, RawFileLimits limits, Clock clock) {
        this.store = store;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
        for (int i = 0; i < jobLocks.length; i++) {
            jobLocks[i] = new Object();
        }
    }

    /** Writes and records the key's file from {@code content}; what is past a limit is dropped and noted. */
    public Map<String, Object> keep(RawFileKey key, InputStream content) {
        synchronized (jobLocks[Math.floorMod(key.jobId(), jobLocks.length)]) {
            long perFile = limits.perFile().toBytes();
            long jobLeft = Math.max(0, limits.perJob().toBytes()
                    - files.keptBytes(key.jobId(), key.attempt(), key.task(), key.name()));
            long limit = Math.min(perFile, jobLeft);
            RawFileStore.Written written;
            try {
                written = store.write(key, content, limit);
            } catch (IOException failure) {
                throw new UncheckedIOException("could not keep raw-data file " + key.task() + "/" + key.name(), failure);
            }
            String cut = !written.truncated() ? null : limit == perFile
                    ? "the per-file limit of " + perFile + " bytes"
                    : "the per-job limit of " + limits.perJob().toBytes() + " bytes";
            KeptFile kept = new KeptFile(key.task(), key.name(), written.size(), written.originalSize(), cut);
            files.replace(key.jobId(), key.attempt(), kept, clock.instant());
            return describe(kept);
        }
    }

    /** The kept files of a job attempt as raw data: by task, then by name, each with its size and any cut. */
    public Map<String, Map<String, Object>> rawDataFiles(long jobId, int attempt) {
        Map<String, Map<String, Object>> byTask = new LinkedHashMap<>();
        for (KeptFile file : files.files(jobId, attempt)) {
            byTask.computeIfAbsent(file.task(), task -> new LinkedHashMap<>()).put(file.name(), describe(file));
        }
        return byTask;
    }

    /** The kept file, if it was recorded for this job attempt and is still stored. */
    public Optional<Path> locate(RawFileKey key) {
        return files.file(key.jobId(), key.attempt(), key.task(), key.name()).map(file -> path(key))
                .filter(Files::isRegularFile);
    }

    private Path path(RawFileKey key) {
        try {
            return store.path(key);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not fetch raw-data file " + key.task() + "/" + key.name(), failure);
        }
    }

    /** Removes the kept files of pipelines whose rows are gone; returns how many pipelines it cleared. */
    int sweep() throws IOException {
        List<Long> gone = files.missingPipelines(store.pipelineIds());
        for (long pipeline : gone) {
            store.removePipeline(pipeline);
        }
        return gone.size();
    }

    private static Map<String, Object> describe(KeptFile file) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", file.name());
        description.put("size", file.size());
        description.put("truncated", file.truncatedBy() != null);
        if (file.truncatedBy() != null) {
            description.put("originalSize", file.originalSize());
            description.put("limit", file.truncatedBy());
        }
        return description;
    }
}
