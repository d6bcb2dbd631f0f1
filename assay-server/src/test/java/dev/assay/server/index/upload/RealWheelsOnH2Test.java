package dev.assay.server.index.upload;

import java.nio.file.Path;
import java.util.List;

/**
 * Real wheels from the local PyPI mirror uploaded to a server on H2: every 4th by name (at least 150), or all of
 * them with {@code -Dassay.corpus=all} (bench/corpus.sh), which takes several minutes.
 */
class RealWheelsOnH2Test extends RealWheelsContract {
    @Override
    String databaseKind() {
        return "h2";
    }

    @Override
    List<Path> sample(List<Path> wheels) {
        if (allRequested()) {
            return wheels;
        }
        return everyNth(wheels, Math.min(4, Math.max(1, wheels.size() / 150)));
    }
}
