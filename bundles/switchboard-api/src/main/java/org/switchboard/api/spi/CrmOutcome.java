package org.switchboard.api.spi;

/**
 * What became of one request of a bulk call: its result, or why it failed.
 *
 * @param value   the result when it succeeded ({@code null} for calls without one)
 * @param failure the failure, or {@code null} when it succeeded
 */
public record CrmOutcome<T>(T value, CrmException failure) {

    public static <T> CrmOutcome<T> ok(T value) {
        return new CrmOutcome<>(value, null);
    }

    public static <T> CrmOutcome<T> failed(CrmException failure) {
        if (failure == null) {
            throw new IllegalArgumentException("failure is required");
        }
        return new CrmOutcome<>(null, failure);
    }

    public boolean isSuccess() {
        return failure == null;
    }
}
