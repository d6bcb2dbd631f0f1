package dev.assay.packaging.archive;

import static dev.assay.packaging.archive.TarGzBuilder.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarGzArchiveTest {
    @TempDir
    Path temp;

    private Path sdist() {
        return tarGz().directory("demo-1.0")
                .file("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n")
                .file("demo-1.0/src/demo/__init__.py", "VALUE = 1\n")
                .symlink("demo-1.0/README", "docs/README.md")
                .file("demo-1.0/docs/README.md", "# demo\n")
                .hardlink("demo-1.0/COPY.md", "demo-1.0/docs/README.md")
                .writeTo(temp.resolve("demo-1.0.tar.gz"));
    }

    private UnsafeArchiveException refusal(Path archive) {
        return catchThrowableOfType(() -> SafeArchive.open(archive).close(), UnsafeArchiveException.class);
    }

    @Test
    void listsEntriesOfAnSdistInArchiveOrder() {
        try (SafeArchive archive = SafeArchive.open(sdist())) {
            assertThat(archive.format()).isEqualTo(ArchiveFormat.TAR_GZ);
            assertThat(archive.entries()).containsExactly(
                    new ArchiveEntry("demo-1.0", EntryKind.DIRECTORY, 0, ""),
                    new ArchiveEntry("demo-1.0/PKG-INFO", EntryKind.FILE, 46, ""),
                    new ArchiveEntry("demo-1.0/src/demo/__init__.py", EntryKind.FILE, 10, ""),
                    new ArchiveEntry("demo-1.0/README", EntryKind.SYMBOLIC_LINK, 0, "demo-1.0/docs/README.md"),
                    new ArchiveEntry("demo-1.0/docs/README.md", EntryKind.FILE, 7, ""),
                    new ArchiveEntry("demo-1.0/COPY.md", EntryKind.HARD_LINK, 0, "demo-1.0/docs/README.md"));
        }
    }

    @Test
    void readsNamedMembersByStreamingAgain() {
        try (SafeArchive archive = SafeArchive.open(sdist())) {
            assertThat(new String(archive.read("demo-1.0/docs/README.md"), StandardCharsets.UTF_8)).isEqualTo("# demo\n");
            assertThat(new String(archive.read("demo-1.0/PKG-INFO"), StandardCharsets.UTF_8)).startsWith("Metadata-Version");
        }
    }

    @Test
    void skipsTheRootDirectoryEntry() {
        Path archive = tarGz().directory("./").file("./demo-1.0/PKG-INFO", "x").writeTo(temp.resolve("dot.tar.gz"));
        try (SafeArchive opened = SafeArchive.open(archive)) {
            assertThat(opened.entries()).extracting(ArchiveEntry::path).containsExactly("demo-1.0/PKG-INFO");
        }
    }

    @Test
    void listsARepeatedDirectoryOnce() {
        Path archive = tarGz().directory("demo-1.0").directory("demo-1.0/").file("demo-1.0/a", "a")
                .writeTo(temp.resolve("repeat.tar.gz"));
        try (SafeArchive opened = SafeArchive.open(archive)) {
            assertThat(opened.entries()).extracting(ArchiveEntry::path).containsExactly("demo-1.0", "demo-1.0/a");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil", "demo-1.0/../../evil", "demo-1.0\\..\\..\\evil"})
    void refusesTarSlip(String name) {
        UnsafeArchiveException e = refusal(tarGz().file(name, "pwned").writeTo(temp.resolve("slip.tar.gz")));
        assertThat(e.reason()).isEqualTo(Reason.PATH_TRAVERSAL);
        assertThat(e).hasMessageContaining("slip.tar.gz").hasMessageContaining("'..'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "C:\\evil.bat", "\\\\server\\share\\evil"})
    void refusesAbsolutePaths(String name) {
        UnsafeArchiveException e = refusal(tarGz().file(name, "pwned").writeTo(temp.resolve("abs.tar.gz")));
        assertThat(e.reason()).isEqualTo(Reason.ABSOLUTE_PATH);
        assertThat(e.entry()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc", "/etc/passwd", "../..", "../../../etc", "a/../../.."})
    void refusesSymlinksLeavingTheArchive(String target) {
        UnsafeArchiveException e = refusal(tarGz().symlink("demo-1.0/link", target).writeTo(temp.resolve("ln.tar.gz")));
        assertThat(e.reason()).isEqualTo(Reason.LINK_ESCAPES_ROOT);
        assertThat(e).hasMessageContaining("'demo-1.0/link'").hasMessageContaining(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../outside", "demo-1.0/../../outside"})
    void refusesHardLinksLeavingTheArchive(String target) {
        UnsafeArchiveException e = refusal(tarGz().hardlink("demo-1.0/link", target).writeTo(temp.resolve("hl.tar.gz")));
        assertThat(e.reason()).isEqualTo(Reason.LINK_ESCAPES_ROOT);
    }

    @Test
    void refusesCharacterDevices() {
        assertSpecial(TarArchiveEntry.LF_CHR, "character device");
    }

    @Test
    void refusesBlockDevices() {
        assertSpecial(TarArchiveEntry.LF_BLK, "block device");
    }

    @Test
    void refusesFifos() {
        assertSpecial(TarArchiveEntry.LF_FIFO, "FIFO");
    }

    @Test
    void refusesUnknownEntryTypes() {
        assertSpecial((byte) 'V', "type 'V'");
    }

    private void assertSpecial(byte flag, String description) {
        UnsafeArchiveException e = refusal(tarGz().special("demo-1.0/dev", flag).writeTo(temp.resolve("dev.tar.gz")));
        assertThat(e.reason()).isEqualTo(Reason.SPECIAL_FILE);
        assertThat(e).hasMessageContaining(description);
    }

    @Test
    void refusesDuplicateEntryNames() {
        UnsafeArchiveException e = refusal(tarGz().file("demo-1.0/a.py", "1").file("demo-1.0/./a.py", "2")
                .writeTo(temp.resolve("dup.tar.gz")));
        assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_ENTRY);
    }

    @Test
    void refusesADirectoryOverAFile() {
        UnsafeArchiveException e = refusal(tarGz().file("demo-1.0/a", "1").directory("demo-1.0/a")
                .writeTo(temp.resolve("conflict.tar.gz")));
        assertThat(e.reason()).isEqualTo(Reason.PATH_CONFLICT);
    }

    @Test
    void refusesNamesWithControlCharacters() {
        UnsafeArchiveException e = refusal(tarGz().file("demo-1.0/\u001b]0;owned\u0007", "1")
                .writeTo(temp.resolve("ctl.tar.gz")));
        assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_NAME);
    }

    @Test
    void refusesMoreEntriesThanTheLimit() {
        TarGzBuilder builder = tarGz();
        for (int i = 0; i < 6; i++) {
            builder.file("demo-1.0/f" + i, "");
        }
        Path archive = builder.writeTo(temp.resolve("many.tar.gz"));
        UnsafeArchiveException e = catchThrowableOfType(
                () -> SafeArchive.open(archive, ArchiveLimits.defaults().withMaxEntries(5)), UnsafeArchiveException.class);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ENTRIES);
        assertThat(e).hasMessageContaining("more than 5 entries").hasMessageContaining("'demo-1.0/f5'");
    }

    @Test
    void refusesAnEntryDeclaringMoreThanTheEntryLimit() {
        Path archive = tarGz().file("demo-1.0/big", new byte[2000]).writeTo(temp.resolve("big.tar.gz"));
        UnsafeArchiveException e = catchThrowableOfType(
                () -> SafeArchive.open(archive, ArchiveLimits.defaults().withMaxEntrySize(1000)), UnsafeArchiveException.class);
        assertThat(e.reason()).isEqualTo(Reason.ENTRY_TOO_LARGE);
        assertThat(e).hasMessageContaining("declares 2000 bytes").hasMessageContaining("limit of 1000");
    }

    @Test
    void refusesEntriesDeclaringMoreThanTheTotalLimit() {
        Path archive = tarGz().file("demo-1.0/a", new byte[600]).file("demo-1.0/b", new byte[600])
                .writeTo(temp.resolve("total.tar.gz"));
        UnsafeArchiveException e = catchThrowableOfType(
                () -> SafeArchive.open(archive, ArchiveLimits.defaults().withMaxTotalSize(1000)), UnsafeArchiveException.class);
        assertThat(e.reason()).isEqualTo(Reason.TOTAL_TOO_LARGE);
        assertThat(e.entry()).isEqualTo("demo-1.0/b");
    }
}
