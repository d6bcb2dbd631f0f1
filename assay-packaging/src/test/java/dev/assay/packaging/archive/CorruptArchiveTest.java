package dev.assay.packaging.archive;

import static dev.assay.packaging.archive.TarGzBuilder.tarGz;
import static dev.assay.packaging.archive.ZipBuilder.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.PackagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorruptArchiveTest {
    @TempDir
    Path temp;

    private Path wheel() {
        return zip().file("demo/__init__.py", "VALUE = 1\n".repeat(200)).directory("demo/sub")
                .file("demo/sub/x.py", "import os\n").symlink("demo/link", "sub/x.py")
                .file("demo-1.0.dist-info/METADATA", "Name: demo\n").writeTo(temp.resolve("demo-1.0-py3-none-any.whl"));
    }

    private Path sdist() {
        return tarGz().directory("demo-1.0").file("demo-1.0/PKG-INFO", "Name: demo\n".repeat(100))
                .file("demo-1.0/setup.py", "from setuptools import setup\n").symlink("demo-1.0/link", "setup.py")
                .writeTo(temp.resolve("demo-1.0.tar.gz"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "PK", "PK\u0003\u0004garbage", "\u001f\u008b", "\u001f\u008bnot gzip at all"})
    void reportsGarbageAsCorrupt(String content) throws IOException {
        Path file = Files.write(temp.resolve("garbage.whl"), content.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SafeArchive.open(file)).isInstanceOf(CorruptArchiveException.class)
                .hasMessageContaining("garbage.whl");
    }

    @Test
    void reportsATextFileOpenedAsZipAsNotAZip() throws IOException {
        Path file = Files.writeString(temp.resolve("fake.whl"), "this is not a zip archive, just some text");
        assertThatThrownBy(() -> SafeArchive.open(file, ArchiveFormat.ZIP, ArchiveLimits.defaults()))
                .isInstanceOf(CorruptArchiveException.class).hasMessageContaining("not a zip file");
    }

    @Test
    void reportsAZipOpenedAsTarGzAsCorrupt() {
        Path file = wheel();
        assertThatThrownBy(() -> SafeArchive.open(file, ArchiveFormat.TAR_GZ, ArchiveLimits.defaults()))
                .isInstanceOf(CorruptArchiveException.class).hasMessageContaining("gzip");
    }

    @Test
    void reportsGzippedGarbageAsCorrupt() throws IOException {
        Path file = temp.resolve("noise.tar.gz");
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            out.write(noise);
        }
        assertThatThrownBy(() -> SafeArchive.open(file)).isInstanceOf(CorruptArchiveException.class)
                .hasMessageContaining("noise.tar.gz");
    }

    @Test
    void reportsATarTruncatedInsideAnEntryAsCorrupt() throws IOException {
        ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("demo-1.0/setup.py");
            entry.setSize(5000);
            tar.putArchiveEntry(entry);
            tar.write(new byte[5000]);
            tar.closeArchiveEntry();
        }
        Path file = temp.resolve("cut.tar.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            out.write(tarBytes.toByteArray(), 0, 512 + 1000);
        }
        assertThatThrownBy(() -> SafeArchive.open(file)).isInstanceOf(CorruptArchiveException.class)
                .hasMessageContaining("cut.tar.gz").hasMessageContaining("tar");
    }

    @Test
    void reportsAFileThatDoesNotExistAsAFileSystemProblem() {
        assertThatThrownBy(() -> SafeArchive.open(temp.resolve("absent.whl")))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("absent.whl");
    }

    @Test
    void reportsEveryTruncationOfAWheelAsCorrupt() throws IOException {
        byte[] whole = Files.readAllBytes(wheel());
        for (int length = 0; length < whole.length; length += 3) {
            Path cut = Files.write(temp.resolve("cut.whl"), Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> SafeArchive.open(cut)).as("cut at %d", length)
                    .isInstanceOf(CorruptArchiveException.class);
        }
    }

    @Test
    void reportsEveryTruncationOfAnSdistAsCorrupt() throws IOException {
        byte[] whole = Files.readAllBytes(sdist());
        for (int length = 0; length < whole.length - 8; length += 3) {
            Path cut = Files.write(temp.resolve("cut.tar.gz"), Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> SafeArchive.open(cut)).as("cut at %d", length)
                    .isInstanceOf(CorruptArchiveException.class);
        }
    }

    @Test
    void raisesOnlyTypedExceptionsForRandomlyDamagedWheels() throws IOException {
        assertOnlyTypedFailures(Files.readAllBytes(wheel()), "damaged.whl");
    }

    @Test
    void raisesOnlyTypedExceptionsForRandomlyDamagedSdists() throws IOException {
        assertOnlyTypedFailures(Files.readAllBytes(sdist()), "damaged.tar.gz");
    }

    private void assertOnlyTypedFailures(byte[] original, String name) throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] damaged = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            Path file = Files.write(temp.resolve(name), damaged);
            Path out = temp.resolve("out-" + round);
            try (SafeArchive archive = SafeArchive.open(file)) {
                archive.entries().stream().filter(ArchiveEntry::isFile).forEach(entry -> archive.read(entry.path()));
                archive.extractTo(out);
            } catch (PackagingException expected) {
                assertThat(expected.getMessage()).as("round %d", round).contains(name);
            }
        }
    }
}
