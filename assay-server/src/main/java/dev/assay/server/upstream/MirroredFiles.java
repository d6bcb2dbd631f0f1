package dev.assay.server.upstream;

import java.nio.file.Path;

/** Distribution files of upstream projects, fetched once, checked against upstream's hash and kept. */
public interface MirroredFiles {

    /**
     * The kept copy of {@code file} of {@code project}, fetched from upstream first if it is not kept yet; a
     * download whose hash differs from upstream's is discarded and reported with a
     * {@link dev.assay.server.error.BadGatewayException}, never kept.
     */
    Path fetch(UpstreamProject project, UpstreamFile file);
}
