package dev.assay.server.apidocs;

import java.util.List;

/** The tags of the API: one per feature, an operation's being the feature package its controller lives in. */
enum FeatureTags {
    ACCOUNTS("Accounts", "Who the credentials stand for; registration settings", "accounts"),
    PROJECTS("Projects", "Create projects; releases, files, roles, visibility, dependencies, contents, release diffs",
            "index"),
    GIT("Git", "Branches, tags, commits, files, protected branches and mirrors", "git"),
    PIPELINES("Pipelines", "Test pipelines of releases and commits, and their raw data", "pipeline"),
    REVIEWS("Package reviews", "New projects held for review, and the review checklist", "review.packagereview"),
    HOLDS("Release holds", "Releases held for review, and the release gate", "review.releasegate"),
    THREADS("Comments and threads", "Threads on reviews, change requests and release diffs, @-completion, "
            + "issue-tracker patterns",
            "review.thread"),
    CHANGES("Change requests", "Open, list, edit and diff change requests; votes, merge gates, merging, suggested "
            + "changes", "review.change"),
    NOTIFICATIONS("Notifications", "The inbox and what the caller watches", "notify"),
    UPSTREAMS("Upstream indexes", "The upstream indexes names this index does not host come from, and the rules on "
            + "which names may", "upstream");

    private static final String ROOT = "dev.assay.server.";

    private final String tag;
    private final String description;
    private final String feature;

    FeatureTags(String tag, String description, String feature) {
        this.tag = tag;
        this.description = description;
        this.feature = ROOT + feature;
    }

    String tag() {
        return tag;
    }

    String description() {
        return description;
    }

    /** The tag of a controller class: the feature whose package is the longest prefix of its own. */
    static String of(Class<?> controller) {
        String name = controller.getPackageName();
        return List.of(values()).stream()
                .filter(feature -> name.equals(feature.feature) || name.startsWith(feature.feature + "."))
                .max((a, b) -> Integer.compare(a.feature.length(), b.feature.length()))
                .map(FeatureTags::tag)
                .orElseThrow(() -> new IllegalStateException(controller.getName() + " is in no feature with a tag: "
                        + "add its package to " + FeatureTags.class.getSimpleName()));
    }
}
