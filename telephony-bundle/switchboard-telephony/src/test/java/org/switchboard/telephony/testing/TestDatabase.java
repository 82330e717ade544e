package org.switchboard.telephony.testing;

import javax.sql.DataSource;
import org.switchboard.jdbc.testing.TestDatabases;
import org.switchboard.telephony.callback.TelephonySchema;

/** A fresh in-memory H2 database with the telephony tables, made by the bundle's own Liquibase changelog. */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static DataSource withSchema() {
        DataSource dataSource = TestDatabases.h2();
        TelephonySchema.update(dataSource);
        return dataSource;
    }
}
