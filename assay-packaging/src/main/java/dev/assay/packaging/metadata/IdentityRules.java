package dev.assay.packaging.metadata;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.InvalidVersionException;
import dev.assay.packaging.version.Version;
import dev.assay.packaging.version.VersionTooLongException;

/** Checks Name (the core metadata name rule) and Version (PEP 440). */
final class IdentityRules {
    private IdentityRules() {
    }

    static void check(CoreMetadata metadata, Problems problems) {
        checkName(metadata.name(), problems);
        checkVersion(metadata.version(), problems);
    }

    private static void checkName(String name, Problems problems) {
        if (name.isEmpty()) {
            problems.add(MetadataField.NAME, "the name is empty; give the project's name, e.g. 'my-project'");
        } else if (!ProjectName.isValid(name)) {
            problems.add(MetadataField.NAME, "'" + name + "' is not a valid project name; use ASCII letters, digits, "
                    + "'.', '_' and '-', starting and ending with a letter or digit");
        }
    }

    private static void checkVersion(String version, Problems problems) {
        if (version.isEmpty()) {
            problems.add(MetadataField.VERSION, "the version is empty; give a PEP 440 version, e.g. '1.0'");
            return;
        }
        try {
            Version.parse(version);
        } catch (VersionTooLongException e) {
            problems.add(MetadataField.VERSION, "the version is too long: " + e.getMessage());
        } catch (InvalidVersionException e) {
            problems.add(MetadataField.VERSION, "'" + version + "' is not a valid PEP 440 version: " + e.getMessage());
        }
    }
}
