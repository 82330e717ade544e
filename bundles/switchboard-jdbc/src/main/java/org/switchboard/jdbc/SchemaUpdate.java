package org.switchboard.jdbc;

import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import javax.sql.DataSource;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a bundle's tables up to date with its own Liquibase changelog.
 *
 * <p>The core and other bundles run their own changelogs on the same database, possibly at the same
 * moment, and each changelog's own path keeps them apart in {@code DATABASECHANGELOG}. Liquibase's lock
 * table ({@code DATABASECHANGELOGLOCK}) serializes updates from different JVMs, but not two updates in one
 * JVM: Liquibase 4.33 creates {@code DATABASECHANGELOG} before it takes that lock, and the update
 * command's clean-up resets every lock service of the JVM, so concurrent updates in one JVM fail
 * ("table already exists") or leave the lock taken for good. Hence: <b>the update holds the monitor of
 * {@code liquibase.Scope.class}</b> for its whole duration. That class is the same for every bundle wired
 * to the Liquibase bundle, and Liquibase itself never locks on it; this class would not do, as each bundle
 * has a private copy of it. Updates from other nodes sharing a PostgreSQL database can still meet on an
 * empty database: a failed update is tried again, {@value #ATTEMPTS} times in all.
 *
 * <p>In OSGi, Liquibase finds its own services (log service, database implementations, change types)
 * with {@link java.util.ServiceLoader} on the thread's context class loader, and the changelog through
 * its resource accessor. So, for the duration of the update, the context class loader is Liquibase's own
 * bundle's, and the resource accessor a {@link ClassLoaderResourceAccessor} on the owning bundle's class
 * loader. (With the owning bundle's loader as context class loader, Liquibase's first use on a thread
 * fails in Karaf with "Cannot find default log service".)
 */
public final class SchemaUpdate {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpdate.class);
    private static final int ATTEMPTS = 3;
    private static final long PAUSE_BEFORE_RETRY_MILLIS = 500;
    /** Seconds between two looks at the lock while another update holds it (Liquibase's default is 10). */
    private static final long LOCK_POLL_SECONDS = 1;

    private SchemaUpdate() {
    }

    /**
     * Applies the changelog's missing change sets; a no-op when there are none.
     *
     * @param changelog the changelog's path in {@code loader}, also its logical path in
     *                  {@code DATABASECHANGELOG}
     * @param loader    the class loader that holds the changelog: the owning bundle's
     * @param tables    what the changelog makes, for the log and the error ("the email channel's tables")
     * @throws IllegalStateException the update failed (database unreachable, lock not obtained within
     *                               Liquibase's wait time, a change set failed, …)
     */
    public static void apply(DataSource dataSource, String changelog, ClassLoader loader, String tables) {
        for (int attempt = 1; ; attempt++) {
            try {
                synchronized (Scope.class) {
                    applyOnce(dataSource, changelog, loader);
                }
                LOG.info("Up to date: {} ({})", tables, changelog);
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("Could not create or update " + tables + ": " + e.getMessage(), e);
                }
                // expected when another node's first update meets this one, so not a warning
                LOG.info("Updating {} failed (attempt {} of {}), trying again: {}", tables, attempt, ATTEMPTS,
                        e.getMessage());
                pause(tables);
            }
        }
    }

    @SuppressWarnings("try") // ClassLoaderResourceAccessor.close() declares Exception
    private static void applyOnce(DataSource dataSource, String changelog, ClassLoader loader) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Scope.class.getClassLoader());
        try (Connection connection = dataSource.getConnection();
             ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(loader)) {
            // a failed attempt is no error yet: the last one is thrown, and the caller reports it
            LoggerUIService ui = new LoggerUIService();
            ui.setErrorLogLevel(Level.WARNING);
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), resources,
                    Scope.Attr.ui.name(), ui,
                    AnalyticsArgs.ENABLED.getKey(), false,
                    GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), LOCK_POLL_SECONDS);
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void pause(String tables) {
        try {
            Thread.sleep(PAUSE_BEFORE_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while updating " + tables, e);
        }
    }
}
