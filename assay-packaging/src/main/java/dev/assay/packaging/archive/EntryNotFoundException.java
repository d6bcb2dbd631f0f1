package dev.assay.packaging.archive;

import dev.assay.packaging.PackagingException;

/** A member asked for by name that the archive does not hold as a regular file. */
public class EntryNotFoundException extends PackagingException {
    /** Reports that {@code archive} has no regular file at {@code path}, saying what it has instead. */
    public EntryNotFoundException(String archive, String path, String problem) {
        super("Archive " + Quoted.of(archive) + " has no file " + Quoted.of(path) + ": " + problem);
    }
}
