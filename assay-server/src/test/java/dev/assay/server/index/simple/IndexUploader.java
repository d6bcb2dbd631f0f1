package dev.assay.server.index.simple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Uploads files to {@code POST /legacy/} exactly as twine does: multipart form, HTTP Basic with a token. */
record IndexUploader(String baseUrl, String token) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Uploads a file built from the spec; fails the test unless the server says 200. */
    void upload(Path file, TestDistributions.Spec spec) {
        HttpResponse<String> response = send(file, spec);
        if (response.statusCode() != 200) {
            throw new AssertionError("upload of " + file.getFileName() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    HttpResponse<String> send(Path file, TestDistributions.Spec spec) {
        byte[] content = TestDistributions.read(file);
        String filename = file.getFileName().toString();
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry(":action", "file_upload"), Map.entry("protocol_version", "1"),
                Map.entry("metadata_version", "2.1"), Map.entry("name", spec.name()),
                Map.entry("version", spec.version()),
                Map.entry("filetype", filename.endsWith(".whl") ? "bdist_wheel" : "sdist"),
                Map.entry("pyversion", filename.endsWith(".whl") ? "py3" : "source"),
                Map.entry("summary", spec.name() + " for tests"),
                Map.entry("sha256_digest", TestDistributions.sha256Hex(content))));
        if (spec.requiresPython() != null) {
            fields.add(Map.entry("requires_python", spec.requiresPython()));
        }
        spec.requiresDist().forEach(requirement -> fields.add(Map.entry("requires_dist", requirement)));
        String boundary = "assay" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "legacy/"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("__token__:" + token).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("upload failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
