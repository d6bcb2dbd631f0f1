package dev.assay.server.index.json;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A whole answer of PyPI's JSON API; {@code releases} (version to files) is only sent for the project form,
 * not for a version's URL, as pypi.org does.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ProjectJson(
        InfoJson info,
        long lastSerial,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<FileJson>> releases,
        List<FileJson> urls,
        List<Object> vulnerabilities) {
}
