package dev.assay.server.index.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.MultipartInput.MalformedStreamException;

/**
 * A multipart body read part by part from a stream through one large buffer: each part's raw header section, then
 * its body up to the next delimiter (CRLF, two dashes, the boundary), found with a {@link DelimiterSearch}. The
 * header sections are left to Commons FileUpload to parse. A body that ends before its closing delimiter, or with
 * anything but CRLF or {@code --} after a delimiter, is malformed; at most {@code sizeMax} bytes are read.
 */
final class MultipartParts {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final DelimiterSearch delimiter;
    private final DelimiterSearch headerEnd = new DelimiterSearch(HEADER_END);
    private final int headerSizeMax;
    private final long sizeMax;
    private final byte[] buffer;
    private int head;
    private int tail;
    private long received;
    // where the current body's bytes end in the buffer, as far as known, and whether a delimiter starts there
    private int bodyEnd;
    private boolean delimiterAtBodyEnd;
    private boolean closed;
    private Body body;

    MultipartParts(InputStream in, byte[] boundary, int headerSizeMax, long sizeMax) {
        this.in = in;
        byte[] pattern = new byte[boundary.length + 4];
        System.arraycopy("\r\n--".getBytes(StandardCharsets.US_ASCII), 0, pattern, 0, 4);
        System.arraycopy(boundary, 0, pattern, 4, boundary.length);
        this.delimiter = new DelimiterSearch(pattern);
        this.headerSizeMax = headerSizeMax;
        this.sizeMax = sizeMax;
        this.buffer = new byte[Math.max(BUFFER_SIZE, 2 * pattern.length)];
        // the first delimiter has no CRLF before it: reading the preamble as a body ending at "CRLF--boundary" finds it
        buffer[0] = '\r';
        buffer[1] = '\n';
        tail = 2;
        body = new Body();
    }

    /**
     * Reads past the rest of the current part (or the preamble) and returns the next part's header section, with
     * its closing empty line; null after the closing delimiter.
     */
    String nextHeaders() throws IOException {
        if (closed) {
            return null;
        }
        body.transferTo(OutputStream.nullOutputStream());
        head += delimiter.length();
        require(2);
        if (buffer[head] == '-' && buffer[head + 1] == '-') {
            closed = true;
            return null;
        }
        if (buffer[head] != '\r' || buffer[head + 1] != '\n') {
            throw new MalformedStreamException("Unexpected characters follow a boundary");
        }
        head += 2;
        String headers = readHeaders();
        body = new Body();
        return headers;
    }

    /** The body of the part whose headers {@link #nextHeaders()} returned last; it ends at the next delimiter. */
    InputStream body() {
        return body;
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream section = new ByteArrayOutputStream();
        while (true) {
            int end = headerEnd.indexIn(buffer, head, tail);
            int upTo = end >= 0 ? end + HEADER_END.length : headerEnd.undecidedFrom(head, tail);
            section.write(buffer, head, upTo - head);
            head = upTo;
            if (section.size() > headerSizeMax) {
                throw new FileUploadSizeException(String.format("Header section has more than %s bytes (maybe it is not "
                        + "properly terminated)", headerSizeMax), headerSizeMax, section.size());
            }
            if (end >= 0) {
                return section.toString(StandardCharsets.UTF_8);
            }
            fill();
        }
    }

    /** Makes sure {@code count} bytes are in the buffer from {@code head}. */
    private void require(int count) throws IOException {
        while (tail - head < count) {
            fill();
        }
    }

    /** Moves what is left to the start of the buffer and reads more; the end of the stream here is malformed. */
    private void fill() throws IOException {
        if (head > 0) {
            System.arraycopy(buffer, head, buffer, 0, tail - head);
            bodyEnd -= head;
            tail -= head;
            head = 0;
        }
        int read = in.read(buffer, tail, buffer.length - tail);
        if (read < 0) {
            throw new MalformedStreamException("Stream ended unexpectedly");
        }
        received += read;
        if (received > sizeMax) {
            throw new FileUploadSizeException(String.format("The request was rejected because its size (%s) exceeds the "
                    + "configured maximum (%s)", received, sizeMax), sizeMax, received);
        }
        tail += read;
    }

    /** The current part's bytes, up to the delimiter that ends it. */
    private final class Body extends InputStream {

        Body() {
            bodyEnd = head;
            delimiterAtBodyEnd = false;
            search();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (bodyEnd == head) {
                if (delimiterAtBodyEnd) {
                    return -1;
                }
                fill();
                search();
            }
            int count = Math.min(length, bodyEnd - head);
            System.arraycopy(buffer, head, target, offset, count);
            head += count;
            return count;
        }

        @Override
        public int available() {
            return bodyEnd - head;
        }

        private void search() {
            int found = delimiter.indexIn(buffer, head, tail);
            delimiterAtBodyEnd = found >= 0;
            bodyEnd = found >= 0 ? found : delimiter.undecidedFrom(head, tail);
        }
    }
}
