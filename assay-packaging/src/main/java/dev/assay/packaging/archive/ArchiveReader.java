package dev.assay.packaging.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;

/** One container format's way of listing an already-checked archive and streaming its files. */
interface ArchiveReader extends Closeable {

    /** Receives one file's content; an {@link IOException} it throws is the visitor's own (e.g. a failed write). */
    @FunctionalInterface
    interface FileVisitor {
        void visit(ArchiveEntry entry, InputStream content) throws IOException;
    }

    /** Every accepted entry, in archive order. */
    List<ArchiveEntry> entries();

    /** Streams, in archive order, each regular file accepted by {@code wanted}, counting bytes against {@code budget}. */
    void visitFiles(Predicate<ArchiveEntry> wanted, ByteBudget budget, FileVisitor visitor);

    @Override
    void close();
}
