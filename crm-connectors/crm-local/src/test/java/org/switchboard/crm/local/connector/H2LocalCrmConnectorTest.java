package org.switchboard.crm.local.connector;

import javax.sql.DataSource;
import org.switchboard.jdbc.testing.TestDatabases;

class H2LocalCrmConnectorTest extends LocalCrmConnectorContract {
    @Override
    DataSource emptyDatabase() {
        return TestDatabases.h2();
    }
}
