package dev.assay.server.index.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which project URLs a page may turn into links. */
class ProjectLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/", "http://example.org/a?b=c", " HTTPS://Example.org/x "})
    void webAddressesBecomeLinks(String url) {
        assertThat(ProjectPageService.isWebAddress(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
            "//example.org/", "ftp://example.org/", "https:///nohost", "not a url", "vbscript:msgbox"})
    void otherSchemesStayText(String url) {
        assertThat(ProjectPageService.isWebAddress(url)).isFalse();
    }
}
