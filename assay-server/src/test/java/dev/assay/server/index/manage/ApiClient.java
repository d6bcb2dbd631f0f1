package dev.assay.server.index.manage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real HTTP to a test server as one set of HTTP Basic credentials: uploads as twine does, and JSON calls. */
record ApiClient(String baseUrl, String user, String password) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A client that sends no credentials. */
    static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null, null);
    }

    /** Uploads the wheel with {@code POST /legacy/}, the form fields as twine sends them. */
    HttpResponse<String> upload(TinyWheel wheel) {
        byte[] content = wheel.bytes();
        List<String[]> fields = new ArrayList<>(List.of(new String[] {":action", "file_upload"},
                new String[] {"protocol_version", "1"}, new String[] {"metadata_version", "2.1"},
                new String[] {"name", wheel.name()}, new String[] {"version", wheel.version()},
                new String[] {"summary", TinyWheel.SUMMARY}, new String[] {"filetype", "bdist_wheel"},
                new String[] {"pyversion", "py3"}, new String[] {"sha256_digest", sha256(content)}));
        wheel.requiresDist().forEach(requirement -> fields.add(new String[] {"requires_dist", requirement}));
        String boundary = "----assay" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : fields) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + wheel.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request("legacy/").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** The JSON API path of a project, e.g. {@code api/v1/projects/demo/releases/1.0/yank}. */
    static String api(String project, String rest) {
        return "api/v1/projects/" + project + "/" + rest;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (path.startsWith("api/")) {
            builder.header("Accept", "application/json");
        }
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("request failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A flat JSON object of string fields. */
    static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
                .append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return json.append('}').toString();
    }
}
