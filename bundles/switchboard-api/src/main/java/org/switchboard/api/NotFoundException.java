package org.switchboard.api;

/** The record asked for does not exist; REST answers it with {@code 404}. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
