package dev.assay.server.index.contents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.ArchiveEntry;
import dev.assay.packaging.archive.SafeArchive;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.index.contents.ListingCache.Listing;

/**
 * Reads stored distribution files, only through {@link SafeArchive}: never extracted, links never followed, every
 * byte counted against the archive limits. A listing classifies every entry in one streaming pass.
 */
@Component
class ArchiveScanner {

    private final DistributionStore store;
    private final int maxFileSize;
    private final ListingCache cache;

    ArchiveScanner(DistributionStore store, ContentsProperties properties) {
        this.store = store;
        this.maxFileSize = (int) properties.maxFileSize().toBytes();
        this.cache = new ListingCache(properties.cachedListings());
    }

    /**
     * The entries of a stored file, or why it cannot be read. What the file's bytes decide (its listing, or its
     * refusal by the archive checks) is cached; a missing or unreadable file is tried again next time.
     */
    DistributionContents list(String normalizedProject, DistributionFile file) {
        String key = file.sha256() + " " + file.filename();
        Listing listing = cache.get(key).orElseGet(() -> scan(normalizedProject, file, key));
        return new DistributionContents(file, listing.root(), listing.entries(), listing.problem());
    }

    /**
     * The bytes of the listed text entries named, in one pass over the archive; an entry that is not text within
     * the size limit is left out.
     */
    Map<String, byte[]> read(String normalizedProject, DistributionContents contents, Set<String> paths) {
        Map<String, String> wanted = contents.entries().stream()
                .filter(entry -> entry.kind() == ContentKind.TEXT && paths.contains(entry.path()))
                .collect(Collectors.toMap(ContentEntry::archivePath, ContentEntry::path, (a, b) -> a));
        Map<String, byte[]> texts = new HashMap<>();
        if (wanted.isEmpty()) {
            return texts;
        }
        try (SafeArchive archive = SafeArchive.open(stored(normalizedProject, contents.file()))) {
            archive.visitFiles(entry -> wanted.containsKey(entry.path()), (entry, in) -> {
                byte[] bytes = in.readNBytes(maxFileSize + 1);
                if (bytes.length <= maxFileSize) {
                    texts.put(wanted.get(entry.path()), bytes);
                }
            });
        } catch (PackagingException | UncheckedIOException | IllegalArgumentException unreadable) {
            // listed a moment ago: a file that became unreadable since shows as not text rather than failing
            return Map.of();
        }
        return texts;
    }

    private Listing scan(String normalizedProject, DistributionFile file, String key) {
        try {
            Path path = stored(normalizedProject, file);
            if (!Files.isRegularFile(path)) {
                return problem(file, "the stored file is missing");
            }
            try (SafeArchive archive = SafeArchive.open(path)) {
                LogicalPaths paths = LogicalPaths.of(file.filename(), archive.entries());
                Map<String, Facts> facts = new HashMap<>();
                archive.visitFiles(entry -> true, (entry, in) -> facts.put(entry.path(), facts(in)));
                List<ContentEntry> entries = new ArrayList<>();
                for (ArchiveEntry entry : archive.entries()) {
                    entry(paths, entry, facts.get(entry.path())).ifPresent(entries::add);
                }
                entries.sort(Comparator.comparing(ContentEntry::path));
                return cached(key, new Listing(paths.root(), List.copyOf(entries), Optional.empty()));
            }
        } catch (PackagingException refused) {
            return cached(key, problem(file, refused.getMessage()));
        } catch (UncheckedIOException | IllegalArgumentException unreadable) {
            return problem(file, "the stored file cannot be read");
        }
    }

    private Listing cached(String key, Listing listing) {
        cache.put(key, listing);
        return listing;
    }

    private Path stored(String normalizedProject, DistributionFile file) {
        return store.locate(normalizedProject, file.filename());
    }

    private static Listing problem(DistributionFile file, String why) {
        return new Listing(LogicalPaths.root(file.filename()), List.of(), Optional.of(why));
    }

    private static Optional<ContentEntry> entry(LogicalPaths paths, ArchiveEntry entry, Facts facts) {
        String path = paths.logical(entry.path());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (entry.kind()) {
            case FILE -> facts == null ? unread(path, entry)
                    : new ContentEntry(path, entry.path(), facts.kind(), facts.size(), facts.sha256(), "");
            case DIRECTORY -> new ContentEntry(path, entry.path(), ContentKind.DIRECTORY, 0, "", "");
            case SYMBOLIC_LINK -> link(paths, entry, path, ContentKind.SYMLINK);
            case HARD_LINK -> link(paths, entry, path, ContentKind.HARD_LINK);
        });
    }

    /** A file the pass did not stream (the readers stream every listed file; this keeps a surprise off the page). */
    private static ContentEntry unread(String path, ArchiveEntry entry) {
        return new ContentEntry(path, entry.path(), ContentKind.BINARY, Math.max(entry.size(), 0), "", "");
    }

    private static ContentEntry link(LogicalPaths paths, ArchiveEntry entry, String path, ContentKind kind) {
        String target = paths.logical(entry.linkTarget());
        return new ContentEntry(path, entry.path(), kind, 0, "", target.isEmpty() ? paths.root() : target);
    }

    /** What one pass learns of a regular file. */
    private record Facts(ContentKind kind, long size, String sha256) {
    }

    private Facts facts(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
            size += n;
            if (size <= maxFileSize) {
                kept.write(buffer, 0, n);
            }
        }
        ContentKind kind = size > maxFileSize ? ContentKind.TOO_LARGE : TextLines.kindOf(kept.toByteArray());
        return new Facts(kind, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
