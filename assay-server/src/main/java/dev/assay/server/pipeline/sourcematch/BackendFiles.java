package dev.assay.server.pipeline.sourcematch;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Whether an sdist's {@code setup.cfg} is the tree's with only setuptools' {@code [egg_info]} section (its
     * {@code tag_build} and {@code tag_date}) added or rewritten, as every setuptools sdist has it.
     */
    static boolean onlyEggInfoChanged(String tree, String sdist) {
        return withoutEggInfo(tree).equals(withoutEggInfo(sdist));
    }

    private static List<String> withoutEggInfo(String text) {
        List<String> kept = new ArrayList<>();
        boolean inEggInfo = false;
        for (String line : text.split("\\R", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                inEggInfo = trimmed.equals("[egg_info]");
            }
            if (!inEggInfo) {
                kept.add(line.stripTrailing());
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    /** Whether the backend writes this wheel path (its {@code NAME-VERSION.dist-info/} folder). */
    static boolean inWheel(String path) {
        int slash = path.indexOf('/');
        return slash > 0 && path.substring(0, slash).endsWith(".dist-info");
    }
}
