package dev.assay.server.pipeline.plugins;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.assay.server.config.AssayProperties;

/**
 * Where the pipeline's plugin jars are ({@code assay.pipeline.plugins}, default {@code DATA/plugins}).
 *
 * @param plugins the folder whose {@code *.jar} files hold plugin tasks; null for {@code DATA/plugins}
 */
@ConfigurationProperties("assay.pipeline")
public record PluginProperties(Path plugins) {

    /** The plugins folder of a server whose data directory {@code assay} gives. */
    public Path folder(AssayProperties assay) {
        return plugins != null ? plugins : assay.data().resolve("plugins");
    }
}
