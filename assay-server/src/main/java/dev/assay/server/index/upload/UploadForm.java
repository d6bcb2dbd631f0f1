package dev.assay.server.index.upload;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.assay.server.error.InvalidInputException;

/** The fields of an upload as twine, flit and poetry send them (multipart form, lower-case names). */
record UploadForm(Map<String, List<String>> fields) {

    UploadForm {
        fields = Map.copyOf(fields);
    }

    Optional<String> value(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0).strip());
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new InvalidInputException(
                "Missing form field '" + name + "': the upload form must carry it"));
    }
}
