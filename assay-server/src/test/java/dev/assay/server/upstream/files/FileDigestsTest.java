package dev.assay.server.upstream.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {

    private static final byte[] BYTES = "hello\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String MD5 = "b1946ac92492d2347c6235b4d2611184";

    @Test
    void copiesTheStreamComputingSha256AndEveryKnownHashUpstreamNames(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("file");

        FileDigests.Copied copied = FileDigests.copy(new ByteArrayInputStream(BYTES), target,
                List.of("md5", "sha3_256", "blake2b_256"), 100);

        assertThat(Files.readAllBytes(target)).isEqualTo(BYTES);
        assertThat(copied.size()).isEqualTo(BYTES.length);
        assertThat(copied.sha256()).isEqualTo(SHA256);
        assertThat(copied.digests()).containsEntry("md5", MD5).containsKey("sha3_256")
                .as("a hash Java does not know is not computed").doesNotContainKey("blake2b_256");
    }

    @Test
    void refusesAStreamLargerThanTheLimit(@TempDir Path folder) {
        assertThatThrownBy(() -> FileDigests.copy(new ByteArrayInputStream(BYTES), folder.resolve("file"), List.of(),
                BYTES.length - 1)).isInstanceOf(FileDigests.TooLargeException.class);
    }

    @Test
    void namesTheFirstHashThatDiffersAndIgnoresHashesItCannotCompute(@TempDir Path folder) throws IOException {
        FileDigests.Copied copied = FileDigests.copy(new ByteArrayInputStream(BYTES), folder.resolve("file"),
                List.of("md5"), 100);

        assertThat(FileDigests.mismatch(Map.of("sha256", SHA256.toUpperCase(), "blake2b_256", "00"), copied))
                .isEmpty();
        assertThat(FileDigests.mismatch(Map.of("md5", "0".repeat(32)), copied)).contains(
                "md5 differs: upstream lists " + "0".repeat(32) + ", the download has " + MD5);
    }

    @Test
    void mapsHashlibNamesToJavaAlgorithms() {
        assertThat(FileDigests.digest("sha256").orElseThrow().getAlgorithm()).isEqualTo("SHA-256");
        assertThat(FileDigests.digest("sha1").orElseThrow().getAlgorithm()).isEqualTo("SHA-1");
        assertThat(FileDigests.digest("sha3_512").orElseThrow().getAlgorithm()).isEqualTo("SHA3-512");
        assertThat(FileDigests.digest("md5").orElseThrow().getAlgorithm()).isEqualTo("MD5");
        assertThat(FileDigests.digest("blake2b_256")).isEmpty();
    }
}
