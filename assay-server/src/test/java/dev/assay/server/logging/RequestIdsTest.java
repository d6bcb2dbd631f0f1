package dev.assay.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** An incoming request id is kept only when it is a short inert token; a scope puts an id in the MDC and takes it out. */
class RequestIdsTest {

    @Test
    void keepsShortTokensAndReplacesAnythingElse() {
        assertThat(RequestIds.accept("it-upload-7f3a")).isEqualTo("it-upload-7f3a");
        assertThat(RequestIds.accept("4bf92f3577b34da6a3ce929d0e0e4736")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(RequestIds.accept("lb:01.2_x")).isEqualTo("lb:01.2_x");
        for (String odd : new String[] {null, "", "a b", "x".repeat(65), "-starts-with-dash", "line\nbreak",
                "quote\"", "<script>", "ü"}) {
            assertThat(RequestIds.accept(odd)).as(String.valueOf(odd)).matches("[0-9a-f]{24}");
        }
        assertThat(RequestIds.accept(null)).isNotEqualTo(RequestIds.accept(null));
    }

    @Test
    void aScopeHoldsTheIdInTheLoggingContextUntilClosed() {
        try (RequestIds.Scope scope = RequestIds.scope("job-req-1")) {
            assertThat(RequestIds.current()).hasValue("job-req-1");
            assertThat(MDC.get("requestId")).isEqualTo("job-req-1");
        }
        assertThat(RequestIds.current()).isEmpty();
        try (RequestIds.Scope none = RequestIds.scope(null)) {
            assertThat(RequestIds.current()).isEmpty();
        }
    }
}
