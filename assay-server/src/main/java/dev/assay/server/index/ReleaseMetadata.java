package dev.assay.server.index;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.packaging.metadata.MetadataParser;

/** Reads the core metadata stored with a release, the source of every field pages and APIs show. */
public final class ReleaseMetadata {

    private ReleaseMetadata() {
    }

    /** The release's parsed core metadata (checked at upload, so it parses). */
    public static CoreMetadata of(Release release) {
        return MetadataParser.parse(release.metadata());
    }

    /**
     * The project URLs as PyPI lists them: Home-page as "Homepage", Download-URL as "Download", then every
     * Project-URL whose address is not already listed.
     */
    public static Map<String, String> projectUrls(CoreMetadata metadata) {
        Map<String, String> urls = new LinkedHashMap<>();
        metadata.homePage().ifPresent(url -> urls.put("Homepage", url));
        metadata.downloadUrl().ifPresent(url -> urls.put("Download", url));
        metadata.projectUrls().forEach((label, url) -> {
            if (!urls.containsValue(url)) {
                urls.put(label, url);
            }
        });
        return urls;
    }
}
