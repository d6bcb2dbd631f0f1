package dev.assay.server.index.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.assay.server.testing.UploadRequest;

/**
 * The multipart form of an upload as parts the fuzzer may change one by one (names, values, part headers, the
 * file name), then written out with a boundary; the body itself may be mutated afterwards.
 */
final class UploadForm {

    static final String BOUNDARY = "----assayfuzz7MA4YWxkTrZu0gW";

    /** One part: its raw header block and its body. */
    record Part(String headers, byte[] body) {
        static Part field(String name, String value) {
            return new Part("Content-Disposition: form-data; name=\"" + name + "\"",
                    value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String filename, byte[] content) {
            return new Part("Content-Disposition: form-data; name=\"content\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/octet-stream", content);
        }

        String name() {
            int start = headers.indexOf("name=\"");
            return start < 0 ? "" : headers.substring(start + 6, Math.max(start + 6, headers.indexOf('"', start + 6)));
        }
    }

    final List<Part> parts = new ArrayList<>();

    /** The fields twine sends for a distribution with this metadata, then the file. */
    static UploadForm twine(Distribution dist, String metadata, byte[] content) {
        UploadForm form = new UploadForm();
        form.add(":action", "file_upload").add("protocol_version", "1");
        form.add("metadata_version", Distribution.header(metadata, "Metadata-Version").orElse("2.1"));
        form.add("name", Distribution.header(metadata, "Name").orElse(dist.name));
        form.add("version", Distribution.header(metadata, "Version").orElse(dist.version));
        form.add("filetype", dist.wheel ? "bdist_wheel" : "sdist").add("pyversion", dist.wheel ? "py3" : "source");
        for (String line : metadata.lines().takeWhile(line -> !line.isEmpty()).toList()) {
            int colon = line.indexOf(':');
            String field = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase().replace('-', '_');
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            switch (field) {
                case "summary", "requires_python", "description_content_type", "license_expression", "license",
                        "keywords", "author_email", "home_page" -> form.add(field, value);
                case "requires_dist", "provides_extra", "project_url", "license_file", "dynamic", "platform" ->
                        form.add(field, value);
                case "classifier" -> form.add("classifiers", value);
                default -> {
                }
            }
        }
        form.add("sha256_digest", UploadRequest.sha256(content)).add("md5_digest", md5(content));
        form.parts.add(Part.file(dist.filename(), content));
        return form;
    }

    UploadForm add(String name, String value) {
        parts.add(Part.field(name, value));
        return this;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\n" + part.headers() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.body());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
