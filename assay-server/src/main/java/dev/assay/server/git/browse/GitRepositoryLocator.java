package dev.assay.server.git.browse;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;

/** Where a project's bare repository lives: {@code DATA/git/<normalized-name>.git}. */
@Component
public class GitRepositoryLocator {

    private final AssayProperties properties;

    public GitRepositoryLocator(AssayProperties properties) {
        this.properties = properties;
    }

    /** The bare repository's directory for a PEP 503 normalised project name (which holds no dots or slashes). */
    public Path locate(String normalizedName) {
        return properties.gitDirectory().resolve(normalizedName + ".git");
    }
}
