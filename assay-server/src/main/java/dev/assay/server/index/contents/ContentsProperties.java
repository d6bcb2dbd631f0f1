package dev.assay.server.index.contents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings for reading a release's contents, bound from {@code assay.contents.*}.
 *
 * @param maxFileSize  the largest file shown as text; a larger one is listed with its size and SHA-256 only
 * @param cachedListings how many archive listings are kept in memory, by the stored file's SHA-256
 */
@ConfigurationProperties("assay.contents")
public record ContentsProperties(@DefaultValue("1MB") DataSize maxFileSize, @DefaultValue("64") int cachedListings) {

    /** Rejects limits that are not positive. */
    public ContentsProperties {
        if (maxFileSize == null || maxFileSize.toBytes() <= 0 || maxFileSize.toBytes() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("assay.contents.max-file-size must be positive and under 1GB, was "
                    + maxFileSize);
        }
        if (cachedListings < 0) {
            throw new IllegalArgumentException("assay.contents.cached-listings must not be negative, was "
                    + cachedListings);
        }
    }

    /** The settings used when nothing is configured: text up to 1 MB, 64 listings cached. */
    public static ContentsProperties defaults() {
        return new ContentsProperties(DataSize.ofMegabytes(1), 64);
    }
}
