package dev.assay.server.index.json;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One distribution file as PyPI's JSON API lists it under {@code urls} and {@code releases}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record FileJson(
        String filename,
        String url,
        String packagetype,
        String pythonVersion,
        String requiresPython,
        long size,
        Map<String, String> digests,
        String md5Digest,
        String uploadTime,
        @JsonProperty("upload_time_iso_8601") String uploadTimeIso8601,
        boolean yanked,
        String yankedReason,
        boolean hasSig,
        String commentText,
        int downloads) {
}
