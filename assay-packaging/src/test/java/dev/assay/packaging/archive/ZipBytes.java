package dev.assay.packaging.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rewrites fields of a written zip in place, to forge the declarations a malicious zip would carry. */
final class ZipBytes {
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_RECORD = 0x06054b50;

    private ZipBytes() {
    }

    /** Sets the uncompressed size the last central directory header declares. */
    static Path declareUncompressedSize(Path zip, long size) {
        return patch(zip, bytes -> bytes.putInt(find(bytes, CENTRAL_HEADER) + 24, (int) size));
    }

    /** Sets the entry count the end of central directory record declares. */
    static Path declareEntryCount(Path zip, int count) {
        return patch(zip, bytes -> {
            int end = find(bytes, END_RECORD);
            bytes.putShort(end + 8, (short) count).putShort(end + 10, (short) count);
        });
    }

    /** A zip with no entries whose zip64 end record claims {@code count} entries. */
    static Path zip64ClaimingEntries(Path file, long count) {
        ByteBuffer bytes = ByteBuffer.allocate(56 + 20 + 22).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(count).putLong(count).putLong(0).putLong(0);
        bytes.putInt(0x07064b50).putInt(0).putLong(0).putInt(1);
        bytes.putInt(END_RECORD).putShort((short) 0).putShort((short) 0).putShort((short) 0xffff)
                .putShort((short) 0xffff).putInt(-1).putInt(-1).putShort((short) 0);
        try {
            return Files.write(file, bytes.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int find(ByteBuffer bytes, int signature) {
        for (int at = bytes.limit() - 4; at >= 0; at--) {
            if (bytes.getInt(at) == signature) {
                return at;
            }
        }
        throw new IllegalStateException("signature not found");
    }

    private static Path patch(Path zip, java.util.function.Consumer<ByteBuffer> change) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
            change.accept(bytes);
            return Files.write(zip, bytes.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
