package dev.assay.server.index.releasediff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.assay.server.index.contents.ContentEntry;
import dev.assay.server.index.contents.ComparedPaths;

/**
 * Counts the paths added, removed and changed between two releases' listings per distribution kind, the first
 * segments of their logical paths (as {@link ComparedPaths} pairs them); listings only, so the release page reads no
 * file's text for it.
 */
final class DiffCounts {

    private DiffCounts() {
    }

    static List<KindCounts> of(ComparedPaths compared) {
        Map<String, ContentEntry> before = compared.before();
        Map<String, ContentEntry> after = compared.after();
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        Map<String, int[]> byKind = new LinkedHashMap<>();
        for (String path : paths) {
            ContentEntry old = before.get(path);
            ContentEntry now = after.get(path);
            int column = old == null ? 0 : now == null ? 1 : old.sameAs(now) ? -1 : 2;
            if (column >= 0) {
                byKind.computeIfAbsent(kind(path), key -> new int[3])[column]++;
            }
        }
        List<KindCounts> counts = new ArrayList<>();
        byKind.forEach((kind, n) -> counts.add(new KindCounts(kind, n[0], n[1], n[2])));
        return List.copyOf(counts);
    }

    /** {@code sdist} for {@code sdist/...}, {@code wheel/<tag>} for a wheel's paths, the root for anything else. */
    static String kind(String logicalPath) {
        String[] segments = logicalPath.split("/", 3);
        boolean twoSegmentRoot = (segments[0].equals("wheel") || segments[0].equals("file")) && segments.length > 2;
        return twoSegmentRoot ? segments[0] + "/" + segments[1] : segments[0];
    }
}
