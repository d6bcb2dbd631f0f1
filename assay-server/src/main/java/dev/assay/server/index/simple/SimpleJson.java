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
    @JsonInclude(JsonInclude.Include.NON_NULL)
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
            @JsonProperty("core-metadata") Object coreMetadata, Long size,
            @JsonProperty("upload-time") String uploadTime) {
    }

    static ProjectList projectList(List<SimpleRepository.ListedProject> projects) {
        return new ProjectList(new Meta(API_VERSION, null),
                projects.stream().map(project -> new Name(project.name())).toList());
    }

    /** A project page; one from upstream has no serial, and without every file's size no versions (API 1.0). */
    static ProjectDetail projectDetail(ProjectListing listing, FileUrls urls) {
        List<File> files = listing.files().stream().map(file -> file(listing, file, urls)).toList();
        String apiVersion = listing.apiVersion();
        return new ProjectDetail(new Meta(apiVersion, listing.revision().map(Revision::serial).orElse(null)),
                listing.name(), apiVersion.equals(API_VERSION) ? listing.versions() : null, files);
    }

    private static File file(ProjectListing listing, ListedFile file, FileUrls urls) {
        return new File(file.filename(), listing.fileUrl(urls, file), file.hashes(),
                file.requiresPython().orElse(null), file.yankedValue(), file.coreMetadataValue(),
                file.size().orElse(null), file.uploadedAt()
                        .map(at -> DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MICROS))).orElse(null));
    }
}
