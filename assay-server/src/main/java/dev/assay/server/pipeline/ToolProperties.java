package dev.assay.server.pipeline;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the in-process workers find the Python tools the sandboxed tasks lend to the tested venvs
 * ({@code assay.pipeline.tools.*}).
 *
 * @param packages the directory holding pytest, coverage.py, pyflakes, flake8, pylint, build and their imports:
 *                 Debian's dist-packages by default
 */
@ConfigurationProperties("assay.pipeline.tools")
public record ToolProperties(@DefaultValue("/usr/lib/python3/dist-packages") Path packages) {

    /** Debian's dist-packages, where apt-get installs python3-pytest and the others. */
    public static ToolProperties debian() {
        return new ToolProperties(Path.of("/usr/lib/python3/dist-packages"));
    }
}
