package dev.assay.tasks.report;

/** How much a finding matters, from least to most. */
public enum Severity {
    /** Worth knowing; nothing to fix. */
    INFO,
    /** Probably worth fixing; does not block a release. */
    WARNING,
    /** Wrong and should block a review until fixed or explained. */
    ERROR,
    /** Dangerous to the people who install the package (network access, writes outside its place). */
    CRITICAL
}
