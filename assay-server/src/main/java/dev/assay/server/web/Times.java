package dev.assay.server.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * Times as people read them: "just now", "5 minutes ago", "3 hours ago", "2 days ago", then the date. Pages call
 * it as {@code ${@times.relative(instant)}}, usually through the {@code fragments/layout :: time(instant)}
 * fragment, which keeps the exact UTC time in a tooltip.
 */
@Component("times")
public class Times {

    private static final Duration DAYS_SHOWN = Duration.ofDays(30);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public Times(Clock clock) {
        this.clock = clock;
    }

    /** How long ago the instant was, or its date once it is a month old (or in the future); "" for none. */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration ago = Duration.between(instant, clock.instant());
        // a few seconds ahead is clock skew between servers, not the future
        if (ago.compareTo(Duration.ofMinutes(-1)) < 0 || ago.compareTo(DAYS_SHOWN) >= 0) {
            return DATE.format(instant);
        }
        if (ago.toMinutes() < 1) {
            return "just now";
        }
        if (ago.toHours() < 1) {
            return counted(ago.toMinutes(), "minute");
        }
        if (ago.toDays() < 1) {
            return counted(ago.toHours(), "hour");
        }
        return counted(ago.toDays(), "day");
    }

    /** The exact time to the second in UTC, as the tooltip shows it; "" for none. */
    public String exact(Instant instant) {
        return instant == null ? "" : EXACT.format(instant);
    }

    /** The ISO-8601 form a {@code <time datetime>} attribute takes; "" for none. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String counted(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s") + " ago";
    }
}
