package dev.assay.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");

    private final Times times = new Times(Clock.fixed(NOW, ZoneOffset.UTC));

    private String ago(Duration duration) {
        return times.relative(NOW.minus(duration));
    }

    @Test
    void recentTimesAreSaidRelativelyInTheLargestWholeUnit() {
        assertThat(ago(Duration.ZERO)).isEqualTo("just now");
        assertThat(ago(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(ago(Duration.ofSeconds(60))).isEqualTo("1 minute ago");
        assertThat(ago(Duration.ofMinutes(5).plusSeconds(40))).isEqualTo("5 minutes ago");
        assertThat(ago(Duration.ofMinutes(59))).isEqualTo("59 minutes ago");
        assertThat(ago(Duration.ofHours(1))).isEqualTo("1 hour ago");
        assertThat(ago(Duration.ofHours(3).plusMinutes(59))).isEqualTo("3 hours ago");
        assertThat(ago(Duration.ofDays(1))).isEqualTo("1 day ago");
        assertThat(ago(Duration.ofDays(2).plusHours(23))).isEqualTo("2 days ago");
        assertThat(ago(Duration.ofDays(29))).isEqualTo("29 days ago");
    }

    @Test
    void olderOrFutureTimesAreGivenAsTheirDate() {
        assertThat(ago(Duration.ofDays(30))).isEqualTo("2026-11-06");
        assertThat(ago(Duration.ofDays(400))).isEqualTo("2025-11-01");
        assertThat(ago(Duration.ofSeconds(-30))).as("clock skew").isEqualTo("just now");
        assertThat(ago(Duration.ofDays(-2))).isEqualTo("2026-12-08");
    }

    @Test
    void theExactAndMachineFormsAreUtcAndNoneIsEmpty() {
        Instant instant = Instant.parse("2026-12-06T12:34:56.789Z");
        assertThat(times.exact(instant)).isEqualTo("2026-12-06 12:34:56 UTC");
        assertThat(times.iso(instant)).isEqualTo("2026-12-06T12:34:56Z");
        assertThat(times.relative(null)).isEmpty();
        assertThat(times.exact(null)).isEmpty();
        assertThat(times.iso(null)).isEmpty();
    }
}
