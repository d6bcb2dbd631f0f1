package dev.assay.packaging.filename;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;

/**
 * An sdist file name, {@code {name}-{version}.tar.gz}, or a legacy {@code .zip} whose name part may itself
 * contain {@code -}.
 *
 * @param name    the project
 * @param version the release
 * @param format  the archive format the suffix announces
 */
public record SdistFileName(ProjectName name, Version version, SdistFormat format) implements DistributionFileName {

    /**
     * Parses an sdist file name. The name and version are split at the last {@code -} that is followed by a
     * valid version and preceded by a valid project name, so legacy names such as {@code foo-bar-1.0.zip} parse.
     */
    public static SdistFileName parse(String fileName) {
        FileNameText.requireClean(fileName);
        SdistFormat format = formatOf(fileName);
        String stem = fileName.substring(0, fileName.length() - format.suffix().length());
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw new InvalidFileNameException(fileName, "there is no '-' between the name and the version; expected"
                    + " {name}-{version}" + format.suffix());
        }
        for (int at = dash; at > 0; at = stem.lastIndexOf('-', at - 1)) {
            String name = stem.substring(0, at);
            String version = stem.substring(at + 1);
            if (ProjectName.isValid(name) && Version.isValid(version)) {
                return new SdistFileName(ProjectName.of(name), Version.parse(version), format);
            }
        }
        // Nothing splits cleanly: report the standard split, whose parts name the problem.
        FileNameText.version(stem.substring(dash + 1), fileName);
        FileNameText.projectName(stem.substring(0, dash), fileName);
        throw new InvalidFileNameException(fileName, "expected {name}-{version}" + format.suffix());
    }

    private static SdistFormat formatOf(String fileName) {
        for (SdistFormat format : SdistFormat.values()) {
            if (fileName.endsWith(format.suffix())) {
                return format;
            }
        }
        throw new InvalidFileNameException(fileName, "an sdist file name must end with .tar.gz (or .zip for legacy sdists)");
    }
}
