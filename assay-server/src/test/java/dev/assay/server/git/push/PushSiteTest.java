package dev.assay.server.git.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The address the links printed by a push start with. */
class PushSiteTest {

    @Test
    void theConfiguredBaseUrlWinsOverTheAddressThePushWasSentTo() {
        assertThat(new PushSite("https://assay.example.org/").or("http://127.0.0.1:8080"))
                .isEqualTo("https://assay.example.org");
        assertThat(new PushSite("https://example.org/assay").or("http://127.0.0.1:8080"))
                .isEqualTo("https://example.org/assay");
    }

    @Test
    void withoutABaseUrlLinksUseTheAddressThePushWasSentTo() {
        assertThat(new PushSite(null).or("http://127.0.0.1:8080/")).isEqualTo("http://127.0.0.1:8080");
        assertThat(new PushSite(" ").or("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
    }
}
