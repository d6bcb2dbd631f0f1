package dev.assay.server.index.releasediff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Wheels whose contents a release diff must read without failing, made from a seed: files changed into huge lines,
 * tens of thousands of lines, text that is binary (a NUL, invalid UTF-8, UTF-16, lone carriage returns), hundreds of
 * files, odd and hostile names, a file that becomes a folder; and archives an upload refuses (a zip bomb, a path
 * {@code ../x} or {@code /x}, a link leaving the archive, duplicated or cut bytes), which a test plants in the store.
 */
final class HostileWheels {

    /** One case: its contents by path, the archive's bytes, and what was done to it. */
    record Case(Map<String, byte[]> files, byte[] archive, String made) {
    }

    private static final List<String> CONTENT = List.of("huge line", "long file", "nul byte", "invalid utf-8",
            "utf-16", "carriage returns", "many files", "odd names", "file becomes folder", "empty", "html",
            "metadata flood", "binary");
    private static final List<String> ARCHIVE = List.of("zip bomb", "traversal", "absolute", "escaping link",
            "cut", "garbage", "duplicate");

    private final Random random;
    private final String distInfo;

    HostileWheels(long seed, String stem) {
        this.random = new Random(seed);
        this.distInfo = stem + ".dist-info/";
    }

    /** The first release's plain contents. */
    static Map<String, byte[]> plain() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder core = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            core.append("def f").append(i).append("():\n    return ").append(i).append("\n\n");
        }
        files.put("fuzz_diff/__init__.py", bytes("VERSION = 1\n"));
        files.put("fuzz_diff/core.py", bytes(core.toString()));
        files.put("fuzz_diff/data.bin", new byte[] {0, 1, 2, 3, (byte) 0xff, 0});
        return files;
    }

    /** The next case after {@code previous}: one to three content changes, and a hostile archive one time in four. */
    Case next(Map<String, byte[]> previous, String metadata) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(previous);
        StringBuilder made = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            String change = CONTENT.get(random.nextInt(CONTENT.size()));
            made.append(change).append("; ");
            change(change, files);
        }
        if (random.nextInt(4) == 0) {
            String hostile = ARCHIVE.get(random.nextInt(ARCHIVE.size()));
            made.append(hostile);
            return new Case(files, hostile(hostile, files, metadata), made.toString());
        }
        return new Case(files, zip(files, metadata, (zip, any) -> { }), made.toString());
    }

    /** The wheel of these contents with nothing hostile in the archive. */
    byte[] plainArchive(Map<String, byte[]> files, String metadata) throws IOException {
        return zip(files, metadata, (zip, any) -> { });
    }

    private void change(String change, Map<String, byte[]> files) {
        String target = "fuzz_diff/m" + random.nextInt(5) + ".py";
        switch (change) {
            case "huge line" -> files.put(target, bytes("x = '" + "y".repeat(random.nextBoolean() ? 900_000 : 1_500_000)
                    + "'\n"));
            case "long file" -> files.put(target, bytes("a = 1\n".repeat(20_000 + random.nextInt(20_000))));
            case "nul byte" -> files.put(target, bytes("a = 1\n\0b = 2\n"));
            case "invalid utf-8" -> files.put(target, new byte[] {'a', '=', (byte) 0xc3, (byte) 0x28, '\n'});
            case "utf-16" -> files.put(target, "\ufeffa = 'é'\n".getBytes(StandardCharsets.UTF_16));
            case "carriage returns" -> files.put(target, bytes("a = 1\rb = 2\r\nc = 3\n\u2028d = 4\f\n"));
            case "many files" -> {
                for (int i = 0; i < 320; i++) {
                    files.put("fuzz_diff/many/f" + i + ".py", bytes("N = " + random.nextInt() + "\n"));
                }
            }
            case "odd names" -> {
                for (String name : List.of("a b.py", "%2e%2e/x.py", "q?.py", "h#.py", "<b>x</b>.py", "\u202eyp.txt",
                        "d/".repeat(40) + "deep.py", "n".repeat(200) + ".py", "caf\u00e9.py")) {
                    files.put("fuzz_diff/odd/" + name, bytes("# " + name + "\n"));
                }
            }
            case "file becomes folder" -> {
                boolean folder = files.keySet().stream().anyMatch(path -> path.startsWith("fuzz_diff/shape/"));
                files.keySet().removeIf(path -> path.startsWith("fuzz_diff/shape"));
                files.put(folder ? "fuzz_diff/shape" : "fuzz_diff/shape/inner.py", bytes("S = 1\n"));
            }
            case "empty" -> files.put(target, new byte[0]);
            case "html" -> files.put(target, bytes("</td></tr><script>alert(1)</script>\n<!-- -->&amp;\n"));
            case "metadata flood" -> files.put(distInfo + "entry_points.txt",
                    bytes("[console_scripts]\n" + "x = y:z\n".repeat(5000)));
            default -> {
                byte[] noise = new byte[1 + random.nextInt(5000)];
                random.nextBytes(noise);
                files.put("fuzz_diff/data.bin", noise);
            }
        }
    }

    private byte[] hostile(String kind, Map<String, byte[]> files, String metadata) throws IOException {
        return switch (kind) {
            case "zip bomb" -> zip(files, metadata, (zip, any) -> entry(zip, "fuzz_diff/zeros.txt", new byte[48 << 20]));
            case "traversal" -> zip(files, metadata, (zip, any) -> entry(zip, "../x.py", bytes("X = 1\n")));
            case "absolute" -> zip(files, metadata, (zip, any) -> entry(zip, "/etc/x.py", bytes("X = 1\n")));
            case "escaping link" -> zip(files, metadata, (zip, any) -> link(zip, "fuzz_diff/passwd", "../../../etc/passwd"));
            case "duplicate" -> zip(files, metadata, (zip, any) -> entry(zip, "fuzz_diff/core.py", bytes("A = 2\n")));
            case "cut" -> {
                byte[] whole = plainArchive(files, metadata);
                yield Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            default -> {
                byte[] whole = plainArchive(files, metadata);
                for (int i = 0; i < 20; i++) {
                    whole[random.nextInt(whole.length)] = (byte) random.nextInt();
                }
                yield whole;
            }
        };
    }

    private byte[] zip(Map<String, byte[]> files, String metadata, BiConsumer<ZipArchiveOutputStream, Void> extra)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            StringBuilder record = new StringBuilder();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                entry(zip, file.getKey(), file.getValue());
                record.append(file.getKey()).append(",,\n");
            }
            entry(zip, distInfo + "METADATA", bytes(metadata));
            entry(zip, distInfo + "WHEEL", bytes("Wheel-Version: 1.0\nGenerator: fuzz\nRoot-Is-Purelib: true\n"
                    + "Tag: py3-none-any\n"));
            extra.accept(zip, null);
            entry(zip, distInfo + "RECORD", bytes(record + distInfo + "METADATA,,\n" + distInfo + "WHEEL,,\n"
                    + distInfo + "RECORD,,\n"));
        }
        return out.toByteArray();
    }

    private static void entry(ZipArchiveOutputStream zip, String name, byte[] content) {
        try {
            zip.putArchiveEntry(new ZipArchiveEntry(name));
            zip.write(content);
            zip.closeArchiveEntry();
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    private static void link(ZipArchiveOutputStream zip, String name, String target) {
        try {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setUnixMode(0120777);
            zip.putArchiveEntry(entry);
            zip.write(bytes(target));
            zip.closeArchiveEntry();
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
