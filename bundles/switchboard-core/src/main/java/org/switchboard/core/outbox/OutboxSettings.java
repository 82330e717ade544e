package org.switchboard.core.outbox;

import java.time.Duration;

/**
 * How the outbox retries.
 *
 * @param maxAttempts  attempts before a command fails for good
 * @param firstBackoff the wait after the first failure; doubled after each further one
 * @param maxBackoff   the longest wait between attempts
 * @param workers      commands run at once (of different conversations)
 */
public record OutboxSettings(int maxAttempts, Duration firstBackoff, Duration maxBackoff, int workers) {
    public OutboxSettings {
        if (maxAttempts < 1 || workers < 1) {
            throw new IllegalArgumentException("outbox.maxAttempts and outbox.workers must be at least 1");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("outbox backoff: 0 <= first <= max");
        }
    }

    /** The wait after {@code attempts} failed attempts: exponential, capped. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(30, Math.max(0, attempts - 1));
        Duration d = firstBackoff.multipliedBy(factor);
        return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
    }
}
