package dev.assay.server.pipeline.sourcematch;

import java.util.Map;

/**
 * The files a build backend writes into what it builds, which no tagged tree holds: an sdist's {@code PKG-INFO},
 * setuptools' {@code *.egg-info/} folder and the {@code setup.cfg} it adds when the tree has none; a wheel's
 * {@code *.dist-info/} folder. Anything else an archive holds must come from the tree.
 */
final class BackendFiles {

    private BackendFiles() {
    }

    /** Whether the backend writes this sdist path, given the tagged tree's files. */
    static boolean inSdist(String path, Map<String, String> tree) {
        if (path.equals("PKG-INFO") || path.contains(".egg-info/") || path.endsWith(".egg-info")) {
            return true;
        }
        // setuptools records its egg_info options in a setup.cfg of its own when the project has none
        return path.equals("setup.cfg") && !tree.containsKey(path);
    }

    /** Whether the backend writes this wheel path (its {@code NAME-VERSION.dist-info/} folder). */
    static boolean inWheel(String path) {
        int slash = path.indexOf('/');
        return slash > 0 && path.substring(0, slash).endsWith(".dist-info");
    }
}
