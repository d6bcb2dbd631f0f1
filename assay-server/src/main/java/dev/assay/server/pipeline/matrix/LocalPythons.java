package dev.assay.server.pipeline.matrix;

import org.springframework.stereotype.Component;

/**
 * This server's interpreters for its in-process workers: Debian's, {@code assay.pipeline.pythons} and
 * {@code python3} on the PATH, probed once, when first asked.
 */
@Component
public class LocalPythons {

    private final PythonProperties properties;
    private Pythons probed;

    LocalPythons(PythonProperties properties) {
        this.properties = properties;
    }

    /** The interpreters found, probing them the first time. */
    public synchronized Pythons get() {
        if (probed == null) {
            probed = new Pythons(PythonProbe.probe(properties.pythons()));
        }
        return probed;
    }
}
