package dev.assay.packaging.metadata;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The core metadata versions an index accepts, oldest first (2.0 was never standardised). */
public enum MetadataVersion {
    V1_0("1.0"),
    V1_1("1.1"),
    V1_2("1.2"),
    V2_1("2.1"),
    V2_2("2.2"),
    V2_3("2.3"),
    V2_4("2.4");

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

    /** Whether this version is the same as or later than {@code other}. */
    public boolean atLeast(MetadataVersion other) {
        return compareTo(other) >= 0;
    }

    /** The supported labels joined for messages: {@code 1.0, 1.1, …, 2.4}. */
    public static String allLabels() {
        return Arrays.stream(values()).map(MetadataVersion::label).collect(Collectors.joining(", "));
    }
}
