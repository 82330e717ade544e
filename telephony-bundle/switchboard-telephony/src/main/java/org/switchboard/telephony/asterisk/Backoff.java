package org.switchboard.telephony.asterisk;

import java.time.Duration;

/** Pauses between reconnect attempts: the first one short, each next one twice as long, up to a ceiling. */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private int failures;

    Backoff(long minMillis, long maxMillis) {
        if (minMillis <= 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("reconnect pauses must satisfy 0 < min <= max");
        }
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
    }

    /** The pause before the next attempt; each call counts one more failure. */
    synchronized Duration next() {
        long pause = minMillis << Math.min(failures, 20);
        failures++;
        return Duration.ofMillis(pause <= 0 || pause > maxMillis ? maxMillis : pause);
    }

    /** A connection succeeded: the next failure starts again with the shortest pause. */
    synchronized void reset() {
        failures = 0;
    }
}
