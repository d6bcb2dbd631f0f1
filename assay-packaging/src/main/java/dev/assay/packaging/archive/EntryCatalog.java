package dev.assay.packaging.archive;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Checks the entries of one pass over an archive, in order: names, links, count, sizes, duplicates. */
final class EntryCatalog {
    private final String archive;
    private final ArchiveLimits limits;
    private final EntryPath paths;
    private final Set<String> leaves = new HashSet<>();
    private final Set<String> directories = new HashSet<>();
    private int count;
    private long declaredTotal;

    EntryCatalog(String archive, ArchiveLimits limits) {
        this.archive = archive;
        this.limits = limits;
        this.paths = new EntryPath(archive, limits.maxPathLength());
    }

    /** The checked entry, or empty for an entry naming the archive root itself (a tar's {@code ./}). */
    Optional<ArchiveEntry> accept(RawEntry raw) {
        count++;
        if (count > limits.maxEntries()) {
            throw new UnsafeArchiveException(archive, raw.name(), Reason.TOO_MANY_ENTRIES,
                    "the archive has more than " + limits.maxEntries() + " entries");
        }
        String path = paths.normalize(raw.name());
        if (path.isEmpty()) {
            if (raw.kind() == EntryKind.DIRECTORY) {
                return Optional.empty();
            }
            throw new UnsafeArchiveException(archive, raw.name(), Reason.ILLEGAL_NAME, "the name has no file name part");
        }
        checkDeclaredSize(raw);
        String target = raw.kind().isLink() ? paths.resolveLink(raw.name(), path, raw.kind(), raw.linkTarget()) : "";
        register(raw, path);
        return Optional.of(new ArchiveEntry(path, raw.kind(), raw.declaredSize(), target));
    }

    private void checkDeclaredSize(RawEntry raw) {
        long size = raw.declaredSize();
        if (size > limits.maxEntrySize()) {
            throw new UnsafeArchiveException(archive, raw.name(), Reason.ENTRY_TOO_LARGE,
                    "it declares " + size + " bytes, more than the limit of " + limits.maxEntrySize());
        }
        declaredTotal += Math.max(size, 0);
        if (declaredTotal > limits.maxTotalSize()) {
            throw new UnsafeArchiveException(archive, raw.name(), Reason.TOTAL_TOO_LARGE,
                    "the entries declare more than " + limits.maxTotalSize() + " bytes in total");
        }
    }

    private void register(RawEntry raw, String path) {
        if (raw.kind() == EntryKind.DIRECTORY) {
            if (leaves.contains(path)) {
                throw conflict(raw, "a file or link already has this path");
            }
            directories.add(path);
        } else {
            if (leaves.contains(path)) {
                throw new UnsafeArchiveException(archive, raw.name(), Reason.DUPLICATE_ENTRY,
                        "another entry already has the path " + Quoted.of(path));
            }
            if (directories.contains(path)) {
                throw conflict(raw, "a directory already has this path");
            }
            leaves.add(path);
        }
        registerParents(raw, path);
    }

    private void registerParents(RawEntry raw, String path) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            String parent = path.substring(0, slash);
            if (leaves.contains(parent)) {
                throw conflict(raw, "its parent " + Quoted.of(parent) + " is a file or link, not a directory");
            }
            if (!directories.add(parent)) {
                return;
            }
        }
    }

    private UnsafeArchiveException conflict(RawEntry raw, String detail) {
        return new UnsafeArchiveException(archive, raw.name(), Reason.PATH_CONFLICT, detail);
    }
}
