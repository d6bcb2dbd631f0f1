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
import java.util.UUID;

/** Uploads a distribution to {@code POST /legacy/} as twine does: multipart form, HTTP Basic. */
public final class LegacyUpload {

    private final String baseUrl;
    private final String user;
    private final String password;
    private final HttpClient http = HttpClient.newHttpClient();

    public LegacyUpload(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** Uploads the file with the form fields of its metadata; returns the response. */
    public HttpResponse<String> upload(Path file, TestDistributions.Spec spec) throws IOException, InterruptedException {
        byte[] content = Files.readAllBytes(file);
        String filename = file.getFileName().toString();
        List<String[]> fields = new ArrayList<>(spec.formFields());
        fields.add(new String[] {":action", "file_upload"});
        fields.add(new String[] {"protocol_version", "1"});
        fields.add(new String[] {"filetype", filename.endsWith(".whl") ? "bdist_wheel" : "sdist"});
        fields.add(new String[] {"pyversion", filename.endsWith(".whl") ? "py3" : "source"});
        fields.add(new String[] {"sha256_digest", sha256(content)});
        String boundary = "assay-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : fields) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.write(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "legacy/"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads and fails the test unless the server answered 200. */
    public void uploadOk(Path file, TestDistributions.Spec spec) throws IOException, InterruptedException {
        HttpResponse<String> response = upload(file, spec);
        if (response.statusCode() != 200) {
            throw new AssertionError("upload of " + file.getFileName() + " failed: " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
