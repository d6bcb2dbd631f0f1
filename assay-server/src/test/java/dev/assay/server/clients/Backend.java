package dev.assay.server.clients;

import java.util.List;

/**
 * The PEP 517 build backends whose output Assay must take: each with the module that shows it is installed and the
 * {@code [build-system]} table of a project built by it. PDM's current backend is {@code pdm-backend}; Debian 12
 * packages only its predecessor {@code pdm-pep517}, used where {@code pdm-backend} is absent.
 */
enum Backend {

    SETUPTOOLS("setuptools", List.of("setuptools.build_meta"), "setuptools>=61", "setuptools.build_meta"),
    FLIT_CORE("flit-core", List.of("flit_core.buildapi"), "flit_core>=3.2,<4", "flit_core.buildapi"),
    HATCHLING("hatchling", List.of("hatchling.build"), "hatchling", "hatchling.build"),
    POETRY_CORE("poetry-core", List.of("poetry.core.masonry.api"), "poetry-core>=1.0", "poetry.core.masonry.api"),
    PDM("pdm-backend", List.of("pdm.backend", "pdm.pep517.api"), null, null);

    private final String label;
    private final List<String> modules;
    private final String requirement;
    private final String api;

    Backend(String label, List<String> modules, String requirement, String api) {
        this.label = label;
        this.modules = modules;
        this.requirement = requirement;
        this.api = api;
    }

    /** The backend's distribution name, for messages. */
    String label() {
        return label;
    }

    /** The modules that provide the backend, preferred first. */
    List<String> modules() {
        return modules;
    }

    /** The {@code [build-system]} table, given which of {@link #modules()} is installed. */
    String buildSystem(String installedModule) {
        String required = requirement;
        String backend = api;
        if (this == PDM) {
            boolean current = installedModule.equals("pdm.backend");
            required = current ? "pdm-backend" : "pdm-pep517>=1.0";
            backend = current ? "pdm.backend" : "pdm.pep517.api";
        }
        return "[build-system]\nrequires = [\"" + required + "\"]\nbuild-backend = \"" + backend + "\"\n";
    }

    /** Whether the project is described in poetry's own table rather than PEP 621's {@code [project]}. */
    boolean poetryFormat() {
        return this == POETRY_CORE;
    }

    /**
     * Whether {@code python3 -m build} must skip its check of the backend's own requirements: Debian 12's hatchling
     * declares {@code editables}, which Debian does not package (hatchling needs it only for editable installs).
     */
    boolean skipsDependencyCheck() {
        return this == HATCHLING;
    }
}
