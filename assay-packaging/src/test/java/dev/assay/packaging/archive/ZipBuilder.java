package dev.assay.packaging.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds zip archives, malicious ones included, for tests. */
final class ZipBuilder {
    private record Member(ZipArchiveEntry entry, byte[] content) {
    }

    private final List<Member> members = new ArrayList<>();

    static ZipBuilder zip() {
        return new ZipBuilder();
    }

    ZipBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    ZipBuilder file(String name, byte[] content) {
        return entry(new ZipArchiveEntry(name), content);
    }

    ZipBuilder directory(String name) {
        return entry(new ZipArchiveEntry(name.endsWith("/") ? name : name + "/"), new byte[0]);
    }

    ZipBuilder symlink(String name, String target) {
        return withMode(name, 0120777, target.getBytes(StandardCharsets.UTF_8));
    }

    ZipBuilder withMode(String name, int unixMode, byte[] content) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(unixMode);
        return entry(entry, content);
    }

    ZipBuilder entry(ZipArchiveEntry entry, byte[] content) {
        members.add(new Member(entry, content));
        return this;
    }

    Path writeTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file);
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (Member member : members) {
                zip.putArchiveEntry(member.entry());
                zip.write(member.content());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
