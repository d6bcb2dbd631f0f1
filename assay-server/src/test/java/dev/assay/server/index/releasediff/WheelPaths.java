package dev.assay.server.index.releasediff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a release diff of wheels must say, worked out from the wheels themselves with {@link ZipFile} and nothing of
 * the server: each file's logical path ({@code wheel/<tags as in the file name>/<path>}, the
 * {@code NAME-VERSION.dist-info} and {@code .data} folders named by the normalized name without the version) and the
 * SHA-256 of its bytes, then the paths added, removed and changed per kind.
 */
final class WheelPaths {

    /** The expected counts of one kind, as the API's {@code summary} gives them. */
    record Counts(int added, int removed, int changed) {
    }

    private WheelPaths() {
    }

    /** Every file of these wheels (sorted by file name; the first holding a path wins) by logical path. */
    static Map<String, String> digests(List<Path> wheels) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Path wheel : wheels.stream().sorted().toList()) {
            String root = "wheel/" + tags(wheel.getFileName().toString());
            try (ZipFile zip = new ZipFile(wheel.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (!entry.isDirectory()) {
                        digests.putIfAbsent(root + "/" + withoutVersion(entry.getName()), sha256(zip, entry));
                    }
                }
            }
        }
        return digests;
    }

    /** The path's status from one release to the next: added, removed, changed, or null when unchanged. */
    static Map<String, String> statuses(Map<String, String> older, Map<String, String> newer) {
        Set<String> paths = new TreeSet<>(older.keySet());
        paths.addAll(newer.keySet());
        Map<String, String> statuses = new TreeMap<>();
        for (String path : paths) {
            String before = older.get(path);
            String after = newer.get(path);
            if (before == null) {
                statuses.put(path, "added");
            } else if (after == null) {
                statuses.put(path, "removed");
            } else if (!before.equals(after)) {
                statuses.put(path, "changed");
            }
        }
        return statuses;
    }

    /** The counts per kind ({@code wheel/<tags>}) of the statuses. */
    static Map<String, Counts> counts(Map<String, String> statuses) {
        Map<String, int[]> byKind = new TreeMap<>();
        statuses.forEach((path, status) -> {
            String[] segments = path.split("/", 3);
            int[] counts = byKind.computeIfAbsent(segments[0] + "/" + segments[1], kind -> new int[3]);
            counts[List.of("added", "removed", "changed").indexOf(status)]++;
        });
        Map<String, Counts> counts = new TreeMap<>();
        byKind.forEach((kind, n) -> counts.put(kind, new Counts(n[0], n[1], n[2])));
        return counts;
    }

    /** The compatibility tags as the file name writes them: its last three dash-separated parts. */
    private static String tags(String filename) {
        String[] parts = filename.substring(0, filename.length() - ".whl".length()).split("-");
        return String.join("-", List.of(parts).subList(parts.length - 3, parts.length));
    }

    // The binary distribution format names these folders NAME-VERSION with NAME normalized and '-' written '_', but
    // older wheels kept the project's spelling (Deprecated-1.2.18.dist-info, Cython-0.29.37.dist-info).
    private static String withoutVersion(String path) {
        int slash = path.indexOf('/');
        String top = slash < 0 ? path : path.substring(0, slash);
        for (String suffix : List.of(".dist-info", ".data")) {
            String stem = top.substring(0, Math.max(0, top.length() - suffix.length()));
            int dash = stem.lastIndexOf('-');
            if (top.endsWith(suffix) && dash > 0) {
                String name = stem.substring(0, dash).toLowerCase().replaceAll("[-_.]+", "_");
                return name + suffix + (slash < 0 ? "" : path.substring(slash));
            }
        }
        return path;
    }

    private static String sha256(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
