package dev.assay.server.git.browse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses of source pages keep the slashes of branch names and paths and encode everything else. */
class SourceLinksTest {

    private final SourceLinks links = new SourceLinks("demo");

    @Test
    void encodesEachSegmentButKeepsSlashes() {
        assertThat(links.blob("feature/x", "docs/my notes#1.txt"))
                .isEqualTo("/project/demo/source/blob/feature/x/docs/my%20notes%231.txt");
        assertThat(links.tree("main", "")).isEqualTo("/project/demo/source/tree/main");
        assertThat(links.compare("v1.0", "feature/ü")).isEqualTo("/project/demo/source/compare/v1.0...feature/%C3%BC");
        assertThat(links.commits("main", 2)).isEqualTo("/project/demo/source/commits/main?page=2");
    }

    @Test
    void breadcrumbsLeadFromTheRefToEveryDirectory() {
        assertThat(links.crumbs("main", "a/b c")).containsExactly(
                new SourceLinks.Crumb("main", "/project/demo/source/tree/main"),
                new SourceLinks.Crumb("a", "/project/demo/source/tree/main/a"),
                new SourceLinks.Crumb("b c", "/project/demo/source/tree/main/a/b%20c"));
    }
}
