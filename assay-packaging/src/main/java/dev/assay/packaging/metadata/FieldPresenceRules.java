package dev.assay.packaging.metadata;

import java.util.Optional;

/**
 * Checks the Metadata-Version, that each field present was defined by that version, and warns about fields
 * that are not core metadata (PyPI never sees them: the upload form carries only the fields it knows).
 */
final class FieldPresenceRules {
    private FieldPresenceRules() {
    }

    /** Checks and returns the declared metadata version, empty when it is not a supported one. */
    static Optional<MetadataVersion> check(CoreMetadata metadata, Problems problems) {
        Optional<MetadataVersion> version = MetadataVersion.fromLabel(metadata.metadataVersion());
        if (version.isEmpty()) {
            problems.add(MetadataField.METADATA_VERSION, "'" + metadata.metadataVersion() + "' is not a supported "
                    + "metadata version; declare one of " + MetadataVersion.allLabels());
        } else if (version.get().legacy()) {
            problems.warn(MetadataField.METADATA_VERSION, "2.0 was never a standard metadata version (PEP 426 was "
                    + "withdrawn); it is read as 2.1: declare 2.1 or later");
        }
        version.ifPresent(declared -> checkIntroduced(metadata, declared, problems));
        checkUnknown(metadata, version, problems);
        return version;
    }

    private static void checkIntroduced(CoreMetadata metadata, MetadataVersion declared, Problems problems) {
        for (MetadataField field : MetadataField.values()) {
            if (field.deprecated() || metadata.values(field).isEmpty() || declared.atLeast(field.introduced())) {
                continue;
            }
            if (field == MetadataField.LICENSE_FILE || field == MetadataField.LICENSE_EXPRESSION) {
                // setuptools wrote License-File under 2.1 for years, and twine leaves it out of the form; hatchling
                // wrote License-Expression under 2.3 while PEP 639 was provisional, and PyPI ignored it then
                problems.warn(field, tooNew(field, declared) + "; under " + declared.label() + " it is ignored");
            } else {
                problems.add(field, tooNew(field, declared));
            }
        }
    }

    private static void checkUnknown(CoreMetadata metadata, Optional<MetadataVersion> version, Problems problems) {
        for (String name : metadata.unknownFields().keySet()) {
            Optional<MetadataField> deprecated = MetadataField.fromHeader(name).filter(MetadataField::deprecated);
            if (deprecated.isEmpty()) {
                problems.warn(name, "'" + name + "' is not a core metadata field and is ignored; remove it (check "
                        + "the spelling against the core metadata specification)");
            } else if (version.isPresent() && !version.get().atLeast(deprecated.get().introduced())) {
                problems.add(name, tooNew(deprecated.get(), version.get()));
            }
        }
    }

    private static String tooNew(MetadataField field, MetadataVersion declared) {
        return field.header() + " was introduced in metadata version " + field.introduced().label()
                + " but Metadata-Version is " + declared.label() + "; declare Metadata-Version "
                + field.introduced().label() + " or later, or remove " + field.header();
    }
}
