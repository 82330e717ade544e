package org.switchboard.jdbc;

import javax.sql.DataSource;
import org.switchboard.jdbc.testing.TestDatabases;

class H2SchemaUpdateTest extends SchemaUpdateContract {
    @Override
    DataSource emptyDatabase() {
        return TestDatabases.h2();
    }
}
