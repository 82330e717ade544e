package org.switchboard.core.service;

import java.sql.SQLException;
import org.switchboard.api.spi.StoreUnavailableException;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.SqlWork;

/** Runs store work for a service call, turning a store failure into {@link StoreUnavailableException}. */
final class StoreCalls {
    private StoreCalls() {
    }

    static <T> T read(Database database, SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the store is unavailable: " + e.getMessage(), e);
        }
    }

    static <T> T write(Database database, SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the store could not commit: " + e.getMessage(), e);
        }
    }
}
