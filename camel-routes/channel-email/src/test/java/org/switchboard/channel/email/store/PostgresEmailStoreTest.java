package org.switchboard.channel.email.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.switchboard.jdbc.testing.TestDatabases;

/** Runs when {@value TestDatabases#PG_URL_VARIABLE} names a PostgreSQL (a schema of its own per test). */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class PostgresEmailStoreTest extends EmailStoreContract {
    private TestDatabases.PostgresSchema schema;

    @Override
    protected DataSource dataSource() {
        if (schema == null) {
            try {
                schema = TestDatabases.postgres();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return schema.dataSource();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.close();
    }
}
