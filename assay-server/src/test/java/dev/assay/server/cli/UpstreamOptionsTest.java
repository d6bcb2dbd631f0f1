package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code --upstream} (repeatable) and {@code ASSAY_UPSTREAMS} become the {@code assay.upstream.urls} list. */
class UpstreamOptionsTest {

    @Test
    void everyUpstreamOptionBecomesOneEntryInItsOrder() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--upstream", "https://pypi.org/simple/", "--upstream",
                "https://u:p@nexus.example/simple");

        assertThat(serve.upstream.springProperties("https://ignored.example/")).isEqualTo(Map.of(
                "assay.upstream.urls[0]", "https://pypi.org/simple/",
                "assay.upstream.urls[1]", "https://u:p@nexus.example/simple"));
    }

    @Test
    void withoutTheOptionTheEnvironmentNamesThem() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();

        assertThat(serve.upstream.springProperties(" https://a.example/simple/ ,, http://b.example/ ")).isEqualTo(Map.of(
                "assay.upstream.urls[0]", "https://a.example/simple/", "assay.upstream.urls[1]", "http://b.example/"));
        assertThat(serve.upstream.springProperties(null)).isEmpty();
    }

    @Test
    void aBadUrlStopsTheStartSayingWhichAndWhy() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--upstream", "https://pypi.org/simple/", "--upstream", "file:///srv/simple");

        assertThatThrownBy(() -> serve.upstream.springProperties(null))
                .hasMessageContaining("'file:///srv/simple' is not usable: only http:// and https://");
    }
}
