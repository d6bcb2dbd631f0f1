package dev.assay.server.index.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletDiskFileUpload;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import dev.assay.server.config.UploadLimits;
import dev.assay.server.error.MultipartProblems;

/**
 * Reads an upload's multipart body in one pass, parts in any order ({@link MultipartParts} finds the parts, Commons
 * FileUpload parses their headers): the fields into memory (UTF-8, as the web server decoded them), the file part {@code content} straight into its temporary file while its digests are
 * computed on other threads ({@link FileDigests}) — no staging copy, no second read. Every limit of {@link UploadLimits} holds while reading, so a body
 * without a Content-Length stops at the limit; a body the client broke off, or a malformed one, is a 400.
 */
@Component
class MultipartFormReader implements DisposableBean {

    private final UploadLimits limits;
    // the digests' tasks never wait for anything, so a fixed pool shared by all uploads cannot stall one
    private final ExecutorService hashing;

    MultipartFormReader(UploadLimits limits) {
        this.limits = limits;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("upload-digests-");
        threads.setDaemon(true);
        this.hashing = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), threads);
    }

    @Override
    public void destroy() {
        hashing.shutdownNow();
    }

    /** Reads the whole body of {@code request}, writing the file part into {@code target}. */
    ReceivedForm read(HttpServletRequest request, Path target) throws IOException {
        JakartaServletDiskFileUpload parser = new JakartaServletDiskFileUpload();
        parser.setHeaderCharset(StandardCharsets.UTF_8);
        Form form = new Form();
        try {
            byte[] boundary = parser.getBoundary(request.getContentType());
            if (boundary == null) {
                throw new FileUploadException("the request was rejected because no multipart boundary was found");
            }
            MultipartParts parts = new MultipartParts(request.getInputStream(), boundary,
                    (int) limits.maxPartHeaderSize().toBytes(), limits.maxRequestBytes());
            for (String headers = parts.nextHeaders(); headers != null; headers = parts.nextHeaders()) {
                FileItemHeaders parsed = parser.getParsedHeaders(headers);
                String name = parser.getFieldName(parsed);
                // as Commons FileUpload's own iterator does: a part without a field name is read past
                if (name != null) {
                    form.take(new Part(name, parser.getFileName(parsed), parsed, parts.body()), target);
                }
            }
        } catch (UncheckedIOException storing) {
            throw storing.getCause();
        } catch (IOException unreadable) {
            throw MultipartProblems.explain(unreadable, limits);
        }
        return new ReceivedForm(new UploadForm(form.fields), form.filename, form.file);
    }

    /** One part of the form: its field name, its file name if it is a file, its headers and its body. */
    private record Part(String fieldName, String fileName, FileItemHeaders headers, InputStream body) {

        boolean isFormField() {
            return fileName == null;
        }
    }

    /** What has been read of the form so far, and the limits on what is still to come. */
    private final class Form {

        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private long fieldBytesLeft = limits.maxFormSize().toBytes();
        private int parts;
        private String filename;
        private ReceivedFile file;

        void take(Part part, Path target) throws IOException {
            if (++parts > limits.maxFormParts()) {
                throw MultipartProblems.tooManyParts(limits.maxFormParts());
            }
            checkHeader(part);
            InputStream body = new LimitedBody(part, limits.maxFileSize().toBytes());
            if (part.isFormField()) {
                fields.computeIfAbsent(part.fieldName(), name -> new ArrayList<>()).add(value(body));
            } else if (file == null && "content".equals(part.fieldName())) {
                // the name as sent, NUL and all: the upload's file name rules refuse what they must
                filename = part.fileName();
                file = write(body, target);
            } else {
                // a file part the upload API does not know: read past it, within the limits
                body.transferTo(OutputStream.nullOutputStream());
            }
        }

        private void checkHeader(Part part) {
            long length = 0;
            for (Iterator<String> names = part.headers().getHeaderNames(); names.hasNext();) {
                String name = names.next();
                for (Iterator<String> values = part.headers().getHeaders(name); values.hasNext();) {
                    length += name.length() + values.next().length() + 4;
                }
            }
            if (length > limits.maxPartHeaderSize().toBytes()) {
                throw MultipartProblems.partHeaderTooLong(limits.maxPartHeaderSize().toBytes());
            }
        }

        private String value(InputStream in) throws IOException {
            byte[] value = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, fieldBytesLeft + 1));
            fieldBytesLeft -= value.length;
            if (fieldBytesLeft < 0) {
                throw MultipartProblems.fieldsTooLarge(limits);
            }
            // undecodable bytes become U+FFFD, as the web server's own form parsing does
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private ReceivedFile write(InputStream in, Path target) throws IOException {
        FileDigests digests = new FileDigests(hashing);
        try (TemporaryFile out = new TemporaryFile(target)) {
            for (byte[] buffer = digests.buffer(); ; buffer = digests.buffer()) {
                int read = in.readNBytes(buffer, 0, buffer.length);
                if (read <= 0) {
                    break;
                }
                // hashed on other threads while this one writes the same bytes and reads the next
                digests.update(buffer, read);
                out.write(buffer, read);
            }
        }
        return digests.finish(target);
    }

    /** A part's body, at most as long as a file may be (the limit Commons FileUpload puts on every part). */
    private static final class LimitedBody extends FilterInputStream {

        private final Part part;
        private final long max;
        private long count;

        LimitedBody(Part part, long max) throws FileUploadByteCountLimitException {
            super(part.body());
            this.part = part;
            this.max = max;
            long declared = declaredLength(part.headers());
            if (declared > max) {
                throw tooLarge(declared);
            }
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            count(read < 0 ? 0 : 1);
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count(Math.max(read, 0));
            return read;
        }

        private void count(int read) throws FileUploadByteCountLimitException {
            count += read;
            if (count > max) {
                throw tooLarge(count);
            }
        }

        private FileUploadByteCountLimitException tooLarge(long actual) {
            return new FileUploadByteCountLimitException(String.format("The field %s exceeds its maximum permitted size "
                    + "of %s bytes.", part.fieldName(), max), actual, max, part.fileName(), part.fieldName());
        }

        private static long declaredLength(FileItemHeaders headers) {
            try {
                return Long.parseLong(headers.getHeader("Content-Length"));
            } catch (NumberFormatException unreadable) {
                return -1;
            }
        }
    }

    /** The file part's temporary file: a failure here is the server's disk, not the request's fault, so not a 400. */
    private static final class TemporaryFile implements AutoCloseable {

        private final OutputStream out;

        TemporaryFile(Path target) {
            try {
                out = Files.newOutputStream(target);
            } catch (IOException diskFailure) {
                throw new UncheckedIOException(diskFailure);
            }
        }

        void write(byte[] buffer, int length) {
            try {
                out.write(buffer, 0, length);
            } catch (IOException diskFailure) {
                throw new UncheckedIOException(diskFailure);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException diskFailure) {
                throw new UncheckedIOException(diskFailure);
            }
        }
    }
}
