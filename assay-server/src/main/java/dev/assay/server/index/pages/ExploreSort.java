package dev.assay.server.index.pages;

import dev.assay.server.error.InvalidInputException;

/** How {@code /explore} orders projects: by name, by their newest release, or by how many projects require them. */
public enum ExploreSort {
    /** A to Z by normalised name. */
    NAME("name", "Name"),
    /** The project with the newest release first; projects with no release last. */
    RECENT("recent", "Recently released"),
    /** The project the most other projects here require first. */
    DEPENDED("depended", "Most depended on");

    private final String key;
    private final String label;

    ExploreSort(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The value of the {@code sort} parameter. */
    public String key() {
        return key;
    }

    /** What the page calls it. */
    public String label() {
        return label;
    }

    /** The order a {@code sort} parameter names; the default, by name, when it is absent or blank. */
    public static ExploreSort ofKey(String key) {
        if (key == null || key.isBlank()) {
            return NAME;
        }
        for (ExploreSort sort : values()) {
            if (sort.key.equals(key.strip())) {
                return sort;
            }
        }
        throw new InvalidInputException("sort must be name, recent or depended, not '"
                + (key.length() > 40 ? key.substring(0, 40) + "…" : key) + "'");
    }
}
