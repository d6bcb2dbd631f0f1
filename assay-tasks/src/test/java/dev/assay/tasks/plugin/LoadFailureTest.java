package dev.assay.tasks.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ServiceConfigurationError;

import org.junit.jupiter.api.Test;

class LoadFailureTest {

    @Test
    void namesTheFailureAndEachCauseWithItsOwnMessage() {
        Throwable failure = new ServiceConfigurationError("Provider x.Y could not be instantiated",
                new IllegalStateException("cannot start", new IOException("no file /etc/y.conf")));

        assertThat(LoadFailure.describe(failure)).isEqualTo("Provider x.Y could not be instantiated; caused by "
                + "java.lang.IllegalStateException: cannot start; caused by java.io.IOException: no file /etc/y.conf");
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        assertThat(LoadFailure.describe(new IllegalStateException(new NullPointerException())))
                .isEqualTo("java.lang.NullPointerException; caused by java.lang.NullPointerException");
    }

    @Test
    void longMessagesLongChainsAndLoopsAreBoundedOnOneLine() {
        Throwable chain = new IllegalStateException("line one\nline two " + "x".repeat(5000));
        for (int i = 0; i < 50; i++) {
            chain = new IllegalStateException("level " + i, chain);
        }
        String described = LoadFailure.describe(chain);
        assertThat(described).hasSizeLessThanOrEqualTo(LoadFailure.MAX_LENGTH).doesNotContain("\n")
                .startsWith("level 49; caused by java.lang.IllegalStateException: level 48").endsWith("; …")
                .doesNotContain("level 44");

        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);
        assertThat(LoadFailure.describe(first)).isEqualTo("first; caused by java.lang.IllegalStateException: second");
        assertThat(LoadFailure.describe(new IllegalStateException("y".repeat(2000)))).hasSize(LoadFailure.MAX_MESSAGE);
    }
}
