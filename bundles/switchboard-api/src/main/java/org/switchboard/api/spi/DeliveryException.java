package org.switchboard.api.spi;

/**
 * A message could not be sent. Like {@link CrmException}, it says whether a retry may help.
 */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final CrmException.Disposition disposition;

    public DeliveryException(CrmException.Disposition disposition, String message, Throwable cause) {
        super(message, cause);
        this.disposition = disposition;
    }

    public CrmException.Disposition disposition() {
        return disposition;
    }

    public boolean isRetryable() {
        return disposition == CrmException.Disposition.RETRY;
    }
}
