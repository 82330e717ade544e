package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection; may throw {@link SQLException}. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
