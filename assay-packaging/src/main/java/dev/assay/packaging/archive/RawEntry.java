package dev.assay.packaging.archive;

/** An entry as the archive describes it, before any check; {@code linkTarget} is empty for non-links. */
record RawEntry(String name, EntryKind kind, long declaredSize, String linkTarget) {
}
