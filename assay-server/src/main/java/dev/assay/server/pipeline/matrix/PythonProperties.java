package dev.assay.server.pipeline.matrix;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The interpreters the in-process workers offer besides Debian's and {@code python3} on the PATH
 * ({@code assay.pipeline.pythons}, a list of paths); {@code assay worker --python PATH} is the remote worker's.
 */
@ConfigurationProperties("assay.pipeline")
public record PythonProperties(List<Path> pythons) {

    public PythonProperties {
        pythons = pythons == null ? List.of() : List.copyOf(pythons);
    }
}
