package org.switchboard.crm.local.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.switchboard.jdbc.testing.TestDatabases;
import org.switchboard.jdbc.testing.TestDatabases.PostgresSchema;

@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class PostgresLocalCrmSchemaTest extends LocalCrmSchemaContract {
    private PostgresSchema schema;

    @Override
    DataSource emptyDatabase() throws Exception {
        schema = TestDatabases.postgres();
        return schema.dataSource();
    }

    @Override
    int changeSets() {
        return 4; // all but H2's two identity caches
    }

    @AfterEach
    void dropSchema() throws Exception {
        schema.close();
    }
}
