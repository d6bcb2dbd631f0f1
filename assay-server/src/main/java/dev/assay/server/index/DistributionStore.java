package dev.assay.server.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Where distribution files and their extracted metadata files live, by project and file name. */
public interface DistributionStore {

    /** A file in the store (a distribution or its {@code .metadata} file) and when it took its place. */
    record StoredFile(String normalizedProject, String filename, Instant written) {
    }

    /** A fresh temporary file on the same file system as the store, so publishing it is an atomic move. */
    Path newTemporaryFile() throws IOException;

    /** Stores a checked temporary file (consumed) whole under its permanent name before returning. */
    void publish(Path temporary, String normalizedProject, String filename) throws IOException;

    /** The path of a published file on this machine's disk (which does not exist if the file is not stored). */
    Path locate(String normalizedProject, String filename);

    /** Removes a published file if it exists. */
    void remove(String normalizedProject, String filename) throws IOException;

    /** Every file in the store, for the comparison with the database. */
    List<StoredFile> storedFiles() throws IOException;

    /**
     * Takes a file that no committed upload owned when listed out of the store (and logs where it went), unless
     * {@code committed}, asked at the last moment, says an upload owns it by now.
     */
    void setAside(String normalizedProject, String filename, BooleanSupplier committed) throws IOException;

    /** Where the files are, for log lines. */
    String where();
}
