package dev.assay.server.index.upload;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The three digests the index keeps for a file (SHA-256, MD5, BLAKE2b-256), computed on other threads while the
 * request thread reads and writes the file: BLAKE2b (pure Java, the slowest) in one chain of tasks, SHA-256 and MD5
 * in another. The file passes through a few buffers lent by {@link #buffer()} and handed back to
 * {@link #update}, so memory stays flat: the reader waits when every buffer is still being hashed.
 */
final class FileDigests {

    static final int BUFFER_SIZE = 128 * 1024;
    private static final int BUFFERS = 8;

    private final Executor hashing;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5 = digest("MD5");
    private final Blake2bDigest blake2 = new Blake2bDigest(256);
    private CompletableFuture<Void> blake2Chain = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> shaChain = CompletableFuture.completedFuture(null);
    private int lent;
    private long size;

    /** Digests hashed by the tasks of {@code hashing}, which must run the tasks of one chain one at a time or in order. */
    FileDigests(Executor hashing) {
        this.hashing = hashing;
    }

    /** A buffer to fill with the file's next bytes; waits while every buffer is still being hashed. */
    byte[] buffer() throws InterruptedIOException {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        if (lent < BUFFERS) {
            lent++;
            return new byte[BUFFER_SIZE];
        }
        try {
            return free.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the upload's digests were computed");
        }
    }

    /** Hashes the first {@code length} bytes of a buffer from {@link #buffer()}, which may be read but not changed until it is lent again. */
    void update(byte[] buffer, int length) {
        size += length;
        blake2Chain = blake2Chain.thenRunAsync(() -> blake2.update(buffer, 0, length), hashing);
        shaChain = shaChain.thenRunAsync(() -> {
            sha256.update(buffer, 0, length);
            md5.update(buffer, 0, length);
        }, hashing);
        // back to the pool once both chains have read it, even if one failed, so the reader never waits forever
        CompletableFuture.allOf(blake2Chain, shaChain).whenComplete((done, failed) -> free.add(buffer));
    }

    long size() {
        return size;
    }

    /** Waits for the last bytes to be hashed; the file at {@code file} with its size and digests. */
    ReceivedFile finish(Path file) {
        try {
            CompletableFuture.allOf(blake2Chain, shaChain).join();
        } catch (CompletionException failed) {
            throw new IllegalStateException("could not compute the digests of an upload", failed.getCause());
        }
        byte[] blake2Value = new byte[blake2.getDigestSize()];
        blake2.doFinal(blake2Value, 0);
        HexFormat hex = HexFormat.of();
        return new ReceivedFile(file, size, hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()),
                hex.formatHex(blake2Value));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has " + algorithm, impossible);
        }
    }
}
