package dev.assay.server.index.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.DistributionStore;

/**
 * Archives no upload would let through (they are planted in the store as a damaged or older store could hold
 * them) are listed without an exception, refused as a whole when unsafe, and never read outside themselves.
 */
class HostileArchivesTest {

    @TempDir
    Path store;

    ArchiveScanner scanner;

    @BeforeEach
    void scanner() {
        scanner = new ArchiveScanner(new FolderStore(store), new ContentsProperties(DataSize.ofKilobytes(1), 4));
    }

    @Test
    void refusesTraversalAbsolutePathsAndEscapingLinksAsAWhole() throws IOException {
        for (String name : new String[] {"demo-1.0/../../../etc/passwd", "/etc/passwd", "../demo-1.0/x"}) {
            DistributionContents listed = list(tarGz("demo-1.0.tar.gz", tar -> file(tar, name, "root:x:0:0\n")));
            assertThat(listed.problem()).as(name).get().asString().contains("Refusing archive");
            assertThat(listed.entries()).isEmpty();
        }
        DistributionContents escaping = list(tarGz("demo-1.0.tar.gz", tar -> {
            file(tar, "demo-1.0/PKG-INFO", "Name: demo\n");
            link(tar, "demo-1.0/passwd", "../../../../etc/passwd");
        }));
        assertThat(escaping.problem()).get().asString().contains("link leaving the archive");
    }

    @Test
    void listsLinksInsideTheArchiveWithoutFollowingThem() throws IOException {
        DistributionContents listed = list(tarGz("demo-1.0.tar.gz", tar -> {
            file(tar, "demo-1.0/PKG-INFO", "Name: demo\n");
            link(tar, "demo-1.0/alias", "PKG-INFO");
        }));
        ContentEntry alias = listed.entry("sdist/alias").orElseThrow();
        assertThat(alias.kind()).isEqualTo(ContentKind.SYMLINK);
        assertThat(alias.linkTarget()).isEqualTo("sdist/PKG-INFO");
        assertThat(scanner.read("demo", listed, Set.of("sdist/alias"))).as("a link is not read").isEmpty();
    }

    @Test
    void refusesAZipBomb() throws IOException {
        Path bomb = store.resolve("demo").resolve("demo-1.0-py3-none-any.whl");
        Files.createDirectories(bomb.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("demo/zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        DistributionContents listed = scanner.list("demo", stored("demo-1.0-py3-none-any.whl"));
        assertThat(listed.problem()).get().asString().contains("zip bomb");
    }

    @Test
    void aFileOverTheLimitIsListedWithItsDigestButNeverLoaded() throws IOException {
        DistributionContents listed = list(tarGz("demo-1.0.tar.gz", tar -> file(tar, "demo-1.0/big.txt", "y".repeat(5000))));
        ContentEntry big = listed.entry("sdist/big.txt").orElseThrow();
        assertThat(big.kind()).isEqualTo(ContentKind.TOO_LARGE);
        assertThat(big.size()).isEqualTo(5000);
        assertThat(big.sha256()).hasSize(64);
        assertThat(scanner.read("demo", listed, Set.of("sdist/big.txt"))).isEmpty();
    }

    @Test
    void bodiesAndNamesThatAreNotUtf8AreShownAsSuchNotGuessed() throws IOException {
        Path wheel = store.resolve("demo").resolve("demo-1.0-py3-none-any.whl");
        Files.createDirectories(wheel.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel), StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("demo/caf\u00e9.txt"));
            zip.write("na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        DistributionContents listed = scanner.list("demo", stored("demo-1.0-py3-none-any.whl"));
        if (listed.problem().isEmpty()) {
            ContentEntry entry = listed.entries().stream().filter(each -> each.path().startsWith("wheel/py3-none-any/demo/caf"))
                    .findFirst().orElseThrow();
            assertThat(entry.kind()).isEqualTo(ContentKind.UNDECODABLE);
        } else {
            assertThat(listed.problem().get()).contains("demo-1.0-py3-none-any.whl");
        }
    }

    @Test
    void aCorruptOrMissingFileIsAProblemNotAnError() throws IOException {
        Files.createDirectories(store.resolve("demo"));
        Files.write(store.resolve("demo").resolve("demo-1.0.tar.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
        assertThat(scanner.list("demo", stored("demo-1.0.tar.gz")).problem()).get().asString().contains("demo-1.0.tar.gz");
        DistributionFile missing = stored("demo-2.0.tar.gz");
        assertThat(scanner.list("demo", missing).problem()).contains("the stored file is missing");
        tarGz("demo-2.0.tar.gz", tar -> file(tar, "demo-2.0/PKG-INFO", "Name: demo\n"));
        assertThat(scanner.list("demo", missing).entries()).as("a missing file is looked for again")
                .extracting(ContentEntry::path).containsExactly("sdist/PKG-INFO");
    }

    @Test
    void onlyListedPathsAreEverRead() throws IOException {
        DistributionContents listed = list(tarGz("demo-1.0.tar.gz", tar -> file(tar, "demo-1.0/a.py", "a = 1\n")));
        assertThat(scanner.read("demo", listed, Set.of("sdist/../../etc/passwd", "/etc/passwd", "demo-1.0/a.py")))
                .isEmpty();
        assertThat(scanner.read("demo", listed, Set.of("sdist/a.py"))).containsOnlyKeys("sdist/a.py");
    }

    @Test
    void theListingCacheKeepsOnlyTheMostRecentlyUsed() {
        ListingCache cache = new ListingCache(2);
        ListingCache.Listing listing = new ListingCache.Listing("sdist", List.of(), Optional.empty());
        cache.put("a", listing);
        cache.put("b", listing);
        cache.get("a");
        cache.put("c", listing);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("c")).isPresent();
    }

    private DistributionContents list(String filename) {
        return scanner.list("demo", stored(filename));
    }

    /** The file's row as the index holds it: the listing cache is keyed by its SHA-256. */
    private DistributionFile stored(String filename) {
        Path file = store.resolve("demo").resolve(filename);
        String sha256 = "0".repeat(64);
        try {
            if (Files.exists(file)) {
                sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            }
        } catch (IOException | NoSuchAlgorithmException unreadable) {
            throw new AssertionError(unreadable);
        }
        return new DistributionFile(1, 1, filename, "sdist", "source", Optional.empty(), 0, sha256, "", "",
                Optional.empty(), Instant.EPOCH, Optional.empty());
    }

    @FunctionalInterface
    interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private String tarGz(String filename, TarWriter writer) throws IOException {
        Path file = store.resolve("demo").resolve(filename);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            writer.write(tar);
        }
        return filename;
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** The store's layout, {@code <folder>/<project>/<file>}, over a temporary folder. */
    private record FolderStore(Path folder) implements DistributionStore {
        @Override
        public Path newTemporaryFile() throws IOException {
            return Files.createTempFile(folder, "upload-", ".part");
        }

        @Override
        public void publish(Path temporary, String normalizedProject, String filename) throws IOException {
            Files.move(temporary, locate(normalizedProject, filename));
        }

        @Override
        public Path locate(String normalizedProject, String filename) {
            return folder.resolve(normalizedProject).resolve(filename);
        }

        @Override
        public void remove(String normalizedProject, String filename) throws IOException {
            Files.deleteIfExists(locate(normalizedProject, filename));
        }

        @Override
        public List<StoredFile> storedFiles() {
            throw new UnsupportedOperationException("the archive scanner never lists the store");
        }

        @Override
        public void setAside(String normalizedProject, String filename, BooleanSupplier committed) {
            throw new UnsupportedOperationException("the archive scanner never sets files aside");
        }

        @Override
        public String where() {
            return folder.toString();
        }
    }
}
