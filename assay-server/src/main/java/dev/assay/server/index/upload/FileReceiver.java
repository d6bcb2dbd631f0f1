package dev.assay.server.index.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.Blake2bDigest;

import dev.assay.server.error.ContentTooLargeException;

/**
 * Takes an upload into a temporary file (moved there, not copied, when the web server already spooled it to
 * the same disk) and reads it once in fixed-size chunks for every digest, so memory use does not depend on
 * the file's size.
 */
final class FileReceiver {

    private static final int CHUNK = 64 * 1024;

    private FileReceiver() {
    }

    static ReceivedFile receive(UploadedContent content, Path target, long maxBytes) throws IOException {
        content.moveTo(target);
        long size = Files.size(target);
        if (size > maxBytes) {
            throw new ContentTooLargeException("File too large: the limit is " + maxBytes + " bytes per file");
        }
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        Blake2bDigest blake2 = new Blake2bDigest(256);
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
                md5.update(buffer, 0, read);
                blake2.update(buffer, 0, read);
            }
        }
        byte[] blake2Value = new byte[blake2.getDigestSize()];
        blake2.doFinal(blake2Value, 0);
        HexFormat hex = HexFormat.of();
        return new ReceivedFile(target, size, hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()),
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
