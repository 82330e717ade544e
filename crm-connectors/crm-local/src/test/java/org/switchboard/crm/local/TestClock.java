package org.switchboard.crm.local;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that starts at 2026-11-22T10:00:00Z and moves one second each time it is read. */
public final class TestClock extends Clock {
    public static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private Instant next = START;

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plusSeconds(1);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock is always UTC");
    }
}
