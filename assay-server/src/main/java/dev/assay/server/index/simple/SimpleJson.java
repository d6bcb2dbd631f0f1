package dev.assay.server.index.simple;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON wire shapes of the Simple Repository API (PEP 691, 700, 714): keys with dashes, PyPI's values. */
final class SimpleJson {

    static final String API_VERSION = "1.1";

    private SimpleJson() {
    }

    /** The {@code meta} object; {@code _last-serial} is Assay's (and PyPI's) private key. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Meta(@JsonProperty("api-version") String apiVersion, @JsonProperty("_last-serial") Long lastSerial) {
    }

    /** {@code GET /simple/}. */
    record ProjectList(Meta meta, List<Name> projects) {
    }

    /** One entry of the project list. */
    record Name(String name) {
    }

    /** {@code GET /simple/<project>/}. */
    record ProjectDetail(Meta meta, String name, List<String> versions, List<File> files) {
    }

    /**
     * One file of a project page. The metadata hash goes under {@code core-metadata} (PEP 714) alone; never under
     * {@code dist-info-metadata}, which pip 23.0 and 23.1 read and crash on when it holds hashes (the reason
     * PEP 714 renamed it). The {@code data-} spellings belong to the HTML pages.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record File(String filename, String url, Map<String, String> hashes,
            @JsonProperty("requires-python") String requiresPython, Object yanked,
            @JsonProperty("core-metadata") Object coreMetadata, long size,
            @JsonProperty("upload-time") String uploadTime) {
    }

    static ProjectList projectList(List<SimpleRepository.ListedProject> projects) {
        return new ProjectList(new Meta(API_VERSION, null),
                projects.stream().map(project -> new Name(project.name())).toList());
    }

    static ProjectDetail projectDetail(ProjectListing listing, FileUrls urls) {
        List<File> files = listing.files().stream().map(file -> file(listing.name(), file, urls)).toList();
        return new ProjectDetail(new Meta(API_VERSION, listing.revision().serial()), listing.name(), listing.versions(),
                files);
    }

    private static File file(String project, ListedFile file, FileUrls urls) {
        Object metadata = file.metadataSha256().<Object>map(sha256 -> Map.of("sha256", sha256)).orElse(false);
        return new File(file.filename(), urls.file(project, file.filename()), Map.of("sha256", file.sha256()),
                file.requiresPython().orElse(null), file.yankedValue(), metadata, file.size(),
                DateTimeFormatter.ISO_INSTANT.format(file.uploadedAt().truncatedTo(ChronoUnit.MICROS)));
    }
}
