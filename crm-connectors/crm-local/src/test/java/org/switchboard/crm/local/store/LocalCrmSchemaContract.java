package org.switchboard.crm.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.crm.local.TestDatabases.count;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.local.TestClock;

/** The local CRM's changelog on a real, empty database: subclasses give the database. */
abstract class LocalCrmSchemaContract {
    private static final String OTHER_CHANGELOG = "org/switchboard/crm/local/store/other-changelog.xml";

    private DataSource dataSource;

    abstract DataSource emptyDatabase() throws Exception;

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
                + LocalCrmSchema.CHANGELOG + "'")).isEqualTo(3);
    }

    @Test
    void changesNothingTheSecondTime() throws Exception {
        LocalCrmSchema.update(dataSource);
        new TicketStore(dataSource, new TestClock()).openOnce(new NewTicket("key-1", null, 1, "Kept"),
                new NewEntry("key-1#opened", 1, null, "NOTE", null, null, "Kept", null, null, TestClock.START),
                new TicketNumbers("SB-", 6));

        LocalCrmSchema.update(dataSource);

        assertThat(count(dataSource, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(3);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(1);
    }

    @Test
    void runsBesideAnotherChangelogUpdatingTheSameDatabase() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> local = threads.submit(() -> {
                start.await();
                LocalCrmSchema.update(dataSource);
                return null;
            });
            Future<?> other = threads.submit(() -> {
                start.await();
                updateWithOtherChangelog(dataSource);
                return null;
            });
            start.countDown();
            local.get(60, TimeUnit.SECONDS);
            other.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM other_things")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(4);
    }

    /** What the core does with its own changelog: it holds the same monitor as the local CRM's update. */
    private static void updateWithOtherChangelog(DataSource dataSource) {
        try {
            synchronized (Scope.class) {
                updateOnceWithOtherChangelog(dataSource);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("try") // ClassLoaderResourceAccessor.close() declares Exception
    private static void updateOnceWithOtherChangelog(DataSource dataSource) throws Exception {
        ClassLoader loader = LocalCrmSchemaContract.class.getClassLoader();
        try (Connection connection = dataSource.getConnection();
             ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(loader)) {
            Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), resources,
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG,
                            DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)))
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, OTHER_CHANGELOG)
                    .execute());
        }
    }
}
