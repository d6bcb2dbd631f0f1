package dev.assay.packaging.archive;

/** The container formats Python distributions come in. */
public enum ArchiveFormat {
    /** A zip archive: every wheel, and legacy {@code .zip} sdists. */
    ZIP,
    /** A gzip-compressed tar archive: the standard {@code .tar.gz} sdist. */
    TAR_GZ
}
