package org.switchboard.crm.local.connector;

import java.sql.SQLException;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmException.Disposition;

/**
 * Turns database failures into {@link CrmException}s the outbox understands: data and constraint
 * problems (SQLSTATE classes 22 and 23) will fail the same way again, so they are rejected; anything
 * else (connection lost, pool exhausted, lock timeout, database shutting down) is passing, so it is
 * retried. Rejection messages never quote the database's own text, which can contain the values
 * (message bodies, addresses) that were refused.
 */
final class Failures {
    private Failures() {
    }

    static CrmException of(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22")) {
            return new CrmException(Disposition.REJECT,
                    "The local CRM could not " + action + ": a value does not fit its column (SQLSTATE " + state + ")", e);
        }
        if (state.startsWith("23")) {
            return new CrmException(Disposition.REJECT,
                    "The local CRM could not " + action + ": a database constraint refused it (SQLSTATE " + state + ")", e);
        }
        return CrmException.retry("The local CRM could not " + action + ", its database failed: " + e.getMessage(), e);
    }
}
