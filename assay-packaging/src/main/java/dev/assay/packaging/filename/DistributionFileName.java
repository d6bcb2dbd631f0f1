package dev.assay.packaging.filename;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;

/** The parsed file name of a distribution: a wheel or an sdist. */
public sealed interface DistributionFileName permits WheelFileName, SdistFileName {

    /** Parses a wheel ({@code .whl}) or sdist ({@code .tar.gz}, legacy {@code .zip}) file name, chosen by suffix. */
    static DistributionFileName parse(String fileName) {
        FileNameText.requireClean(fileName);
        if (fileName.endsWith(WheelFileName.SUFFIX)) {
            return WheelFileName.parse(fileName);
        }
        for (SdistFormat format : SdistFormat.values()) {
            if (fileName.endsWith(format.suffix())) {
                return SdistFileName.parse(fileName);
            }
        }
        throw new InvalidFileNameException(fileName, "unsupported distribution type; accepted suffixes are .whl"
                + " (wheel), .tar.gz (sdist) and .zip (legacy sdist), not eggs, installers or other archives");
    }

    /** The project the file belongs to. */
    ProjectName name();

    /** The release the file belongs to. */
    Version version();
}
