package dev.assay.server.index.simple;

import java.util.List;
import java.util.Optional;

/**
 * Everything a project page shows: the normalised name, every version (PEP 700) and every file; a hosted project's
 * revision, or for a project answered from upstream none (its files are served under {@code /upstream/files/}).
 */
record ProjectListing(String name, Optional<Revision> revision, List<String> versions, List<ListedFile> files) {

    /** API 1.1 (PEP 700) promises every file's size; a page from upstream that lacks one declares 1.0. */
    static final String API_VERSION_WITHOUT_SIZES = "1.0";

    ProjectListing {
        versions = List.copyOf(versions);
        files = List.copyOf(files);
    }

    boolean fromUpstream() {
        return revision.isEmpty();
    }

    /** Where a file of this page is served. */
    String fileUrl(FileUrls urls, ListedFile file) {
        return fromUpstream() ? urls.upstreamFile(name, file.filename()) : urls.file(name, file.filename());
    }

    /** The API version the page declares. */
    String apiVersion() {
        return files.stream().allMatch(file -> file.size().isPresent()) ? SimpleJson.API_VERSION
                : API_VERSION_WITHOUT_SIZES;
    }
}
