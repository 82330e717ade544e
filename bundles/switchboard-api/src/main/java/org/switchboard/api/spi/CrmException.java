package org.switchboard.api.spi;

/**
 * A CRM call failed. The {@link Disposition} tells the outbox what to do with the command:
 * {@link Disposition#RETRY retry} it later with backoff (timeouts, 5xx, 429, connection
 * refused) or {@link Disposition#REJECT reject} it for good and show it to operators (validation
 * errors, missing permissions, a record that no longer exists).
 */
public class CrmException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What to do with the failed command. */
    public enum Disposition {
        /** A passing fault: the same call may succeed later. */
        RETRY,
        /** The CRM refused it: retrying the same call will fail the same way. */
        REJECT
    }

    private final Disposition disposition;

    public CrmException(Disposition disposition, String message, Throwable cause) {
        super(message, cause);
        this.disposition = disposition;
    }

    public static CrmException retry(String message, Throwable cause) {
        return new CrmException(Disposition.RETRY, message, cause);
    }

    public static CrmException reject(String message) {
        return new CrmException(Disposition.REJECT, message, null);
    }

    public Disposition disposition() {
        return disposition;
    }

    public boolean isRetryable() {
        return disposition == Disposition.RETRY;
    }
}
