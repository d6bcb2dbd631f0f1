package dev.assay.server.index.contents;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.ArchiveEntry;
import dev.assay.packaging.archive.EntryKind;
import dev.assay.packaging.filename.DistributionFileName;
import dev.assay.packaging.filename.WheelFileName;

/**
 * The logical paths of a distribution file's entries, which stay the same from one release to the next so that
 * comments can follow them: {@code sdist/<path without the NAME-VERSION/ top folder>} and
 * {@code wheel/<compatibility tag as in the file name>/<path>}, where a wheel's {@code NAME-VERSION.dist-info/} and
 * {@code NAME-VERSION.data/} folders are written without their version and with the name normalized
 * ({@code name.dist-info/}), so that a release diff shows what changed in {@code METADATA} instead of every metadata
 * file removed and added again.
 */
final class LogicalPaths {

    /** A wheel's top-level metadata or data folder: {@code NAME-VERSION.dist-info} or {@code NAME-VERSION.data}. */
    private static final Pattern VERSIONED_WHEEL_FOLDER = Pattern.compile("^([^/]+)-[^-/]+\\.(dist-info|data)(?=/|$)");

    private final String root;
    private final String strippedTop;

    private LogicalPaths(String root, String strippedTop) {
        this.root = root;
        this.strippedTop = strippedTop;
    }

    /** The paths for this file's entries; an sdist's single top folder is left out of them. */
    static LogicalPaths of(String filename, List<ArchiveEntry> entries) {
        String root = root(filename);
        return new LogicalPaths(root, root.equals("sdist") ? singleTopFolder(entries) : "");
    }

    /** {@code sdist}, or {@code wheel/<tag>} with the tag sets written as in the file name (e.g. {@code py2.py3-none-any}). */
    static String root(String filename) {
        try {
            if (DistributionFileName.parse(filename) instanceof WheelFileName wheel) {
                return "wheel/" + String.join(".", wheel.pythonTags()) + "-" + String.join(".", wheel.abiTags())
                        + "-" + String.join(".", wheel.platformTags());
            }
            return "sdist";
        } catch (PackagingException unparsable) {
            // stored files were checked at upload; an odd legacy name still gets a stable, distinct root
            return "file/" + filename;
        }
    }

    String root() {
        return root;
    }

    /** The logical path of an archive path, or empty for the stripped top folder itself. */
    String logical(String archivePath) {
        if (strippedTop.isEmpty()) {
            return root + "/" + (root.startsWith("wheel/") ? withoutVersion(archivePath) : archivePath);
        }
        if (archivePath.equals(strippedTop)) {
            return "";
        }
        return root + "/" + archivePath.substring(strippedTop.length() + 1);
    }

    // The name is normalized as the binary distribution format now writes it (lower case, runs of '-', '_' and '.'
    // as one '_'): older wheels kept the project's spelling (Deprecated-1.2.18.dist-info, then
    // deprecated-1.3.1.dist-info), which would show every metadata file removed and added again.
    private static String withoutVersion(String wheelPath) {
        Matcher folder = VERSIONED_WHEEL_FOLDER.matcher(wheelPath);
        if (!folder.find()) {
            return wheelPath;
        }
        String name = folder.group(1).toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
        return name + "." + folder.group(2) + wheelPath.substring(folder.end());
    }

    private static String singleTopFolder(List<ArchiveEntry> entries) {
        String top = null;
        for (ArchiveEntry entry : entries) {
            int slash = entry.path().indexOf('/');
            String first = slash < 0 ? entry.path() : entry.path().substring(0, slash);
            boolean isFolder = slash >= 0 || entry.kind() == EntryKind.DIRECTORY;
            if (!isFolder || top != null && !top.equals(first)) {
                return "";
            }
            top = first;
        }
        return top == null ? "" : top;
    }
}
