package dev.assay.packaging.filename;

/** The archive formats an sdist file name can announce. */
public enum SdistFormat {
    /** The standard format, {@code .tar.gz}. */
    TAR_GZ(".tar.gz"),
    /** The legacy format, {@code .zip}. */
    ZIP(".zip");

    private final String suffix;

    SdistFormat(String suffix) {
        this.suffix = suffix;
    }

    /** The file name suffix, with its leading dot. */
    public String suffix() {
        return suffix;
    }
}
