package dev.assay.server.pipeline.rawdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** Where the bytes of kept raw-data files live, by {@link RawFileKey}: a folder, or a bucket with copies on disk. */
interface RawFileStore {

    /** What was written: the bytes kept and the bytes sent. */
    record Written(long size, long originalSize) {

        boolean truncated() {
            return originalSize > size;
        }
    }

    /** Writes at most {@code limit} bytes of {@code content} as the key's file, whole, reading the rest to count it. */
    Written write(RawFileKey key, InputStream content, long limit) throws IOException;

    /** The key's file on this machine's disk (it does not exist if the file is not kept). */
    Path path(RawFileKey key) throws IOException;

    /** The ids of the pipelines that have kept files. */
    List<Long> pipelineIds() throws IOException;

    /** Removes every kept file of the pipeline. */
    void removePipeline(long pipelineId) throws IOException;
}
