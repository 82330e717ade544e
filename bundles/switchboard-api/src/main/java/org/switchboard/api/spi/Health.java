package org.switchboard.api.spi;

import java.util.Map;

/**
 * What a {@link HealthCheck} found.
 *
 * @param status  UP, DEGRADED (works, but an operator should look) or DOWN
 * @param message one line a person can act on
 * @param details figures behind it (backlog size, failed commands, …)
 */
public record Health(Status status, String message, Map<String, Object> details) {

    public enum Status {
        UP, DEGRADED, DOWN;

        /** The worse of two. */
        public Status and(Status other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    public Health {
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        message = message == null ? "" : message;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Health up(String message) {
        return new Health(Status.UP, message, Map.of());
    }

    public static Health degraded(String message) {
        return new Health(Status.DEGRADED, message, Map.of());
    }

    public static Health down(String message) {
        return new Health(Status.DOWN, message, Map.of());
    }

    public Health with(Map<String, Object> figures) {
        return new Health(status, message, figures);
    }
}
