package dev.assay.server.index.upload;

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

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletDiskFileUpload;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import dev.assay.server.config.UploadLimits;
import dev.assay.server.error.MultipartProblems;

/**
 * Reads an upload's multipart body in one pass, parts in any order: the fields into memory (UTF-8, as the web
 * server decoded them), the file part {@code content} straight into its temporary file while its digests are
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
        parser.setSizeMax(limits.maxRequestBytes());
        parser.setFileSizeMax(limits.maxFileSize().toBytes());
        parser.setHeaderCharset(StandardCharsets.UTF_8);
        Form form = new Form(parser);
        try {
            FileItemInputIterator items = parser.getItemIterator(request);
            while (items.hasNext()) {
                form.take(items.next(), target);
            }
        } catch (UncheckedIOException storing) {
            throw storing.getCause();
        } catch (IOException unreadable) {
            throw MultipartProblems.explain(unreadable, limits);
        }
        return new ReceivedForm(new UploadForm(form.fields), form.filename, form.file);
    }

    /** What has been read of the form so far, and the limits on what is still to come. */
    private final class Form {

        private final JakartaServletDiskFileUpload parser;
        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private long fieldBytesLeft = limits.maxFormSize().toBytes();
        private int parts;
        private String filename;
        private ReceivedFile file;

        Form(JakartaServletDiskFileUpload parser) {
            this.parser = parser;
        }

        void take(FileItemInput part, Path target) throws IOException {
            if (++parts > limits.maxFormParts()) {
                throw MultipartProblems.tooManyParts(limits.maxFormParts());
            }
            checkHeader(part);
            if (part.isFormField()) {
                fields.computeIfAbsent(part.getFieldName(), name -> new ArrayList<>()).add(value(part));
            } else if (file == null && "content".equals(part.getFieldName())) {
                // the name as sent (FileItemInput.getName() throws on a NUL): the upload's file name rules refuse it
                filename = parser.getFileName(part.getHeaders());
                file = write(part, target);
            } else {
                // a file part the upload API does not know: read past it, within the limits
                part.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
        }

        private void checkHeader(FileItemInput part) {
            long length = 0;
            for (Iterator<String> names = part.getHeaders().getHeaderNames(); names.hasNext();) {
                String name = names.next();
                for (Iterator<String> values = part.getHeaders().getHeaders(name); values.hasNext();) {
                    length += name.length() + values.next().length() + 4;
                }
            }
            if (length > limits.maxPartHeaderSize().toBytes()) {
                throw MultipartProblems.partHeaderTooLong(limits.maxPartHeaderSize().toBytes());
            }
        }

        private String value(FileItemInput part) throws IOException {
            try (InputStream in = part.getInputStream()) {
                byte[] value = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, fieldBytesLeft + 1));
                fieldBytesLeft -= value.length;
                if (fieldBytesLeft < 0) {
                    throw MultipartProblems.fieldsTooLarge(limits);
                }
                // undecodable bytes become U+FFFD, as the web server's own form parsing does
                return new String(value, StandardCharsets.UTF_8);
            }
        }
    }

    private ReceivedFile write(FileItemInput part, Path target) throws IOException {
        FileDigests digests = new FileDigests(hashing);
        try (InputStream in = part.getInputStream(); TemporaryFile out = new TemporaryFile(target)) {
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
