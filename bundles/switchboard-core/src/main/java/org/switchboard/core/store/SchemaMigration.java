package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Liquibase.
 *
 * <p>Two conventions every Switchboard bundle that runs Liquibase on the shared store follows
 * (crm-local does too): the update holds the monitor of {@code liquibase.Scope.class}, because
 * Liquibase 4.33 is not safe for two updates at once in one JVM (it creates its changelog table
 * before it takes its lock, and its clean-up resets every lock service of the JVM); and, in OSGi,
 * the thread's context class loader is Liquibase's own for the duration (Liquibase finds its own
 * services through it), while the changelog is read through a {@link ClassLoaderResourceAccessor}
 * on the owning bundle's class loader. Nodes that share a PostgreSQL database can still meet on an
 * empty one: a failed update is tried again.
 */
public final class SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    private static final int ATTEMPTS = 3;
    private static final long LOCK_POLL_SECONDS = 1;

    private SchemaMigration() {
    }

    /**
     * Applies the changelog's missing change sets; a no-op when there are none.
     *
     * @param loader the class loader that holds the changelog (the owning bundle's)
     */
    public static void migrate(DataSource dataSource, String changelog, ClassLoader loader) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                synchronized (Scope.class) {
                    migrateOnce(dataSource, changelog, loader);
                }
                return;
            } catch (SQLException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.info("Bringing the schema up to date failed (attempt {} of {}), trying again: {}", attempt, ATTEMPTS,
                        e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void migrateOnce(DataSource dataSource, String changelog, ClassLoader loader) throws SQLException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Scope.class.getClassLoader());
        try (Connection c = dataSource.getConnection()) {
            liquibase.database.Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            LoggerUIService ui = new LoggerUIService();
            ui.setErrorLogLevel(Level.WARNING);
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                    Scope.Attr.ui.name(), ui,
                    AnalyticsArgs.ENABLED.getKey(), false,
                    GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), LOCK_POLL_SECONDS);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("Could not bring the schema up to date with " + changelog + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
