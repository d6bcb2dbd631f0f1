package dev.assay.server.index.manage;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.UploadRequest;

/** Real HTTP to a test server as one set of HTTP Basic credentials: uploads as twine does, and JSON calls. */
record ApiClient(String baseUrl, String user, String password) {

    /** A client that sends no credentials. */
    static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null, null);
    }

    /** Uploads the wheel with {@code POST /legacy/}, the form fields as twine sends them. */
    HttpResponse<String> upload(TinyWheel wheel) {
        try {
            Path directory = Files.createTempDirectory("wheel-");
            Path file = Files.write(directory.resolve(wheel.filename()), wheel.bytes());
            UploadRequest request = UploadRequest.of(file, wheel.name(), wheel.version())
                    .field("summary", TinyWheel.SUMMARY);
            wheel.requiresDist().forEach(requirement -> request.field("requires_dist", requirement));
            HttpResponse<String> response = request.send(baseUrl, user, password);
            Files.delete(file);
            Files.delete(directory);
            return response;
        } catch (IOException failure) {
            throw new AssertionError("upload failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    HttpResponse<String> get(String path) {
        return http().get(path);
    }

    HttpResponse<String> post(String path, String json) {
        return http().post(path, json);
    }

    HttpResponse<String> put(String path, String json) {
        return http().put(path, json);
    }

    HttpResponse<String> delete(String path) {
        return http().delete(path);
    }

    /** The JSON API path of a project, e.g. {@code api/v1/projects/demo/releases/1.0/yank}. */
    static String api(String project, String rest) {
        return "api/v1/projects/" + project + "/" + rest;
    }

    private HttpApi http() {
        return new HttpApi(baseUrl, user, password);
    }
}
