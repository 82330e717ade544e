package org.switchboard.crm.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.jdbc.testing.TestDatabases.count;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.local.TestClock;

/**
 * The local CRM's changelog on a real, empty database: subclasses give the database. (That it runs beside
 * other bundles' changelogs on the same database is {@code SchemaUpdateContract}'s, in switchboard-jdbc.)
 */
abstract class LocalCrmSchemaContract {
    private DataSource dataSource;

    abstract DataSource emptyDatabase() throws Exception;

    /** How many of the changelog's change sets run on this database (some are for one database only). */
    abstract int changeSets();

    @BeforeEach
    void createDatabase() throws Exception {
        dataSource = emptyDatabase();
    }

    @Test
    void createsTheTablesOnAnEmptyDatabase() throws Exception {
        LocalCrmSchema.update(dataSource);

        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_entries")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM databasechangelog WHERE filename = '"
                + LocalCrmSchema.CHANGELOG + "'")).isEqualTo(changeSets());
    }

    @Test
    void changesNothingTheSecondTime() throws Exception {
        LocalCrmSchema.update(dataSource);
        new TicketStore(dataSource, new TestClock()).openOnce(new NewTicket("key-1", null, 1, "Kept"),
                new NewEntry("key-1#opened", 1, null, "NOTE", null, null, "Kept", null, null, TestClock.START),
                new TicketNumbers("SB-", 6));

        LocalCrmSchema.update(dataSource);

        assertThat(count(dataSource, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(changeSets());
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(1);
    }
}
