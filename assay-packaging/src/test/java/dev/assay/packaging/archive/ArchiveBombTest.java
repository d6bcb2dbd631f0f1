package dev.assay.packaging.archive;

import static dev.assay.packaging.archive.TarGzBuilder.tarGz;
import static dev.assay.packaging.archive.ZipBuilder.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveBombTest {
    private static final long TEN_GB = 10L * 1000 * 1000 * 1000;

    @TempDir
    Path temp;

    private static UnsafeArchiveException refusal(Path archive, ArchiveLimits limits) {
        return catchThrowableOfType(() -> SafeArchive.open(archive, limits).close(), UnsafeArchiveException.class);
    }

    @Test
    void refusesAZipBombByItsDeclaredRatio() {
        Path bomb = zip().file("demo/zeros.bin", new byte[50 << 20]).writeTo(temp.resolve("bomb.whl"));
        UnsafeArchiveException e = refusal(bomb, ArchiveLimits.defaults());
        assertThat(e.reason()).isEqualTo(Reason.COMPRESSION_RATIO);
        assertThat(e).hasMessageContaining("'demo/zeros.bin'").hasMessageContaining("declares 52428800 bytes")
                .hasMessageContaining("zip bomb");
    }

    @Test
    void refusesAZipBombWhoseHeaderHidesItsSizeWhenInflating() throws Exception {
        Path bomb = ZipBytes.declareUncompressedSize(
                zip().file("demo/zeros.bin", new byte[50 << 20]).writeTo(temp.resolve("liar.whl")), 100);
        try (SafeArchive archive = SafeArchive.open(bomb)) {
            assertThatThrownBy(() -> archive.read("demo/zeros.bin"))
                    .isInstanceOfSatisfying(UnsafeArchiveException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SIZE_MISMATCH))
                    .hasMessageContaining("past its declared size of 100 bytes");
        }
    }

    @Test
    void refusesAZipEntryDeclaringMoreThanTheEntryLimit() {
        Path big = ZipBytes.declareUncompressedSize(
                zip().file("demo/big.bin", "small").writeTo(temp.resolve("big.whl")), 0xF0000000L);
        UnsafeArchiveException e = refusal(big, ArchiveLimits.defaults());
        assertThat(e.reason()).isEqualTo(Reason.ENTRY_TOO_LARGE);
        assertThat(e).hasMessageContaining("declares 4026531840 bytes").hasMessageContaining("limit of 1073741824");
    }

    @Test
    void refusesAGzipBombWhileScanningTheTar() {
        Path bomb = tarGz().file("demo-1.0/zeros.bin", new byte[50 << 20]).writeTo(temp.resolve("bomb.tar.gz"));
        UnsafeArchiveException e = refusal(bomb, ArchiveLimits.defaults());
        assertThat(e.reason()).isEqualTo(Reason.COMPRESSION_RATIO);
        assertThat(e).hasMessageContaining("gzip stream inflates").hasMessageContaining("ratio of 200");
    }

    @Test
    void refusesATarHeaderDeclaringTenGigabytesWithoutReadingTheBody() throws IOException {
        Path archive = tarWithTruncatedHugeEntry(temp.resolve("huge.tar.gz"));
        assertThat(Files.size(archive)).isLessThan(10_000);
        UnsafeArchiveException e = refusal(archive, ArchiveLimits.defaults());
        assertThat(e.reason()).isEqualTo(Reason.ENTRY_TOO_LARGE);
        assertThat(e).hasMessageContaining("'demo-1.0/huge.bin'").hasMessageContaining("declares " + TEN_GB + " bytes");
    }

    @Test
    void reportsTheTruncatedBodyOfAHugeEntryAsCorruptWhenTheLimitsAllowIt() throws IOException {
        Path archive = tarWithTruncatedHugeEntry(temp.resolve("huge.tar.gz"));
        ArchiveLimits generous = ArchiveLimits.defaults().withMaxEntrySize(2 * TEN_GB).withMaxTotalSize(2 * TEN_GB);
        assertThatThrownBy(() -> SafeArchive.open(archive, generous))
                .isInstanceOf(CorruptArchiveException.class).hasMessageContaining("huge.tar.gz");
    }

    private static Path tarWithTruncatedHugeEntry(Path file) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry("demo-1.0/huge.bin");
        entry.setSize(TEN_GB);
        byte[] header = new byte[512];
        entry.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8), true);
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            out.write(header);
            out.write(new byte[4096]);
        }
        return file;
    }

    @Test
    void refusesAZip64DirectoryClaimingAMillionEntriesBeforeParsingIt() {
        Path archive = ZipBytes.zip64ClaimingEntries(temp.resolve("claims.whl"), 1_000_000);
        UnsafeArchiveException e = refusal(archive, ArchiveLimits.defaults());
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ENTRIES);
        assertThat(e).hasMessageContaining("declares 1000000 entries").hasMessageContaining("limit of 100000");
    }

    @Test
    void countsCentralDirectoryRecordsEvenWhenTheEndRecordUnderstatesThem() {
        ZipBuilder builder = zip();
        for (int i = 0; i < 11; i++) {
            builder.file("f" + i, "");
        }
        Path archive = ZipBytes.declareEntryCount(builder.writeTo(temp.resolve("understated.whl")), 1);
        UnsafeArchiveException e = refusal(archive, ArchiveLimits.defaults().withMaxEntries(10));
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ENTRIES);
        assertThat(e).hasMessageContaining("holds more than 10 entries");
    }

    @Test
    void refusesARealZipWithAMillionEntries() throws IOException {
        Path archive = temp.resolve("million.whl");
        writeEmptyStoredEntries(archive, 1_000_000);
        UnsafeArchiveException e = refusal(archive, ArchiveLimits.defaults());
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ENTRIES);
        assertThat(e).hasMessageContaining("declares 1000000 entries");
    }

    // Stored empty entries keep the file near 84 bytes an entry: about 84 MB and a second to write.
    private static void writeEmptyStoredEntries(Path file, int count) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            zip.setMethod(ZipOutputStream.STORED);
            long emptyCrc = new CRC32().getValue();
            for (int i = 0; i < count; i++) {
                ZipEntry entry = new ZipEntry(Integer.toString(i, 36));
                entry.setSize(0);
                entry.setCompressedSize(0);
                entry.setCrc(emptyCrc);
                zip.putNextEntry(entry);
                zip.closeEntry();
            }
        }
    }
}
