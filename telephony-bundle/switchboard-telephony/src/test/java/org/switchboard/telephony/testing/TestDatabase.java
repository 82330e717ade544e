package org.switchboard.telephony.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.switchboard.telephony.callback.TelephonySchema;

/** A fresh in-memory H2 database with the telephony tables, made by the bundle's own Liquibase changelog. */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static DataSource withSchema() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:telephony-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        TelephonySchema.update(dataSource);
        return dataSource;
    }
}
