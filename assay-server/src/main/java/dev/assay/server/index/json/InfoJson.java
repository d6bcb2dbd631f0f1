package dev.assay.server.index.json;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The {@code info} object of PyPI's JSON API: one release's metadata; absent fields are {@code null}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record InfoJson(
        String name,
        String version,
        String summary,
        String description,
        String descriptionContentType,
        String author,
        String authorEmail,
        String maintainer,
        String maintainerEmail,
        String license,
        String licenseExpression,
        List<String> licenseFiles,
        String keywords,
        List<String> classifiers,
        String platform,
        String homePage,
        String downloadUrl,
        String projectUrl,
        Map<String, String> projectUrls,
        String packageUrl,
        String releaseUrl,
        List<String> requiresDist,
        String requiresPython,
        List<String> providesExtra,
        List<String> dynamic,
        boolean yanked,
        String yankedReason,
        String docsUrl,
        String bugtrackUrl,
        Map<String, Integer> downloads) {
}
