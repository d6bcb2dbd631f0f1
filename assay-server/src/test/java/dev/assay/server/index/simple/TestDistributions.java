package dev.assay.server.index.simple;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.assay.packaging.name.ProjectName;

/**
 * Real, installable pure-Python wheels and sdists built in memory, without running Python: the minimum
 * a test of the index needs until the shared distribution fixture lands.
 */
record TestDistributions(Path directory) {

    /** A distribution to build: project, version, Requires-Python (or null) and Requires-Dist lines. */
    record Spec(String name, String version, String requiresPython, List<String> requiresDist) {

        Spec(String name, String version) {
            this(name, version, null, List.of());
        }

        String stem() {
            return ProjectName.escapeForFilename(name) + "-" + version;
        }

        String module() {
            return ProjectName.escapeForFilename(name);
        }

        String metadata() {
            StringBuilder text = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
                    + "\nSummary: " + name + " for tests\n");
            if (requiresPython != null) {
                text.append("Requires-Python: ").append(requiresPython).append('\n');
            }
            requiresDist.forEach(requirement -> text.append("Requires-Dist: ").append(requirement).append('\n'));
            return text.toString();
        }
    }

    Path wheel(Spec spec) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(spec.module() + "/__init__.py", ("VERSION = '" + spec.version() + "'\n").getBytes(StandardCharsets.UTF_8));
        String distInfo = spec.stem() + ".dist-info/";
        entries.put(distInfo + "METADATA", spec.metadata().getBytes(StandardCharsets.UTF_8));
        entries.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: assay-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        entries.forEach((path, bytes) -> record.append(path).append(",sha256=").append(Base64.getUrlEncoder()
                .withoutPadding().encodeToString(sha256(bytes))).append(',').append(bytes.length).append('\n'));
        record.append(distInfo).append("RECORD,,\n");
        entries.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path file = directory.resolve(spec.stem() + "-py3-none-any.whl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return file;
    }

    Path sdist(Spec spec) {
        Path file = directory.resolve(spec.stem() + ".tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            tarEntry(out, spec.stem() + "/PKG-INFO", spec.metadata().getBytes(StandardCharsets.UTF_8));
            tarEntry(out, spec.stem() + "/setup.py", "from setuptools import setup\nsetup()\n".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1024]);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return file;
    }

    private static void tarEntry(OutputStream out, String name, byte[] content) throws IOException {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 1_700_000_000L));
        put(header, 148, "        ");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        out.write(header);
        out.write(content);
        out.write(new byte[(512 - content.length % 512) % 512]);
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

}
