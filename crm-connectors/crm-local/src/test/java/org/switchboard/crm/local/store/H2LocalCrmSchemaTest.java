package org.switchboard.crm.local.store;

import javax.sql.DataSource;
import org.switchboard.jdbc.testing.TestDatabases;

class H2LocalCrmSchemaTest extends LocalCrmSchemaContract {
    @Override
    DataSource emptyDatabase() {
        return TestDatabases.h2();
    }

    @Override
    int changeSets() {
        return 6;
    }
}
