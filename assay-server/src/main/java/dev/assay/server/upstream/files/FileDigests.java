package dev.assay.server.upstream.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digests of a stream copied to a file, computed as the bytes pass: SHA-256 always, and every hash an index
 * may name ({@code hashlib} names: sha256, sha512, md5, sha3_256 …) that this JVM's {@link MessageDigest} knows.
 */
final class FileDigests {

    /** What copying found: the digests by hashlib name (lower-case hex) and the number of bytes. */
    record Copied(Map<String, String> digests, long size) {

        String sha256() {
            return digests.get("sha256");
        }
    }

    /** The stream held more than the limit allows. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("larger than the limit");
        }
    }

    private static final Pattern SHA_FAMILY = Pattern.compile("sha(3_)?(\\d+)");
    private static final int BUFFER = 64 * 1024;

    private FileDigests() {
    }

    /**
     * Copies {@code in} to {@code target} (replacing it), computing SHA-256 and each of {@code names} Java knows;
     * stops with {@link TooLargeException} past {@code maxBytes}.
     */
    static Copied copy(InputStream in, Path target, Iterable<String> names, long maxBytes) throws IOException {
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        digests.put("sha256", digest("sha256").orElseThrow());
        for (String name : names) {
            digest(name).ifPresent(known -> digests.putIfAbsent(name, known));
        }
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                size += read;
                if (size > maxBytes) {
                    throw new TooLargeException();
                }
                for (MessageDigest digest : digests.values()) {
                    digest.update(buffer, 0, read);
                }
                out.write(buffer, 0, read);
            }
        }
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((name, digest) -> hex.put(name, HexFormat.of().formatHex(digest.digest())));
        return new Copied(hex, size);
    }

    /** The first hash of {@code expected} that Java can compute and the copy does not match, as a sentence. */
    static Optional<String> mismatch(Map<String, String> expected, Copied copied) {
        return expected.entrySet().stream()
                .filter(hash -> copied.digests().containsKey(hash.getKey()))
                .filter(hash -> !copied.digests().get(hash.getKey()).equalsIgnoreCase(hash.getValue()))
                .findFirst()
                .map(hash -> hash.getKey() + " differs: upstream lists " + hash.getValue() + ", the download has "
                        + copied.digests().get(hash.getKey()));
    }

    /** The JCA digest for a hashlib name (sha256 → SHA-256, sha3_256 → SHA3-256, md5 → MD5), if this JVM has it. */
    static Optional<MessageDigest> digest(String hashlibName) {
        String name = hashlibName.toLowerCase(Locale.ROOT);
        Matcher sha = SHA_FAMILY.matcher(name);
        String algorithm = !sha.matches() ? name.toUpperCase(Locale.ROOT)
                : sha.group(1) != null ? "SHA3-" + sha.group(2)
                : sha.group(2).equals("1") ? "SHA-1" : "SHA-" + sha.group(2);
        try {
            return Optional.of(MessageDigest.getInstance(algorithm));
        } catch (NoSuchAlgorithmException unknown) {
            return Optional.empty();
        }
    }
}
