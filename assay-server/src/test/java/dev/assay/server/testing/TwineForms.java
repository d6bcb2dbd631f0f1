package dev.assay.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload forms twine builds for wheels, computed by twine's own logic in Python (packaging's way of parsing
 * METADATA, twine's field names) but without Debian's twine 4, which cannot read Metadata-Version 2.3 and later;
 * sent as twine sends them through {@link UploadRequest}.
 */
public final class TwineForms {

    /** One wheel's form: its fields in order, or why it could not be built. */
    public record Form(Path wheel, List<Map.Entry<String, String>> fields, String error) {

        /** Sends the form and the wheel to an Assay server's upload endpoint. */
        public HttpResponse<String> send(String serverUrl, String user, String password)
                throws IOException, InterruptedException {
            UploadRequest request = UploadRequest.of(wheel, "", "");
            Map<String, List<String>> byName = new LinkedHashMap<>();
            fields.forEach(field -> byName.computeIfAbsent(field.getKey(), name -> new ArrayList<>())
                    .add(field.getValue()));
            byName.forEach((name, values) -> {
                request.replace(name, values.get(0));
                values.stream().skip(1).forEach(value -> request.field(name, value));
            });
            return request.send(serverUrl, user, password);
        }

        /**
         * The form of the sdist built beside this wheel: the same metadata, as twine reads the sdist's PKG-INFO,
         * with the sdist's file type and digest.
         */
        public Form forSdist(Path sdist) throws IOException {
            List<Map.Entry<String, String>> sdistFields = new ArrayList<>(fields.stream()
                    .filter(field -> !List.of("pyversion", "filetype", "sha256_digest", "blake2_256_digest")
                            .contains(field.getKey())).toList());
            sdistFields.add(Map.entry("pyversion", "source"));
            sdistFields.add(Map.entry("filetype", "sdist"));
            sdistFields.add(Map.entry("sha256_digest", UploadRequest.sha256(Files.readAllBytes(sdist))));
            return new Form(sdist, sdistFields, error);
        }
    }

    private TwineForms() {
    }

    /** The forms for {@code wheels}, in the same order; {@code work} holds the script. */
    public static List<Form> of(List<Path> wheels, Path work) throws IOException {
        Path script = work.resolve("twine_form.py");
        try (InputStream in = TwineForms.class.getResourceAsStream("twine_form.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(PythonTools.SYSTEM_PYTHON, script.toString()));
        wheels.forEach(wheel -> command.add(wheel.toString()));
        PythonTools.Outcome outcome = PythonTools.run(work, Map.of(), command).assertSucceeded();
        JsonMapper json = JsonMapper.builder().build();
        List<Form> forms = new ArrayList<>();
        for (String line : outcome.output().lines().filter(line -> line.startsWith("{")).toList()) {
            JsonNode node = json.readTree(line);
            Path wheel = Path.of(node.get("file").asString());
            if (node.has("error")) {
                forms.add(new Form(wheel, List.of(), node.get("error").asString()));
                continue;
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            node.get("fields").forEach(pair -> fields.add(Map.entry(pair.get(0).asString(), pair.get(1).asString())));
            forms.add(new Form(wheel, fields, null));
        }
        return forms;
    }
}
