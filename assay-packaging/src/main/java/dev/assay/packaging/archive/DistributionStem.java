package dev.assay.packaging.archive;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;

/** Matches a {@code name-version} directory name against a project and release, however each was spelled. */
final class DistributionStem {
    private DistributionStem() {
    }

    /** Whether some {@code -} splits {@code stem} into a name equal to {@code name} and a version equal to {@code version}. */
    static boolean matches(String stem, ProjectName name, Version version) {
        for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
            String namePart = stem.substring(0, dash);
            String versionPart = stem.substring(dash + 1);
            if (ProjectName.isValid(namePart) && ProjectName.normalize(namePart).equals(name.normalized())
                    && Version.isValid(versionPart) && Version.parse(versionPart).equals(version)) {
                return true;
            }
        }
        return false;
    }
}
