package dev.assay.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** How large uploads may be: one file, and all files of one project together. */
@ConfigurationProperties("assay.upload")
public record UploadLimits(@DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("10GB") DataSize maxProjectSize) {
}
