package org.switchboard.api;

/**
 * The request is valid but does not fit the current state, e.g. accepting an interaction that
 * was already offered to someone else; REST answers it with {@code 409}. Nothing changed.
 */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
