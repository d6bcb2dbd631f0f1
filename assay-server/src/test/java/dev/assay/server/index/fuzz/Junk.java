package dev.assay.server.index.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile values for the fuzzer, drawn from a seeded {@link Random}: strings that have broken parsers elsewhere
 * (separators, traversals, control characters, encodings, lengths around the limits) and byte-level mutations.
 */
final class Junk {

    private static final List<String> STRINGS = List.of("", " ", "\t", "..", "../", "../../etc/passwd", "/etc/passwd",
            "C:\\Windows\\win.ini", "\\\\server\\share", ".git", ".GiT/config", "%00", "\u0000", "a\u0000b", "\r\n",
            "\r\nX-Injected: 1", "\"", "'", "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "%s%n%x",
            "\u202e", "\ufeff", "\ud83d\ude00", "\u0130", "\u212a", "ǅ", "ﬁ", "é", "e\u0301", "😀.whl", "NUL", "CON",
            "-", "_", ".", "0", "-1", "99999999999999999999999999", "1e308", "NaN", "true", "null", "[]", "{}",
            "a;b", "a,b", "a b", "a\\b", "a/b", "a?b", "a#b", "a%2Fb", "a%252Fb", "%2e%2e%2f", "%ff%fe", "%", "%%",
            "*", "*/*", "a=b", "&", "==1.0", ">=", "1.0.0.0.0.0.0.0.0.0.0.0", "1!2.3.4rc5.post6.dev7+local.8",
            "v1.0", "1.0-", "1.0+", "1..0", "+", "01", "Metadata-Version: 2.1", "::", "x" .repeat(255));

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&'()*+,;=:@/?#[]%<>\"{}|\\^` \t";

    private final Random random;

    Junk(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int below(int bound) {
        return bound <= 0 ? 0 : random.nextInt(bound);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A hostile string: a known troublemaker, random characters, a long run, or a mix. */
    String string() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(STRINGS);
            case 2 -> randomText(1 + random.nextInt(40));
            case 3 -> "x".repeat(pick(List.of(64, 200, 201, 255, 256, 1000, 2001, 10_000, 70_000)));
            case 4 -> pick(STRINGS) + randomText(random.nextInt(8)) + pick(STRINGS);
            default -> new String(bytes(1 + random.nextInt(24)), StandardCharsets.ISO_8859_1);
        };
    }

    /** Like {@link #string()} but safe in a URL path segment, query or header once percent-encoded. */
    String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chance(0.9) ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                    : (char) (1 + random.nextInt(0x2FFF)));
        }
        return text.toString();
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One byte-level mutation of the whole: flip bits, overwrite, truncate, insert, cut out or repeat a range. */
    Mutated<byte[]> mutateBytes(byte[] original) {
        if (original.length == 0) {
            return new Mutated<>(bytes(1 + below(64)), "replaced empty bytes with random ones");
        }
        byte[] bytes = original.clone();
        int at = below(bytes.length);
        switch (random.nextInt(7)) {
            case 0 -> {
                int flips = 1 + below(8);
                for (int i = 0; i < flips; i++) {
                    bytes[below(bytes.length)] ^= (byte) (1 << below(8));
                }
                return new Mutated<>(bytes, flips + " bit flip(s)");
            }
            case 1 -> {
                bytes[at] = (byte) (int) pick(List.of(0, 0xFF, 0x7F, 0x80, (int) '\n', (int) '/', (int) '.'));
                return new Mutated<>(bytes, "byte " + at + " overwritten");
            }
            case 2 -> {
                return new Mutated<>(java.util.Arrays.copyOf(bytes, at), "truncated to " + at + " bytes");
            }
            case 3 -> {
                byte[] inserted = bytes(1 + below(512));
                return new Mutated<>(splice(bytes, at, at, inserted), inserted.length + " random bytes inserted at " + at);
            }
            case 4 -> {
                int end = Math.min(bytes.length, at + 1 + below(1024));
                return new Mutated<>(splice(bytes, at, end, new byte[0]), "bytes " + at + ".." + end + " cut out");
            }
            case 5 -> {
                int end = Math.min(bytes.length, at + 1 + below(256));
                byte[] chunk = java.util.Arrays.copyOfRange(bytes, at, end);
                return new Mutated<>(splice(bytes, end, end, chunk), "bytes " + at + ".." + end + " repeated");
            }
            default -> {
                int end = Math.min(bytes.length, at + 1 + below(64));
                java.util.Arrays.fill(bytes, at, end, (byte) 0);
                return new Mutated<>(bytes, "bytes " + at + ".." + end + " zeroed");
            }
        }
    }

    static byte[] splice(byte[] bytes, int from, int to, byte[] replacement) {
        byte[] result = new byte[bytes.length - (to - from) + replacement.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(replacement, 0, result, from, replacement.length);
        System.arraycopy(bytes, to, result, from + replacement.length, bytes.length - to);
        return result;
    }

    /** A value and what was done to it, for the failure report. */
    record Mutated<T>(T value, String description) {
    }
}
