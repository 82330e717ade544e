package org.switchboard.crm.local.store;

import javax.sql.DataSource;
import org.switchboard.crm.local.TestDatabases;

class H2LocalCrmSchemaTest extends LocalCrmSchemaContract {
    @Override
    DataSource emptyDatabase() {
        return TestDatabases.h2();
    }
}
