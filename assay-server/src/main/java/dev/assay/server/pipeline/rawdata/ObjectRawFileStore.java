package dev.assay.server.pipeline.rawdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.assay.server.storage.ObjectStore;

/**
 * Kept raw-data files as the objects {@code pipelines/<pipeline>/<job>/<attempt>/<task>/<name>} of the bucket,
 * with a copy on this server's disk (written first, then sent; fetched again when missing) for downloads.
 */
class ObjectRawFileStore implements RawFileStore {

    private static final String PIPELINES = "pipelines/";

    private final ObjectStore objects;
    private final FolderRawFileStore copies;

    ObjectRawFileStore(ObjectStore objects, FolderRawFileStore copies) {
        this.objects = objects;
        this.copies = copies;
    }

    @Override
    public Written write(RawFileKey key, InputStream content, long limit) throws IOException {
        Written written = copies.write(key, content, limit);
        Path copy = copies.path(key);
        try {
            objects.put(name(key), copy);
        } catch (IOException failure) {
            // not kept: a later read must not find a copy the bucket does not have
            Files.deleteIfExists(copy);
            throw failure;
        }
        return written;
    }

    @Override
    public Path path(RawFileKey key) throws IOException {
        Path copy = copies.path(key);
        if (Files.isRegularFile(copy)) {
            return copy;
        }
        objects.fetch(name(key), copy);
        return copy;
    }

    @Override
    public List<Long> pipelineIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        for (String folder : objects.folders(PIPELINES)) {
            try {
                ids.add(Long.parseLong(folder));
            } catch (NumberFormatException notOurs) {
                // only pipeline ids are written here; anything else is left alone
            }
        }
        return ids;
    }

    @Override
    public void removePipeline(long pipelineId) throws IOException {
        objects.deleteAll(PIPELINES + pipelineId + "/");
        copies.removePipeline(pipelineId);
    }

    private static String name(RawFileKey key) {
        return PIPELINES + key.pipelineId() + "/" + key.jobId() + "/" + key.attempt() + "/" + key.task() + "/"
                + key.name();
    }
}
