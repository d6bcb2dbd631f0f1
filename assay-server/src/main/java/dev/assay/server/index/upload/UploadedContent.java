package dev.assay.server.index.upload;

import java.io.IOException;
import java.nio.file.Path;

/** The file part of an upload as the web layer received it. */
@FunctionalInterface
interface UploadedContent {

    /** Moves (or, across disks, copies) the received bytes to {@code target}, which exists and is replaced. */
    void moveTo(Path target) throws IOException;
}
