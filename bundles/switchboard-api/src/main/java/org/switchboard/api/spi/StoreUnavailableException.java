package org.switchboard.api.spi;

/**
 * The store could not commit, e.g. the database is down or Switchboard is shutting down. Nothing
 * was stored; the caller keeps its source unacknowledged and retries later. REST answers {@code 503}.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
