package dev.assay.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An upload built by hand the way twine builds it (multipart form, metadata fields, digests), so a test
 * can send exactly the wrong thing it wants to see refused.
 */
public final class UploadRequest {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private String filename;
    private byte[] content;

    /** An upload of {@code file} with the fields twine would send for it. */
    public static UploadRequest of(Path file, String name, String version) throws IOException {
        UploadRequest request = new UploadRequest();
        request.filename = file.getFileName().toString();
        request.content = Files.readAllBytes(file);
        boolean wheel = request.filename.endsWith(".whl");
        request.field(":action", "file_upload").field("protocol_version", "1").field("metadata_version", "2.1")
                .field("name", name).field("version", version)
                .field("filetype", wheel ? "bdist_wheel" : "sdist").field("pyversion", wheel ? "py3" : "source")
                .field("sha256_digest", sha256(request.content));
        return request;
    }

    /** Sends an HTTP header with the upload (such as {@code X-Request-Id}). */
    public UploadRequest header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Adds (another) form field. */
    public UploadRequest field(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    /** Replaces every value of a form field. */
    public UploadRequest replace(String name, String value) {
        fields.removeIf(field -> field.getKey().equals(name));
        return field(name, value);
    }

    /** Replaces the file's bytes (keeping the digests already set). */
    public UploadRequest content(byte[] bytes) {
        this.content = bytes;
        return this;
    }

    /** Sends the file under another name (one this machine's file system may not even allow). */
    public UploadRequest filename(String name) {
        this.filename = name;
        return this;
    }

    /** The file's bytes. */
    public byte[] content() {
        return content;
    }

    /** Sends the upload with HTTP Basic credentials. */
    public HttpResponse<String> send(String serverUrl, String user, String password) throws IOException, InterruptedException {
        String boundary = "----assay" + UUID.randomUUID();
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + "legacy/"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary)));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] body(String boundary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n");
        }
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.write(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
