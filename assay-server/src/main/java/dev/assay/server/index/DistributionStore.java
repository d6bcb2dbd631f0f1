package dev.assay.server.index;

import java.io.IOException;
import java.nio.file.Path;

/** Where distribution files and their extracted metadata files live, by project and file name. */
public interface DistributionStore {

    /** A fresh temporary file on the same file system as the store, so publishing it is an atomic move. */
    Path newTemporaryFile() throws IOException;

    /** Moves a checked temporary file to its permanent place; fails if a file of that name exists there. */
    void publish(Path temporary, String normalizedProject, String filename) throws IOException;

    /** The path of a published file (which may not exist). */
    Path locate(String normalizedProject, String filename);

    /** Removes a published file if it exists. */
    void remove(String normalizedProject, String filename) throws IOException;
}
