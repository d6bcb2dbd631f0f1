package dev.assay.packaging.archive;

import static dev.assay.packaging.archive.TarGzBuilder.tarGz;
import static dev.assay.packaging.archive.ZipBuilder.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExtractionTest {
    @TempDir
    Path temp;
    private Path work;
    private Path target;

    @BeforeEach
    void layOutWorkingDirectory() throws IOException {
        work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("keep.txt"), "untouched");
        target = work.resolve("out");
    }

    @Test
    void extractsDirectoriesAndFiles() throws IOException {
        Path wheel = zip().directory("demo/empty").file("demo/__init__.py", "VALUE = 1\n")
                .file("demo-1.0.dist-info/METADATA", "Name: demo\n").writeTo(temp.resolve("demo-1.0-py3-none-any.whl"));
        try (SafeArchive archive = SafeArchive.open(wheel)) {
            archive.extractTo(target);
        }
        assertThat(target.resolve("demo/empty")).isEmptyDirectory();
        assertThat(target.resolve("demo/__init__.py")).hasContent("VALUE = 1");
        assertThat(target.resolve("demo-1.0.dist-info/METADATA")).hasContent("Name: demo");
    }

    @Test
    void neverCreatesLinks() throws IOException {
        Path sdist = tarGz().file("demo-1.0/docs/README.md", "# demo\n").symlink("demo-1.0/README", "docs/README.md")
                .hardlink("demo-1.0/COPY", "demo-1.0/docs/README.md").writeTo(temp.resolve("demo-1.0.tar.gz"));
        try (SafeArchive archive = SafeArchive.open(sdist)) {
            archive.extractTo(target);
        }
        assertThat(target.resolve("demo-1.0/docs/README.md")).hasContent("# demo");
        assertThat(Files.exists(target.resolve("demo-1.0/README"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(target.resolve("demo-1.0/COPY"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void extractsIntoAnExistingEmptyDirectory() throws IOException {
        Files.createDirectories(target);
        try (SafeArchive archive = SafeArchive.open(zip().file("a.txt", "a").writeTo(temp.resolve("a.zip")))) {
            archive.extractTo(target);
        }
        assertThat(target.resolve("a.txt")).hasContent("a");
    }

    @Test
    void refusesANonEmptyTargetDirectory() throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("existing"), "x");
        try (SafeArchive archive = SafeArchive.open(zip().file("a.txt", "a").writeTo(temp.resolve("a.zip")))) {
            assertThatThrownBy(() -> archive.extractTo(target))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
        }
        assertThat(target.resolve("a.txt")).doesNotExist();
    }

    @Test
    void removesEverythingWrittenWhenAnEntryTurnsOutUnsafeMidway() {
        Path liar = ZipBytes.declareUncompressedSize(zip().file("demo/first.py", "ok").file("demo/zeros.bin", new byte[1 << 20])
                .writeTo(temp.resolve("liar.whl")), 100);
        DirectorySnapshot before = DirectorySnapshot.of(work);
        try (SafeArchive archive = SafeArchive.open(liar)) {
            assertThatThrownBy(() -> archive.extractTo(target))
                    .isInstanceOfSatisfying(UnsafeArchiveException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SIZE_MISMATCH));
        }
        assertThat(DirectorySnapshot.of(work)).isEqualTo(before);
        assertThat(target).doesNotExist();
    }

    @Test
    void emptiesAnExistingTargetAgainWhenExtractionFails() throws IOException {
        Files.createDirectories(target);
        Path liar = ZipBytes.declareUncompressedSize(zip().file("demo/first.py", "ok").file("demo/zeros.bin", new byte[1 << 20])
                .writeTo(temp.resolve("liar.whl")), 100);
        try (SafeArchive archive = SafeArchive.open(liar)) {
            assertThatThrownBy(() -> archive.extractTo(target)).isInstanceOf(UnsafeArchiveException.class);
        }
        assertThat(target).isEmptyDirectory();
    }

    static Stream<Arguments> maliciousArchives() {
        String outside = "assay-evil-" + ProcessHandle.current().pid();
        return Stream.of(
                malicious("zip slip", Reason.PATH_TRAVERSAL, dir -> zip().file("ok.txt", "ok")
                        .file("../../" + outside, "pwned").writeTo(dir.resolve("slip.whl"))),
                malicious("zip absolute", Reason.ABSOLUTE_PATH, dir -> zip().file("ok.txt", "ok")
                        .file("/tmp/" + outside, "pwned").writeTo(dir.resolve("abs.whl"))),
                malicious("zip backslash slip", Reason.PATH_TRAVERSAL, dir -> zip()
                        .file("..\\..\\" + outside, "pwned").writeTo(dir.resolve("bs.whl"))),
                malicious("tar slip", Reason.PATH_TRAVERSAL, dir -> tarGz().file("demo-1.0/ok", "ok")
                        .file("demo-1.0/../../" + outside, "pwned").writeTo(dir.resolve("slip.tar.gz"))),
                malicious("tar absolute", Reason.ABSOLUTE_PATH, dir -> tarGz()
                        .file("/tmp/" + outside, "pwned").writeTo(dir.resolve("abs.tar.gz"))),
                malicious("tar symlink out, then write through it", Reason.LINK_ESCAPES_ROOT, dir -> tarGz()
                        .symlink("demo-1.0/escape", "../..").file("demo-1.0/escape/" + outside, "pwned")
                        .writeTo(dir.resolve("link.tar.gz"))),
                malicious("tar symlink inside, then write through it", Reason.PATH_CONFLICT, dir -> tarGz()
                        .symlink("demo-1.0/here", ".").file("demo-1.0/here/" + outside, "pwned")
                        .writeTo(dir.resolve("here.tar.gz"))),
                malicious("tar hard link out", Reason.LINK_ESCAPES_ROOT, dir -> tarGz()
                        .hardlink("demo-1.0/passwd", "/etc/passwd").writeTo(dir.resolve("hard.tar.gz"))),
                malicious("tar fifo", Reason.SPECIAL_FILE, dir -> tarGz()
                        .special("demo-1.0/fifo", org.apache.commons.compress.archivers.tar.TarArchiveEntry.LF_FIFO)
                        .writeTo(dir.resolve("fifo.tar.gz"))));
    }

    private static Arguments malicious(String name, Reason reason, Function<Path, Path> build) {
        return Arguments.of(name, reason, build);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maliciousArchives")
    void writesNothingOutsideTheTargetForMaliciousArchives(String name, Reason reason, Function<Path, Path> build)
            throws IOException {
        Path archive = build.apply(Files.createDirectories(temp.resolve("in")));
        DirectorySnapshot before = DirectorySnapshot.of(work);
        assertThatThrownBy(() -> {
            try (SafeArchive opened = SafeArchive.open(archive)) {
                opened.extractTo(target);
            }
        }).isInstanceOfSatisfying(UnsafeArchiveException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(reason.label());
        assertThat(DirectorySnapshot.of(work)).isEqualTo(before);
        try (Stream<Path> everything = Files.walk(temp)) {
            assertThat(everything).noneMatch(path -> path.getFileName().toString().startsWith("assay-evil-"));
        }
        assertThat(Path.of("/tmp").resolve("assay-evil-" + ProcessHandle.current().pid())).doesNotExist();
    }
}
