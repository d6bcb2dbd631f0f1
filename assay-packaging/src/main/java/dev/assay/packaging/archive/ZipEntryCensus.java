package dev.assay.packaging.archive;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Counts a zip's central directory records before any zip library parses them, because parsers hold every
 * entry in memory: a small file can otherwise declare millions of entries and exhaust the heap.
 */
final class ZipEntryCensus {
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    private static final int CENTRAL_HEADER_SIZE = 46;
    private static final int MAX_COMMENT = 0xffff;

    private final String archive;
    private final FileChannel channel;
    private final int maxEntries;

    ZipEntryCensus(String archive, FileChannel channel, int maxEntries) {
        this.archive = archive;
        this.channel = channel;
        this.maxEntries = maxEntries;
    }

    /** Refuses the archive if its central directory declares or holds more than the allowed entries. */
    void check() throws IOException {
        ByteBuffer tail = readTail();
        int eocd = findEndRecord(tail);
        long declared = tail.getShort(eocd + 10) & 0xffffL;
        long offset = tail.getInt(eocd + 16) & 0xffffffffL;
        if (declared == 0xffff || offset == 0xffffffffL) {
            long tailStart = channel.size() - tail.capacity();
            ByteBuffer zip64 = readZip64End(tail, eocd, tailStart);
            declared = zip64.getLong(32);
            offset = zip64.getLong(48);
        }
        if (declared > maxEntries) {
            throw tooMany("the central directory declares " + declared + " entries");
        }
        countRecords(offset);
    }

    private ByteBuffer readTail() throws IOException {
        long size = channel.size();
        if (size < EOCD_SIZE) {
            throw new CorruptArchiveException(archive, "the file has " + size + " bytes, too short to be a zip");
        }
        int length = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
        return readAt(size - length, length);
    }

    private int findEndRecord(ByteBuffer tail) {
        for (int at = tail.capacity() - EOCD_SIZE; at >= 0; at--) {
            if (tail.getInt(at) == EOCD_SIGNATURE) {
                return at;
            }
        }
        throw new CorruptArchiveException(archive, "no end of central directory record found; not a zip file");
    }

    private ByteBuffer readZip64End(ByteBuffer tail, int eocd, long tailStart) throws IOException {
        int locator = eocd - 20;
        if (locator < 0 || tail.getInt(locator) != ZIP64_LOCATOR_SIGNATURE) {
            throw new CorruptArchiveException(archive, "the zip64 end of central directory locator is missing");
        }
        long position = tail.getLong(locator + 8);
        if (position < 0 || position > tailStart + locator - 56) {
            throw new CorruptArchiveException(archive, "the zip64 end of central directory offset is out of range");
        }
        ByteBuffer record = readAt(position, 56);
        if (record.getInt(0) != ZIP64_EOCD_SIGNATURE) {
            throw new CorruptArchiveException(archive, "the zip64 end of central directory record is missing");
        }
        return record;
    }

    private void countRecords(long offset) throws IOException {
        if (offset < 0 || offset > channel.size()) {
            throw new CorruptArchiveException(archive, "the central directory offset " + offset + " is out of range");
        }
        channel.position(offset);
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[CENTRAL_HEADER_SIZE];
        ByteBuffer view = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        for (long count = 1; readHeader(data, header); count++) {
            if (view.getInt(0) != CENTRAL_HEADER_SIGNATURE) {
                return;
            }
            if (count > maxEntries) {
                throw tooMany("the central directory holds more than " + maxEntries + " entries");
            }
            long variable = (view.getShort(28) & 0xffffL) + (view.getShort(30) & 0xffff) + (view.getShort(32) & 0xffff);
            data.skipNBytes(variable);
        }
    }

    private static boolean readHeader(DataInputStream data, byte[] header) throws IOException {
        try {
            data.readFully(header);
            return true;
        } catch (EOFException e) {
            return false;
        }
    }

    private ByteBuffer readAt(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new CorruptArchiveException(archive, "the file ends inside a zip directory record");
            }
        }
        return buffer;
    }

    private UnsafeArchiveException tooMany(String detail) {
        return new UnsafeArchiveException(archive, "", Reason.TOO_MANY_ENTRIES,
                detail + ", more than the limit of " + maxEntries);
    }
}
