package dev.assay.packaging.archive;

/** What an accepted archive entry is; devices, FIFOs and other special files are never accepted. */
public enum EntryKind {
    FILE,
    DIRECTORY,
    /** Listed for inspection but never created on extraction. */
    SYMBOLIC_LINK,
    /** Listed for inspection but never created on extraction. */
    HARD_LINK;

    /** Whether the entry is a link of either kind. */
    public boolean isLink() {
        return this == SYMBOLIC_LINK || this == HARD_LINK;
    }
}
