package dev.assay.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large uploads may be: one file, all files of one project together, and the multipart form around a file
 * (its number of parts, the size of one part's header and of all fields but the file), checked by the upload API's
 * streaming reader and handed by application.properties to the web server's parser for any other form.
 */
@ConfigurationProperties("assay.upload")
public record UploadLimits(@DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("10GB") DataSize maxProjectSize,
        @DefaultValue("2000") int maxFormParts, @DefaultValue("8KB") DataSize maxPartHeaderSize,
        @DefaultValue("2MB") DataSize maxFormSize) {

    /** The largest request a valid upload can be: the file, its fields and every part's header. */
    public long maxRequestBytes() {
        return maxFileSize.toBytes() + maxFormSize.toBytes() + maxFormParts * maxPartHeaderSize.toBytes();
    }
}
