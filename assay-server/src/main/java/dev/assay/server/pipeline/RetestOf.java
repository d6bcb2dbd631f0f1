package dev.assay.server.pipeline;

/**
 * The new release a downstream re-test tested its dependent against: the library's name and version, both null
 * when not everyone may read the library (a re-test shows on the dependent's pages, read by people who may not).
 */
public record RetestOf(String project, String version) {

    /** Whether the library is named (everyone may read it). */
    public boolean named() {
        return project != null;
    }
}
