package dev.assay.server.index.upload;

import java.nio.file.Path;
import java.util.List;

/** About twenty real wheels from the local PyPI mirror uploaded to a server on PostgreSQL. */
class RealWheelsOnPostgresTest extends RealWheelsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }

    @Override
    List<Path> sample(List<Path> wheels) {
        return allRequested() ? wheels : everyNth(wheels, wheels.size() / 20);
    }
}
