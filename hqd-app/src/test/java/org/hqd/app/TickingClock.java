package org.hqd.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock for tests that moves one second forward each time it is read, so entries it stamps keep their order. */
public final class TickingClock extends Clock {
    private final AtomicReference<Instant> next;

    public TickingClock(Instant start) {
        next = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return next.getAndUpdate(t -> t.plus(Duration.ofSeconds(1)));
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
