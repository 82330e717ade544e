package org.switchboard.crm.local.store;

import javax.sql.DataSource;
import org.switchboard.jdbc.SchemaUpdate;

/**
 * Creates and updates the local CRM's tables with Liquibase, from {@value #CHANGELOG}, under the conventions of
 * {@link SchemaUpdate} (one update at a time in the JVM, retried when nodes meet on an empty database).
 */
public final class LocalCrmSchema {
    /** The changelog's path in this bundle, also its logical path in {@code DATABASECHANGELOG}. */
    public static final String CHANGELOG = "org/switchboard/crm/local/db/changelog.xml";

    private LocalCrmSchema() {
    }

    /**
     * Brings the tables up to date; a no-op when they are.
     *
     * @throws IllegalStateException the update failed (database unreachable, lock not obtained within
     *                               Liquibase's wait time, …)
     */
    public static void update(DataSource dataSource) {
        SchemaUpdate.apply(dataSource, CHANGELOG, LocalCrmSchema.class.getClassLoader(), "the local CRM's tables");
    }
}
