package dev.assay.server.upstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.assay.server.error.InvalidInputException;

class UpstreamUrlTest {

    @Test
    void aUrlIsNormalisedToEndInASlash() {
        assertThat(UpstreamUrl.parse("https://PyPI.org/simple").url()).isEqualTo("https://pypi.org/simple/");
        assertThat(UpstreamUrl.parse(" http://10.0.0.5:8081 ").url()).isEqualTo("http://10.0.0.5:8081/");
        assertThat(UpstreamUrl.parse("HTTPS://index.example/a/b/").url()).isEqualTo("https://index.example/a/b/");
        assertThat(UpstreamUrl.parse("https://pypi.org/simple").credentials()).isEqualTo(UpstreamCredentials.NONE);
    }

    @Test
    void credentialsInTheUserInfoAreTakenOutOfTheUrl() {
        UpstreamUrl parsed = UpstreamUrl.parse("https://deploy:s%40cr+et@nexus.example/repository/pypi/simple");

        assertThat(parsed.url()).isEqualTo("https://nexus.example/repository/pypi/simple/");
        assertThat(parsed.credentials().username()).hasValue("deploy");
        assertThat(parsed.credentials().password()).hasValue("s@cr+et");
        assertThat(parsed.toString()).doesNotContain("s@cr+et");
        assertThat(UpstreamUrl.parse("https://token@host.example/").credentials().password()).isEmpty();
    }

    @Test
    void credentialsGivenApartMustNotAlsoBeInTheUrl() {
        assertThat(UpstreamUrl.parse("https://host.example/simple/", "bob", "pw").credentials())
                .isEqualTo(new UpstreamCredentials(Optional.of("bob"), Optional.of("pw")));
        assertThatThrownBy(() -> UpstreamUrl.parse("https://a:b@host.example/", "bob", "pw"))
                .hasMessageContaining("either in the URL or as username and password");
        assertThatThrownBy(() -> UpstreamUrl.parse("https://host.example/", "", "pw"))
                .hasMessageContaining("A password needs a username");
    }

    @Test
    void unusableUrlsAreRefusedSayingWhyWithoutThePassword() {
        assertThatThrownBy(() -> UpstreamUrl.parse("ftp://files.example/simple/"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The upstream URL 'ftp://files.example/simple/' is not usable: only http:// and https:// "
                        + "upstreams are supported");
        assertThatThrownBy(() -> UpstreamUrl.parse("https:///simple/")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> UpstreamUrl.parse("pypi.org/simple")).hasMessageContaining("only http://");
        assertThatThrownBy(() -> UpstreamUrl.parse("https://host.example/simple/?x=1"))
                .hasMessageContaining("no query");
        assertThatThrownBy(() -> UpstreamUrl.parse("https://user:hunter2@host .example/"))
                .hasMessageContaining("it is not a URL").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> UpstreamUrl.parse("")).hasMessageContaining("Missing upstream URL");
        assertThatThrownBy(() -> UpstreamUrl.parse("https://host.example/" + "a".repeat(1000)))
                .hasMessageContaining("longer than 1000");
    }

    @Test
    void theStartUpConfigurationSaysWhichUrlIsWrong() {
        assertThat(UpstreamSettings.parse(List.of("https://a.example/simple", "http://b.example/")))
                .extracting(UpstreamUrl::url).containsExactly("https://a.example/simple/", "http://b.example/");
        assertThatThrownBy(() -> new UpstreamSettings(List.of("https://a.example/", "mailto:x@y")))
                .hasMessageStartingWith("ASSAY_UPSTREAMS / --upstream: The upstream URL 'mailto:x@y' is not usable");
        assertThatThrownBy(() -> UpstreamSettings.parse(List.of("https://a.example/simple", "https://A.example/simple/")))
                .hasMessageContaining("https://a.example/simple/ is named twice");
    }
}
