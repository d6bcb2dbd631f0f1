package dev.assay.server.git.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.ObjectChecker.ErrorType;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The push settings as an administrator writes them, and what skipping a check lets through. */
class PushSettingsTest {

    @Test
    void namesChecksToSkipByGitsMessageIdsAndRefusesUnknownOnes() {
        assertThat(settings(List.of("win32BadName", " zeroPaddedFilemode ", "")).ignoredChecks())
                .containsExactlyInAnyOrder(ErrorType.WIN32_BAD_NAME, ErrorType.ZERO_PADDED_FILEMODE);
        assertThatThrownBy(() -> settings(List.of("noSuchCheck")))
                .hasMessageContaining("'noSuchCheck' is not a git fsck message id").hasMessageContaining("hasDotgit");
    }

    @Test
    void skippingWindowsNamesStillRefusesEveryDisguiseOfDotGit() throws CorruptObjectException {
        var checker = new CheckedReceivePack.FsckChecker(settings(List.of("win32BadName")).ignoredChecks());

        checker.checkTree(tree("aux.py"));
        checker.checkTree(tree("notes."));
        assertThatThrownBy(() -> checker.checkTree(tree("a:b.txt"))).hasMessageContaining("':' not allowed");
        for (String disguise : List.of(".git", ".GiT", ".git.", ".git ", "git~1", ".g\u200cit")) {
            assertThatThrownBy(() -> checker.checkTree(tree(disguise))).as(disguise)
                    .hasMessageContaining("invalid name");
        }
        assertThatThrownBy(() -> new CheckedReceivePack.FsckChecker(settings(List.of()).ignoredChecks())
                .checkTree(tree("aux.py"))).hasMessageContaining("invalid name 'AUX'");
    }

    @Test
    void namesDifferingOnlyInCaseCollideUnlessDuplicateEntriesAreSkipped() throws CorruptObjectException {
        byte[] tree = concat(tree("README"), tree("readme"));

        assertThatThrownBy(() -> new CheckedReceivePack.FsckChecker(settings(List.of()).ignoredChecks())
                .checkTree(tree)).hasMessageContaining("duplicate entry names");
        new CheckedReceivePack.FsckChecker(settings(List.of("duplicateEntries")).ignoredChecks()).checkTree(tree);
    }

    @Test
    void describesSizesAsTheyAreWritten() {
        assertThat(PushSettings.describe(DataSize.ofMegabytes(100).toBytes())).isEqualTo("100MB");
        assertThat(PushSettings.describe(DataSize.ofGigabytes(2).toBytes())).isEqualTo("2GB");
        assertThat(PushSettings.describe(1536 * 1024)).isEqualTo("1536KB");
        assertThat(PushSettings.describe(1000)).isEqualTo("1000B");
    }

    private static PushSettings settings(List<String> fsckIgnore) {
        return new PushSettings(DataSize.ofMegabytes(100), DataSize.ofGigabytes(2), DataSize.ofGigabytes(10),
                fsckIgnore);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }

    private static byte[] tree(String name) {
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        tree.writeBytes(("100644 " + name).getBytes(StandardCharsets.UTF_8));
        tree.write(0);
        tree.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
        return tree.toByteArray();
    }
}
