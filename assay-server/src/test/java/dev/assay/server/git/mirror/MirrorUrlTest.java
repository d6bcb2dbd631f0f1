package dev.assay.server.git.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.assay.server.error.InvalidInputException;

class MirrorUrlTest {

    @Test
    void masksOnlyThePassword() {
        assertThat(MirrorUrl.parse("https://bot:s%40cret@example.org:8443/a/b.git", false).masked())
                .isEqualTo("https://bot:***@example.org:8443/a/b.git");
        assertThat(MirrorUrl.parse("https://token@example.org/a.git", false).masked())
                .isEqualTo("https://token@example.org/a.git");
        assertThat(MirrorUrl.parse("http://example.org:8080/a.git", false).masked())
                .isEqualTo("http://example.org:8080/a.git");
    }

    @Test
    void givesTheTransportDecodedCredentialsAndAUrlWithoutThem() {
        MirrorUrl url = MirrorUrl.parse("https://bot:s%40cret@example.org/a.git", false);

        assertThat(url.user()).hasValue("bot");
        assertThat(url.password()).hasValue("s@cret");
        assertThat(url.withoutCredentials()).isEqualTo("https://example.org/a.git");
        assertThat(url.scrub("auth failed for bot:s%40cret, password s@cret")).doesNotContain("cret");
    }

    @Test
    void acceptsLocalPathsOnlyWhenAllowed() {
        assertThat(MirrorUrl.parse("/srv/mirror.git", true).value()).isEqualTo("/srv/mirror.git");
        assertThat(MirrorUrl.parse("file:///srv/mirror.git", true).remote()).isFalse();
        assertThatThrownBy(() -> MirrorUrl.parse("/srv/mirror.git", false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("assay.git.mirror.allow-local=true");
        assertThatThrownBy(() -> MirrorUrl.parse("/srv/../etc/x.git", true)).hasMessageContaining("normalised");
        assertThatThrownBy(() -> MirrorUrl.parse("git://example.org/x.git", true)).hasMessageContaining("'git:'");
    }
}
