package dev.assay.packaging.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds gzip-compressed tar archives, malicious ones included, for tests. */
final class TarGzBuilder {
    private record Member(TarArchiveEntry entry, byte[] content) {
    }

    private final List<Member> members = new ArrayList<>();

    static TarGzBuilder tarGz() {
        return new TarGzBuilder();
    }

    TarGzBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TarGzBuilder file(String name, byte[] content) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        return entry(entry, content);
    }

    TarGzBuilder directory(String name) {
        return entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0]);
    }

    TarGzBuilder symlink(String name, String target) {
        return link(name, TarArchiveEntry.LF_SYMLINK, target);
    }

    TarGzBuilder hardlink(String name, String target) {
        return link(name, TarArchiveEntry.LF_LINK, target);
    }

    TarGzBuilder special(String name, byte typeFlag) {
        return entry(new TarArchiveEntry(name, typeFlag, true), new byte[0]);
    }

    TarGzBuilder entry(TarArchiveEntry entry, byte[] content) {
        members.add(new Member(entry, content));
        return this;
    }

    Path writeTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Member member : members) {
                tar.putArchiveEntry(member.entry());
                tar.write(member.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private TarGzBuilder link(String name, byte flag, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, flag, true);
        entry.setLinkName(target);
        return entry(entry, new byte[0]);
    }
}
