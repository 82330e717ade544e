package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store runs on, and the little that differs between them. */
public enum Dialect {
    H2, POSTGRESQL;

    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("Switchboard's store runs on H2 or PostgreSQL, not on " + product);
    }
}
