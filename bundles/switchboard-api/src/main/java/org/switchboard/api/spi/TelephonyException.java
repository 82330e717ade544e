package org.switchboard.api.spi;

/** A PBX refused or could not take a request; the message says why in words an agent understands. */
public class TelephonyException extends Exception {
    private static final long serialVersionUID = 1L;

    public TelephonyException(String message, Throwable cause) {
        super(message, cause);
    }
}
