package org.switchboard.channel.email.store;

import javax.sql.DataSource;
import org.switchboard.jdbc.testing.TestDatabases;

class H2EmailStoreTest extends EmailStoreContract {
    private final DataSource dataSource = TestDatabases.h2();

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
