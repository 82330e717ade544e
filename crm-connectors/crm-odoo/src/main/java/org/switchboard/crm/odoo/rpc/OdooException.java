package org.switchboard.crm.odoo.rpc;

import org.switchboard.api.spi.CrmException;

/**
 * A failed Odoo call, with the Python exception Odoo named ({@code data.name} of the JSON-RPC error,
 * e.g. {@code odoo.exceptions.ValidationError}), or {@code null} when the call never got an answer.
 */
public final class OdooException extends CrmException {
    private static final long serialVersionUID = 1L;

    public static final String ACCESS_DENIED = "odoo.exceptions.AccessDenied";

    private final String fault;

    OdooException(Disposition disposition, String fault, String message, Throwable cause) {
        super(disposition, message, cause);
        this.fault = fault;
    }

    /** The Python exception class Odoo raised, or {@code null} for transport failures. */
    public String fault() {
        return fault;
    }

    /** Odoo refused the credentials (a wrong or revoked API key). */
    public boolean isAccessDenied() {
        return ACCESS_DENIED.equals(fault);
    }
}
