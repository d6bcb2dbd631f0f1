package dev.assay.packaging.metadata;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The core metadata versions an index accepts, oldest first. 2.0 was never standardised (PEP 426 was withdrawn)
 * but older wheel builders wrote it and PyPI accepted it for years; it is read as 2.1, with a warning.
 */
public enum MetadataVersion {
    V1_0("1.0"),
    V1_1("1.1"),
    V1_2("1.2"),
    V2_0("2.0"),
    V2_1("2.1"),
    V2_2("2.2"),
    V2_3("2.3"),
    V2_4("2.4"),
    V2_5("2.5");

    private final String label;

    MetadataVersion(String label) {
        this.label = label;
    }

    /** The version as written in the {@code Metadata-Version} field, e.g. {@code 2.4}. */
    public String label() {
        return label;
    }

    /** The metadata version written exactly as {@code label}, if it is one of the supported ones. */
    public static Optional<MetadataVersion> fromLabel(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
    }

    /** Whether this version is the same as or later than {@code other} (2.0 counting as 2.1). */
    public boolean atLeast(MetadataVersion other) {
        return effective().compareTo(other.effective()) >= 0;
    }

    /** Whether this is the unstandardised 2.0, accepted only because PyPI accepted it. */
    public boolean legacy() {
        return this == V2_0;
    }

    /** The standard version this one is read as: 2.1 for 2.0, itself otherwise. */
    public MetadataVersion effective() {
        return legacy() ? V2_1 : this;
    }

    /** The standard labels joined for messages: {@code 1.0, 1.1, …, 2.5}. */
    public static String allLabels() {
        return Arrays.stream(values()).filter(v -> !v.legacy()).map(MetadataVersion::label)
                .collect(Collectors.joining(", "));
    }
}
