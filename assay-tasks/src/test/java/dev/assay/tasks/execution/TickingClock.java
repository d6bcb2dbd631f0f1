package dev.assay.tasks.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second forward every time it is read, so durations are known without waiting. */
final class TickingClock extends Clock {

    private final AtomicLong seconds = new AtomicLong();

    @Override
    public Instant instant() {
        return Instant.EPOCH.plusSeconds(seconds.incrementAndGet());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
