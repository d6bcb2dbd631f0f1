package dev.assay.server.index.description;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Settings for rendering descriptions, bound from {@code assay.description.*}. */
@ConfigurationProperties("assay.description")
public record DescriptionProperties(@DefaultValue("512KB") DataSize maxSize) {

    /** Rejects a limit that is not positive. */
    public DescriptionProperties {
        if (maxSize == null || maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("assay.description.max-size must be positive, was " + maxSize);
        }
    }

    /** The settings used when nothing is configured: descriptions up to 512 KiB. */
    public static DescriptionProperties defaults() {
        return new DescriptionProperties(DataSize.ofKilobytes(512));
    }
}
