package dev.assay.server.index.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.assay.server.index.fuzz.Distribution.Entry;
import dev.assay.server.index.fuzz.Distribution.Kind;

/**
 * Mutations of a distribution's members (hostile names, links, duplicates, missing metadata, many or huge
 * members) and of its packed bytes where the format is parsed: the zip's local and central directory headers,
 * the tar's 512-byte headers.
 */
final class ArchiveMutations {

    private static final List<String> HOSTILE_NAMES = List.of("../escape.py", "../../../../tmp/escape.py",
            "/etc/passwd", "/abs/path.py", "C:\\Windows\\evil.py", "a\\..\\..\\evil.py", ".git/config",
            ".GiT/hooks/post-checkout", "pkg/../../evil.py", "./././x.py", "", "/", "//", "a//b", "\u0000.py",
            "name\u0000.py", "con.py", "a\nb.py", "\u202eyp.exe", "😀/😀.py", "x".repeat(300) + ".py",
            "d/".repeat(200) + "deep.py");

    private final Junk junk;

    ArchiveMutations(Junk junk) {
        this.junk = junk;
    }

    /** Changes the distribution's members; returns what it did. */
    String mutateMembers(Distribution dist) {
        List<Entry> entries = dist.entries;
        int index = junk.below(entries.size());
        Entry chosen = entries.isEmpty() ? Entry.file("x.py", "") : entries.get(index);
        return switch (junk.below(9)) {
            case 0 -> rename(entries, index, chosen);
            case 1 -> {
                if (!entries.isEmpty()) {
                    entries.remove(index);
                }
                yield "member '" + chosen.name() + "' removed";
            }
            case 2 -> {
                entries.add(junk.below(entries.size() + 1), new Entry(chosen.name(), junk.bytes(junk.below(200)),
                        Kind.FILE, null));
                yield "member '" + chosen.name() + "' duplicated with other content";
            }
            case 3 -> link(dist, chosen);
            case 4 -> many(dist);
            case 5 -> {
                int megabytes = junk.pick(List.of(1, 8, 40));
                entries.add(new Entry(prefix(dist) + "zeros.bin", new byte[megabytes << 20], Kind.FILE, null));
                yield "a member of " + megabytes + " MB of zeros added";
            }
            case 6 -> secondMetadata(dist);
            case 7 -> {
                entries.add(new Entry(chosen.name() + "/", new byte[0], Kind.DIRECTORY, null));
                yield "directory with the name of member '" + chosen.name() + "' added";
            }
            default -> garble(entries, index, chosen);
        };
    }

    private String rename(List<Entry> entries, int index, Entry chosen) {
        String name = junk.chance(0.7) ? junk.pick(HOSTILE_NAMES) : junk.string();
        entries.set(Math.min(index, Math.max(0, entries.size() - 1)),
                new Entry(name, chosen.content(), chosen.kind(), chosen.link()));
        return "member '" + chosen.name() + "' renamed to '" + name + "'";
    }

    private String link(Distribution dist, Entry chosen) {
        String target = junk.pick(List.of("../../../../etc/passwd", "/etc/shadow", "/", "..", chosen.name(),
                "a/b/../../.."));
        Kind kind = junk.chance(0.5) ? Kind.SYMLINK : Kind.HARDLINK;
        String name = junk.chance(0.5) ? chosen.name() : prefix(dist) + "link";
        dist.entries.add(new Entry(name, new byte[0], kind, target));
        return kind + " '" + name + "' -> '" + target + "' added";
    }

    private String many(Distribution dist) {
        int count = junk.pick(List.of(500, 2_000, 12_000));
        for (int i = 0; i < count; i++) {
            dist.entries.add(Entry.file(prefix(dist) + "many/m" + i + ".py", ""));
        }
        return count + " small members added";
    }

    private String secondMetadata(Distribution dist) {
        String info = dist.wheel ? junk.pick(List.of("other-9.dist-info/", "x.dist-info/", ".dist-info/"))
                : junk.pick(List.of("other-9/", "", "a/b/"));
        String metadata = dist.metadata().orElse("Metadata-Version: 2.1\nName: other\nVersion: 9\n");
        dist.entries.add(0, Entry.file(info + (dist.wheel ? "METADATA" : "PKG-INFO"), metadata));
        return "second metadata file under '" + info + "' added";
    }

    private String garble(List<Entry> entries, int index, Entry chosen) {
        Junk.Mutated<byte[]> mutated = junk.mutateBytes(chosen.content());
        if (!entries.isEmpty()) {
            entries.set(index, new Entry(chosen.name(), mutated.value(), chosen.kind(), chosen.link()));
        }
        return "member '" + chosen.name() + "' content: " + mutated.description();
    }

    private static String prefix(Distribution dist) {
        return dist.wheel ? "" : dist.stem() + "/";
    }

    /** Mutates one field of a zip's end of central directory, central directory or local header. */
    Junk.Mutated<byte[]> mutateZipStructure(byte[] zip) {
        byte[] bytes = zip.clone();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String structure = junk.pick(List.of("PK\u0005\u0006", "PK\u0001\u0002", "PK\u0003\u0004"));
        List<Integer> found = find(bytes, structure.getBytes(StandardCharsets.ISO_8859_1));
        if (found.isEmpty()) {
            return junk.mutateBytes(bytes);
        }
        int at = junk.pick(found);
        int[][] fields = switch (structure.charAt(2)) {
            case 5 -> new int[][] {{4, 2}, {6, 2}, {8, 2}, {10, 2}, {12, 4}, {16, 4}, {20, 2}};
            case 1 -> new int[][] {{10, 2}, {16, 4}, {20, 4}, {24, 4}, {28, 2}, {30, 2}, {32, 2}, {38, 4}, {42, 4}};
            default -> new int[][] {{6, 2}, {8, 2}, {14, 4}, {18, 4}, {22, 4}, {26, 2}, {28, 2}};
        };
        int[] field = fields[junk.below(fields.length)];
        int offset = at + field[0];
        if (offset + field[1] > bytes.length) {
            return new Junk.Mutated<>(Arrays.copyOf(bytes, at + 4), "truncated inside a zip header");
        }
        long old = field[1] == 2 ? Short.toUnsignedInt(buffer.getShort(offset)) : Integer.toUnsignedLong(buffer.getInt(offset));
        long value = junk.pick(List.of(0L, 1L, old + 1, old - 1, 0xFFFFL, 0xFFFFFFFFL, 0x7FFFFFFFL, (long) bytes.length,
                (long) junk.random().nextInt()));
        if (field[1] == 2) {
            buffer.putShort(offset, (short) value);
        } else {
            buffer.putInt(offset, (int) value);
        }
        String name = structure.charAt(2) == 5 ? "end of central directory" : structure.charAt(2) == 1
                ? "central directory header" : "local header";
        return new Junk.Mutated<>(bytes, name + " at " + at + ": field +" + field[0] + " " + old + " -> " + value);
    }

    /** Mutates one field of one 512-byte tar header, fixing its checksum most of the time. */
    Junk.Mutated<byte[]> mutateTarHeader(byte[] tar) {
        List<Integer> headers = tarHeaders(tar);
        if (headers.isEmpty()) {
            return junk.mutateBytes(tar);
        }
        byte[] bytes = tar.clone();
        int at = junk.pick(headers);
        int[][] fields = {{0, 100}, {100, 8}, {124, 12}, {136, 12}, {148, 8}, {156, 1}, {157, 100}, {257, 6},
                {263, 2}, {345, 155}};
        int[] field = fields[junk.below(fields.length)];
        byte[] value = switch (field[0]) {
            case 156 -> new byte[] {(byte) "01234567xgLKSVZ\u0000".charAt(junk.below(16))};
            case 124 -> junk.pick(List.of("77777777777", "-1", "99999999999", "0", "\u0080\u0000\u0000\u0000\u0000"
                    + "\u0000\u0000\u0001\u0000\u0000\u0000\u0000", "1 2", "", "00000001000")).getBytes(StandardCharsets.ISO_8859_1);
            default -> junk.chance(0.5) ? junk.pick(HOSTILE_NAMES).getBytes(StandardCharsets.UTF_8)
                    : junk.bytes(field[1]);
        };
        Arrays.fill(bytes, at + field[0], at + field[0] + field[1], (byte) 0);
        System.arraycopy(value, 0, bytes, at + field[0], Math.min(value.length, field[1]));
        boolean fixed = field[0] != 148 && junk.chance(0.8);
        if (fixed) {
            writeChecksum(bytes, at);
        }
        return new Junk.Mutated<>(bytes, "tar header at " + at + ": field +" + field[0] + " set to "
                + describe(value) + (fixed ? " (checksum fixed)" : ""));
    }

    private static String describe(byte[] value) {
        String text = new String(value, StandardCharsets.ISO_8859_1);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text).replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }

    private static void writeChecksum(byte[] bytes, int at) {
        Arrays.fill(bytes, at + 148, at + 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += bytes[at + i] & 0xFF;
        }
        byte[] octal = String.format("%06o\u0000 ", sum).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(octal, 0, bytes, at + 148, 8);
    }

    /** The offsets of the tar's headers, following each entry's size. */
    private static List<Integer> tarHeaders(byte[] tar) {
        List<Integer> headers = new ArrayList<>();
        int at = 0;
        while (at + 512 <= tar.length && tar[at] != 0) {
            headers.add(at);
            String size = new String(tar, at + 124, 12, StandardCharsets.ISO_8859_1).replaceAll("[^0-7]", "");
            long length = size.isEmpty() ? 0 : Long.parseLong(size, 8);
            at += 512 + (int) ((length + 511) / 512 * 512);
        }
        return headers;
    }

    private static List<Integer> find(byte[] bytes, byte[] signature) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + signature.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + signature.length, signature, 0, signature.length)) {
                found.add(i);
            }
        }
        return found;
    }
}
