package dev.assay.packaging.archive;

import static dev.assay.packaging.archive.ZipBuilder.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipArchiveTest {
    @TempDir
    Path temp;

    private Path wheel() {
        return zip().file("demo/__init__.py", "VALUE = 1\n")
                .directory("demo/data")
                .file("demo/data/table.csv", "a,b\n")
                .file("demo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n")
                .file("demo-1.0.dist-info/RECORD", "")
                .writeTo(temp.resolve("demo-1.0-py3-none-any.whl"));
    }

    private UnsafeArchiveException refusal(Path archive) {
        return catchThrowableOfType(() -> SafeArchive.open(archive).close(), UnsafeArchiveException.class);
    }

    @Test
    void listsEntriesOfAWheelInArchiveOrder() {
        try (SafeArchive archive = SafeArchive.open(wheel())) {
            assertThat(archive.format()).isEqualTo(ArchiveFormat.ZIP);
            assertThat(archive.entries()).extracting(ArchiveEntry::path).containsExactly(
                    "demo/__init__.py", "demo/data", "demo/data/table.csv",
                    "demo-1.0.dist-info/METADATA", "demo-1.0.dist-info/RECORD");
            assertThat(archive.entry("demo/data")).get().extracting(ArchiveEntry::kind).isEqualTo(EntryKind.DIRECTORY);
            assertThat(archive.entry("demo/__init__.py")).get().extracting(ArchiveEntry::size).isEqualTo(10L);
        }
    }

    @Test
    void readsANamedMember() {
        try (SafeArchive archive = SafeArchive.open(wheel())) {
            assertThat(new String(archive.read("demo/__init__.py"), StandardCharsets.UTF_8)).isEqualTo("VALUE = 1\n");
            assertThat(archive.read("demo-1.0.dist-info/RECORD")).isEmpty();
        }
    }

    @Test
    void visitsTheWantedFilesInOnePassAndLetsTheVisitorStopEarly() {
        Map<String, String> seen = new LinkedHashMap<>();
        try (SafeArchive archive = SafeArchive.open(wheel())) {
            archive.visitFiles(entry -> entry.path().startsWith("demo/"),
                    (entry, in) -> seen.put(entry.path(), new String(in.readNBytes(3), StandardCharsets.UTF_8)));
        }
        assertThat(seen).containsExactly(Map.entry("demo/__init__.py", "VAL"),
                Map.entry("demo/data/table.csv", "a,b"));
    }

    @Test
    void readingAMissingMemberSaysSo() {
        try (SafeArchive archive = SafeArchive.open(wheel())) {
            assertThatThrownBy(() -> archive.read("demo/missing.py"))
                    .isInstanceOf(EntryNotFoundException.class)
                    .hasMessageContaining("'demo/missing.py'").hasMessageContaining("no such entry");
            assertThatThrownBy(() -> archive.read("demo/data"))
                    .isInstanceOf(EntryNotFoundException.class).hasMessageContaining("is a directory");
        }
    }

    @Test
    void normalisesDotSegmentsAndRepeatedSlashes() {
        Path archive = zip().file("./pkg//a.py", "x").writeTo(temp.resolve("dots.whl"));
        try (SafeArchive opened = SafeArchive.open(archive)) {
            assertThat(opened.entries()).extracting(ArchiveEntry::path).containsExactly("pkg/a.py");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil", "pkg/../../evil", "pkg/..", "..\\..\\evil", "pkg\\..\\..\\evil", "a/./../b"})
    void refusesZipSlip(String name) {
        UnsafeArchiveException e = refusal(zip().file(name, "pwned").writeTo(temp.resolve("slip.whl")));
        assertThat(e.reason()).isEqualTo(Reason.PATH_TRAVERSAL);
        assertThat(e.entry().replace('\\', '/')).isEqualTo(name.replace('\\', '/'));
        assertThat(e).hasMessageContaining("slip.whl").hasMessageContaining("'..'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "C:\\Windows\\evil.dll", "c:evil", "\\\\server\\share\\evil", "//server/x"})
    void refusesAbsolutePaths(String name) {
        UnsafeArchiveException e = refusal(zip().file(name, "pwned").writeTo(temp.resolve("abs.whl")));
        assertThat(e.reason()).isEqualTo(Reason.ABSOLUTE_PATH);
        assertThat(e).hasMessageContaining("absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkg/a\u0000.py", "pkg/\nevil.py", "pkg/a\u001b[31m.py", "pkg/\u007f", "pkg/\u0085x"})
    void refusesNamesWithNulOrControlCharacters(String name) {
        UnsafeArchiveException e = refusal(zip().file(name, "x").writeTo(temp.resolve("ctl.whl")));
        assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_NAME);
        assertThat(e.getMessage()).contains("contains").doesNotContain("\u0000", "\n", "\u001b");
    }

    @Test
    void refusesPathsOverTheLengthLimit() {
        Path archive = zip().file("a".repeat(101), "x").writeTo(temp.resolve("long.whl"));
        UnsafeArchiveException e = catchThrowableOfType(
                () -> SafeArchive.open(archive, ArchiveLimits.defaults().withMaxPathLength(100)), UnsafeArchiveException.class);
        assertThat(e.reason()).isEqualTo(Reason.PATH_TOO_LONG);
        assertThat(e).hasMessageContaining("101 characters").hasMessageContaining("limit of 100");
    }

    @Test
    void refusesDuplicateEntryNames() {
        UnsafeArchiveException e = refusal(zip().file("pkg/a.py", "one").file("pkg/a.py", "two")
                .writeTo(temp.resolve("dup.whl")));
        assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_ENTRY);
        assertThat(e).hasMessageContaining("'pkg/a.py'");
    }

    @Test
    void refusesNamesThatCollideAfterNormalisation() {
        UnsafeArchiveException e = refusal(zip().file("pkg/a.py", "one").file("pkg\\a.py", "two")
                .writeTo(temp.resolve("dup.whl")));
        assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_ENTRY);
    }

    @Test
    void refusesAFileUsedAsADirectory() {
        UnsafeArchiveException e = refusal(zip().file("pkg", "file").file("pkg/a.py", "x")
                .writeTo(temp.resolve("conflict.whl")));
        assertThat(e.reason()).isEqualTo(Reason.PATH_CONFLICT);
        assertThat(e).hasMessageContaining("parent 'pkg'");
    }

    @Test
    void toleratesRepeatedDirectoryEntries() {
        Path archive = zip().directory("pkg").directory("pkg").file("pkg/a.py", "x").writeTo(temp.resolve("dirs.whl"));
        try (SafeArchive opened = SafeArchive.open(archive)) {
            assertThat(opened.entries()).extracting(ArchiveEntry::path).containsExactly("pkg", "pkg/a.py");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc", "../../etc/passwd", "../../x", "sub/../../../x", "..\\..\\x", "C:\\Windows"})
    void refusesSymlinksLeavingTheArchive(String target) {
        UnsafeArchiveException e = refusal(zip().symlink("pkg/link", target).writeTo(temp.resolve("link.whl")));
        assertThat(e.reason()).isEqualTo(Reason.LINK_ESCAPES_ROOT);
        assertThat(e.entry()).isEqualTo("pkg/link");
    }

    @Test
    void listsSymlinksInsideTheArchiveWithTheirResolvedTarget() {
        Path archive = zip().file("pkg/real.py", "x").symlink("pkg/sub/link.py", "../real.py")
                .writeTo(temp.resolve("inside.whl"));
        try (SafeArchive opened = SafeArchive.open(archive)) {
            assertThat(opened.entry("pkg/sub/link.py")).get()
                    .isEqualTo(new ArchiveEntry("pkg/sub/link.py", EntryKind.SYMBOLIC_LINK, 10, "pkg/real.py"));
            assertThatThrownBy(() -> opened.read("pkg/sub/link.py")).isInstanceOf(EntryNotFoundException.class)
                    .hasMessageContaining("symbolic link");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0010644, 0020644, 0060644, 0140644})
    void refusesFifosDevicesAndSockets(int mode) {
        UnsafeArchiveException e = refusal(zip().withMode("pkg/dev", mode, new byte[0]).writeTo(temp.resolve("dev.whl")));
        assertThat(e.reason()).isEqualTo(Reason.SPECIAL_FILE);
        assertThat(e).hasMessageContaining(Integer.toOctalString(mode));
    }

    @Test
    void refusesMoreEntriesThanTheLimit() {
        ZipBuilder builder = zip();
        for (int i = 0; i < 11; i++) {
            builder.file("f" + i, "");
        }
        Path archive = builder.writeTo(temp.resolve("many.whl"));
        UnsafeArchiveException e = catchThrowableOfType(
                () -> SafeArchive.open(archive, ArchiveLimits.defaults().withMaxEntries(10)), UnsafeArchiveException.class);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ENTRIES);
        assertThat(e).hasMessageContaining("declares 11 entries").hasMessageContaining("limit of 10");
    }

    @Test
    void opensAnEmptyZip() throws Exception {
        Path archive = zip().writeTo(temp.resolve("empty.zip"));
        try (SafeArchive opened = SafeArchive.open(archive)) {
            assertThat(opened.entries()).isEmpty();
        }
        assertThat(Files.size(archive)).isEqualTo(22);
    }
}
