package dev.assay.server.index.upload;

import java.io.IOException;
import java.nio.file.Path;

/** The body of an upload request, read once: the file part is written to {@code target} as it arrives. */
@FunctionalInterface
interface UploadBody {

    /** Reads the whole form, writing its file part into {@code target} (which exists and is replaced). */
    ReceivedForm receiveInto(Path target) throws IOException;
}
