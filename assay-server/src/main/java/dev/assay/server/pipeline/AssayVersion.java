package dev.assay.server.pipeline;

/** The version this server or worker was built as, from its jar's manifest ({@code dev} when run from classes). */
public final class AssayVersion {

    private AssayVersion() {
    }

    /** This build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        String version = AssayVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
