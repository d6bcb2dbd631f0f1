package dev.assay.server.index.upload;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** The three digests the index keeps for a file (SHA-256, MD5, BLAKE2b-256), fed chunk by chunk as the file is written. */
final class FileDigests {

    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5 = digest("MD5");
    private final Blake2bDigest blake2 = new Blake2bDigest(256);
    private long size;

    void update(byte[] chunk, int offset, int length) {
        sha256.update(chunk, offset, length);
        md5.update(chunk, offset, length);
        blake2.update(chunk, offset, length);
        size += length;
    }

    long size() {
        return size;
    }

    ReceivedFile finish(Path file) {
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
