package dev.assay.server.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Assay's typed settings, bound once at start from the {@code assay.*} properties; {@code gitDirectory} (unset:
 * {@code DATA/git}) lets servers that keep their files in an object store share the git repositories alone.
 */
@ConfigurationProperties("assay")
public record AssayProperties(
        @DefaultValue("assay-data") Path data,
        @DefaultValue("true") boolean reviewNewProjects,
        Path gitDirectory) {

    /** Where uploaded distribution files live. */
    public Path filesDirectory() {
        return data.resolve("files");
    }

    /** Where the bare git repositories live. */
    @Override
    public Path gitDirectory() {
        return gitDirectory != null ? gitDirectory : data.resolve("git");
    }
}
