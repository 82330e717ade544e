package org.switchboard.crm.odoo.rpc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Pattern;
import org.switchboard.api.spi.CrmException.Disposition;

/**
 * Sorts Odoo's failures into retry and reject.
 *
 * <p>Odoo answers every RPC with HTTP 200, errors included, and names the Python exception in
 * {@code error.data.name}. The ones that fail the same way when repeated are rejected: bad
 * credentials ({@code AccessDenied}), missing rights ({@code AccessError}), a deleted record
 * ({@code MissingError}), refused values ({@code ValidationError}, {@code UserError}) and the
 * programming errors of an unknown field, model or method ({@code builtins.*}). Database trouble on
 * the server ({@code psycopg2.*}, a serialization failure, a lost connection) and Odoo 18's
 * {@code ConcurrencyError} pass, so they are retried. On the transport level, timeouts, refused
 * connections, 5xx, 429 and 408 are retried, other HTTP errors rejected.
 */
final class Faults {
    static final int MAX_MESSAGE = 400;
    private static final Pattern LEAF = Pattern.compile(" in leaf .*$");
    private static final Pattern EMAIL = Pattern.compile("[^\\s'\"<>(),;]+@[^\\s'\"<>(),;]+");
    private static final Pattern PHONE = Pattern.compile("(\\+|\\b00)\\d[\\d\\s().-]{5,}\\d");

    private Faults() {
    }

    static Disposition of(String fault) {
        if (fault == null) {
            return Disposition.RETRY;
        }
        if (fault.startsWith("psycopg2.") || fault.equals("odoo.exceptions.ConcurrencyError")
                || fault.equals("odoo.exceptions.CacheMiss")) {
            return Disposition.RETRY;
        }
        return Disposition.REJECT;
    }

    static Disposition ofStatus(int status) {
        return status >= 500 || status == 429 || status == 408 ? Disposition.RETRY : Disposition.REJECT;
    }

    static OdooException rpc(String call, String fault, String message) {
        return new OdooException(of(fault), fault,
                "Odoo refused " + call + ": " + shortName(fault) + ": " + shortened(message), null);
    }

    static OdooException http(String call, int status) {
        return new OdooException(ofStatus(status), null, "Odoo answered " + call + " with HTTP " + status, null);
    }

    static OdooException transport(String call, IOException e) {
        String what;
        if (e instanceof HttpTimeoutException) {
            what = "timed out";
        } else if (e instanceof ConnectException) {
            what = "could not connect";
        } else {
            what = "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
        return new OdooException(Disposition.RETRY, null, "Odoo " + call + " " + what, e);
    }

    static OdooException garbled(String call, String why) {
        return new OdooException(Disposition.RETRY, null, "Odoo answered " + call + " with " + why, null);
    }

    static String shortName(String fault) {
        return fault == null ? "error" : fault.substring(fault.lastIndexOf('.') + 1);
    }

    /**
     * Odoo's message on one line, cut, without the values that personal data hides in: a search
     * condition ({@code in leaf ('phone', '=', '+7…')}), email addresses and international numbers.
     * These messages end up in the outbox and in warnings, where such data must not appear.
     */
    static String shortened(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.strip().replaceAll("\\s+", " ");
        oneLine = LEAF.matcher(oneLine).replaceAll(" in a search condition");
        oneLine = EMAIL.matcher(oneLine).replaceAll("<email>");
        oneLine = PHONE.matcher(oneLine).replaceAll("<phone>");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE - 1) + '…';
    }
}
