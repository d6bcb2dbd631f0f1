package dev.assay.server.index.releasediff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.assay.server.index.contents.ChangedFile;
import dev.assay.server.index.contents.ContentsComparison;

/** Counts a comparison's changed paths per distribution kind, the first segments of their logical paths. */
final class DiffCounts {

    private DiffCounts() {
    }

    static List<KindCounts> of(ContentsComparison comparison) {
        Map<String, int[]> byKind = new LinkedHashMap<>();
        for (ChangedFile file : comparison.files()) {
            byKind.computeIfAbsent(kind(file.path()), key -> new int[3])[file.change().ordinal()]++;
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
