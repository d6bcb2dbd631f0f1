package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FileDigestsTest {

    private final ExecutorService hashing = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        hashing.shutdownNow();
    }

    @Test
    void digestsComputedOnOtherThreadsAreThoseOfTheWholeFile() throws Exception {
        for (int length : new int[] {0, 1, FileDigests.BUFFER_SIZE - 1, FileDigests.BUFFER_SIZE, 20 * FileDigests.BUFFER_SIZE + 7}) {
            byte[] file = new byte[length];
            new Random(length).nextBytes(file);

            ReceivedFile received = feed(file, 1000);

            assertThat(received.size()).isEqualTo(length);
            assertThat(received.sha256()).isEqualTo(hex(MessageDigest.getInstance("SHA-256").digest(file)));
            assertThat(received.md5()).isEqualTo(hex(MessageDigest.getInstance("MD5").digest(file)));
            assertThat(received.blake2b256()).isEqualTo(blake2(file));
        }
    }

    @Test
    void aFewBuffersAreReusedWhateverTheFileSize() throws Exception {
        FileDigests digests = new FileDigests(hashing);
        Set<byte[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 200; i++) {
            byte[] buffer = digests.buffer();
            distinct.add(buffer);
            digests.update(buffer, buffer.length);
        }
        digests.finish(Path.of("file"));

        assertThat(distinct).hasSizeLessThanOrEqualTo(8);
    }

    /** Feeds {@code file} as the upload does, in chunks of at most {@code chunk} bytes. */
    private ReceivedFile feed(byte[] file, int chunk) throws Exception {
        FileDigests digests = new FileDigests(hashing);
        for (int offset = 0; offset < file.length; offset += chunk) {
            byte[] buffer = digests.buffer();
            int length = Math.min(chunk, file.length - offset);
            System.arraycopy(file, offset, buffer, 0, length);
            digests.update(buffer, length);
        }
        return digests.finish(Path.of("file"));
    }

    private static String blake2(byte[] file) {
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update(file, 0, file.length);
        byte[] value = new byte[32];
        digest.doFinal(value, 0);
        return hex(value);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
