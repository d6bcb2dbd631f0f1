package dev.assay.server.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Assay's typed settings, bound once at start from the {@code assay.*} properties. */
@ConfigurationProperties("assay")
public record AssayProperties(
        @DefaultValue("assay-data") Path data,
        @DefaultValue("true") boolean reviewNewProjects) {

    /** Where uploaded distribution files live. */
    public Path filesDirectory() {
        return data.resolve("files");
    }

    /** Where the bare git repositories live. */
    public Path gitDirectory() {
        return data.resolve("git");
    }
}
