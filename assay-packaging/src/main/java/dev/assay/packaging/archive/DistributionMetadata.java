package dev.assay.packaging.archive;

import dev.assay.packaging.filename.SdistFileName;
import dev.assay.packaging.filename.WheelFileName;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Finds the core metadata file of a wheel ({@code *.dist-info/METADATA}) or an sdist ({@code name-version/PKG-INFO}). */
public final class DistributionMetadata {
    private static final String DIST_INFO = ".dist-info";

    private DistributionMetadata() {
    }

    /** The METADATA of the wheel at {@code wheel}, whose file name must be a valid wheel file name. */
    public static byte[] wheelMetadata(Path wheel) {
        return wheelMetadata(wheel, WheelFileName.parse(String.valueOf(wheel.getFileName())), ArchiveLimits.defaults());
    }

    /** The METADATA of the wheel stored at {@code file} and uploaded as {@code fileName}. */
    public static byte[] wheelMetadata(Path file, WheelFileName fileName, ArchiveLimits limits) {
        try (SafeArchive archive = SafeArchive.open(file, ArchiveFormat.ZIP, limits)) {
            String name = String.valueOf(file.getFileName());
            String distInfo = singleDistInfo(name, archive, fileName);
            String metadata = distInfo + "/METADATA";
            requireFile(name, archive, metadata);
            return archive.read(metadata);
        }
    }

    /** The PKG-INFO of the sdist at {@code sdist}, whose file name must be a valid sdist file name. */
    public static byte[] sdistMetadata(Path sdist) {
        return sdistMetadata(sdist, SdistFileName.parse(String.valueOf(sdist.getFileName())), ArchiveLimits.defaults());
    }

    /** The PKG-INFO of the sdist stored at {@code file} and uploaded as {@code fileName}. */
    public static byte[] sdistMetadata(Path file, SdistFileName fileName, ArchiveLimits limits) {
        ArchiveFormat format = switch (fileName.format()) {
            case TAR_GZ -> ArchiveFormat.TAR_GZ;
            case ZIP -> ArchiveFormat.ZIP;
        };
        try (SafeArchive archive = SafeArchive.open(file, format, limits)) {
            String name = String.valueOf(file.getFileName());
            String top = singleTopDirectory(name, archive, fileName);
            String pkgInfo = top + "/PKG-INFO";
            requireFile(name, archive, pkgInfo);
            return archive.read(pkgInfo);
        }
    }

    private static String singleDistInfo(String name, SafeArchive archive, WheelFileName fileName) {
        Set<String> found = new TreeSet<>();
        for (String top : topLevelNames(archive)) {
            if (top.endsWith(DIST_INFO)) {
                found.add(top);
            }
        }
        String expected = fileName.name().filenameForm() + "-" + fileName.version() + DIST_INFO;
        if (found.isEmpty()) {
            throw new MissingMetadataException(name, "the top-level .dist-info directory (expected " + Quoted.of(expected)
                    + " holding METADATA)");
        }
        if (found.size() > 1) {
            throw new DistributionLayoutException(name, "a wheel has exactly one top-level .dist-info directory, found "
                    + found.size() + ": " + listed(found));
        }
        String distInfo = found.iterator().next();
        String stem = distInfo.substring(0, distInfo.length() - DIST_INFO.length());
        if (!DistributionStem.matches(stem, fileName.name(), fileName.version())) {
            throw new DistributionLayoutException(name, "the directory " + Quoted.of(distInfo) + " does not match the"
                    + " wheel's name and version; expected " + Quoted.of(expected));
        }
        return distInfo;
    }

    private static String singleTopDirectory(String name, SafeArchive archive, SdistFileName fileName) {
        Set<String> tops = topLevelNames(archive);
        String expected = fileName.name().filenameForm() + "-" + fileName.version();
        if (tops.isEmpty()) {
            throw new MissingMetadataException(name, "the top-level directory (expected " + Quoted.of(expected
                    + "/PKG-INFO") + "); the archive is empty");
        }
        String top = tops.iterator().next();
        if (tops.size() > 1 || archive.entry(top).filter(entry -> entry.kind() != EntryKind.DIRECTORY).isPresent()) {
            throw new DistributionLayoutException(name, "an sdist holds a single top-level directory "
                    + Quoted.of(expected) + ", found " + listed(tops));
        }
        if (!DistributionStem.matches(top, fileName.name(), fileName.version())) {
            throw new DistributionLayoutException(name, "the top-level directory " + Quoted.of(top) + " does not match"
                    + " the sdist's name and version; expected " + Quoted.of(expected));
        }
        return top;
    }

    private static Set<String> topLevelNames(SafeArchive archive) {
        Set<String> tops = new TreeSet<>();
        for (ArchiveEntry entry : archive.entries()) {
            int slash = entry.path().indexOf('/');
            tops.add(slash < 0 ? entry.path() : entry.path().substring(0, slash));
        }
        return tops;
    }

    private static String listed(Set<String> names) {
        StringBuilder shown = new StringBuilder();
        names.stream().limit(5).forEach(each -> shown.append(shown.length() == 0 ? "" : ", ").append(Quoted.of(each)));
        return names.size() > 5 ? shown + " and " + (names.size() - 5) + " more" : shown.toString();
    }

    private static void requireFile(String name, SafeArchive archive, String path) {
        ArchiveEntry entry = archive.entry(path).orElseThrow(() -> new MissingMetadataException(name, Quoted.of(path)));
        if (!entry.isFile()) {
            throw new MissingMetadataException(name, Quoted.of(path) + " as a regular file (it is a "
                    + entry.kind().name().toLowerCase().replace('_', ' ') + ")");
        }
    }
}
