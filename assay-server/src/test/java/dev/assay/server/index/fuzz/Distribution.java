package dev.assay.server.index.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import dev.assay.packaging.name.ProjectName;

/**
 * A wheel or sdist as a list of archive entries, so the fuzzer can mutate its members and its core metadata
 * before packing it; packing allows what a careful writer would refuse (duplicate names, links, traversals).
 */
final class Distribution {

    /** One archive member: a file, a directory, a symbolic link or (tar only) a hard link. */
    record Entry(String name, byte[] content, Kind kind, String link) {
        static Entry file(String name, String text) {
            return new Entry(name, text.getBytes(StandardCharsets.UTF_8), Kind.FILE, null);
        }
    }

    enum Kind { FILE, DIRECTORY, SYMLINK, HARDLINK }

    final boolean wheel;
    final String name;
    final String version;
    final String tag;
    final List<Entry> entries;

    private Distribution(boolean wheel, String name, String version, String tag, List<Entry> entries) {
        this.wheel = wheel;
        this.name = name;
        this.version = version;
        this.tag = tag;
        this.entries = new ArrayList<>(entries);
    }

    /** A small pure-Python wheel or sdist for this metadata, laid out as setuptools would. */
    static Distribution synthetic(boolean wheel, String name, String version, String metadata) {
        String stem = ProjectName.escapeForFilename(name) + "-" + version;
        String module = ProjectName.escapeForFilename(name).toLowerCase();
        List<Entry> entries = new ArrayList<>();
        if (wheel) {
            String info = stem + ".dist-info/";
            entries.add(Entry.file(module + "/__init__.py", "VERSION = '" + version + "'\n"));
            entries.add(Entry.file(info + "METADATA", metadata));
            entries.add(Entry.file(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: fuzz\nRoot-Is-Purelib: true\n"
                    + "Tag: py3-none-any\n"));
            entries.add(Entry.file(info + "RECORD", module + "/__init__.py,,\n" + info + "METADATA,,\n" + info
                    + "WHEEL,,\n" + info + "RECORD,,\n"));
            return new Distribution(true, name, version, "py3-none-any", entries);
        }
        entries.add(new Entry(stem + "/", new byte[0], Kind.DIRECTORY, null));
        entries.add(Entry.file(stem + "/PKG-INFO", metadata));
        entries.add(Entry.file(stem + "/pyproject.toml", "[project]\nname = \"" + name + "\"\nversion = \"" + version
                + "\"\n"));
        entries.add(Entry.file(stem + "/src/" + module + "/__init__.py", "VERSION = '" + version + "'\n"));
        return new Distribution(false, name, version, null, entries);
    }

    /** A real wheel read from disk, with its version changed so that every copy is a new file name. */
    static Distribution realWheel(Path file, String newVersion) {
        String filename = file.getFileName().toString();
        String[] parts = filename.substring(0, filename.length() - ".whl".length()).split("-");
        String escaped = parts[0];
        String oldVersion = parts[1];
        String tag = String.join("-", List.of(parts).subList(parts.length - 3, parts.length));
        List<Entry> entries = new ArrayList<>();
        String name = escaped;
        String oldInfo = escaped + "-" + oldVersion + ".dist-info/";
        String newInfo = escaped + "-" + newVersion + ".dist-info/";
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                String entryName = entry.getName().startsWith(oldInfo)
                        ? newInfo + entry.getName().substring(oldInfo.length()) : entry.getName();
                if (entryName.equals(newInfo + "METADATA")) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    name = header(text, "Name").orElse(escaped);
                    content = text.replaceFirst("(?m)^Version: .*$", "Version: " + newVersion)
                            .getBytes(StandardCharsets.UTF_8);
                }
                entries.add(new Entry(entryName, content, entry.isDirectory() ? Kind.DIRECTORY : Kind.FILE, null));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return new Distribution(true, name, newVersion, tag, entries);
    }

    static Optional<String> header(String metadata, String field) {
        return metadata.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, field + ":", 0, field.length() + 1))
                .map(line -> line.substring(field.length() + 1).strip()).findFirst();
    }

    String stem() {
        return ProjectName.escapeForFilename(name) + "-" + version;
    }

    String filename() {
        return wheel ? stem() + "-" + tag + ".whl" : stem() + ".tar.gz";
    }

    /** Where the core metadata is: {@code *.dist-info/METADATA} or the top folder's {@code PKG-INFO}. */
    Optional<Integer> metadataIndex() {
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).name();
            if (wheel ? entry.matches("[^/]+\\.dist-info/METADATA") : entry.matches("[^/]+/PKG-INFO")) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    Optional<String> metadata() {
        return metadataIndex().map(i -> new String(entries.get(i).content(), StandardCharsets.UTF_8));
    }

    void replaceMetadata(byte[] metadata) {
        metadataIndex().ifPresent(i -> entries.set(i, new Entry(entries.get(i).name(), metadata, Kind.FILE, null)));
    }

    /** The wheel's zip, or the sdist's uncompressed tar (see {@link #gzip}). */
    byte[] pack() {
        try {
            return wheel ? zip() : tar();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private byte[] zip() throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
            for (Entry entry : entries) {
                ZipArchiveEntry member = new ZipArchiveEntry(entry.name());
                if (entry.kind() == Kind.SYMLINK || entry.kind() == Kind.HARDLINK) {
                    member.setUnixMode(0120777);
                }
                zip.putArchiveEntry(member);
                zip.write(entry.kind() == Kind.FILE ? entry.content()
                        : entry.link() == null ? new byte[0] : entry.link().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
    }

    private byte[] tar() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry entry : entries) {
                // tar takes a name ending in '/' for a directory, whatever the type flag says
                boolean file = entry.kind() == Kind.FILE && !entry.name().endsWith("/");
                TarArchiveEntry member = switch (entry.kind()) {
                    case FILE -> new TarArchiveEntry(entry.name(), true);
                    case DIRECTORY -> new TarArchiveEntry(entry.name().endsWith("/") ? entry.name() : entry.name() + "/",
                            true);
                    case SYMLINK -> new TarArchiveEntry(entry.name(), TarConstants.LF_SYMLINK, true);
                    case HARDLINK -> new TarArchiveEntry(entry.name(), TarConstants.LF_LINK, true);
                };
                if (entry.link() != null) {
                    member.setLinkName(entry.link());
                }
                if (file) {
                    member.setSize(entry.content().length);
                }
                tar.putArchiveEntry(member);
                if (file) {
                    tar.write(entry.content());
                }
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] tar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out)) {
            gzip.write(tar);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }
}
