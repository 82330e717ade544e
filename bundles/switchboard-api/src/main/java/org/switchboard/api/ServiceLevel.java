package org.switchboard.api;

import java.time.Duration;

/**
 * A queue's service-level target: {@code percent} of contacts answered within {@code threshold},
 * e.g. 80 % in 20 s.
 */
public record ServiceLevel(int percent, Duration threshold) {
    public static final ServiceLevel DEFAULT = new ServiceLevel(80, Duration.ofSeconds(20));

    public ServiceLevel {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("serviceLevel percent must be within 1..100, was " + percent);
        }
        if (threshold == null || threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("serviceLevel threshold must be positive");
        }
    }
}
