package org.switchboard.channel.email.store;

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
 * Creates and updates the email channel's tables with Liquibase, from {@value #CHANGELOG}.
 *
 * <p>The core runs its own changelog on the same database, possibly at the same moment, and its
 * changelog's own path keeps the two apart in {@code DATABASECHANGELOG}. Liquibase's lock table
 * ({@code DATABASECHANGELOGLOCK}) serializes updates from different JVMs, but not two updates in one
 * JVM: Liquibase 4.33 creates {@code DATABASECHANGELOG} before it takes that lock, and the update
 * command's clean-up resets every lock service of the JVM, so concurrent updates in one JVM fail
 * ("table already exists") or leave the lock taken for good. Hence the convention for every
 * Switchboard bundle that runs Liquibase: <b>hold the monitor of {@code liquibase.Scope.class}
 * for the whole update</b> (the class is the same for every bundle wired to the Liquibase bundle,
 * and Liquibase itself never locks on it). Updates from other nodes sharing a PostgreSQL database can
 * still meet on an empty database: a failed update is tried again, {@value #ATTEMPTS} times in all.
 *
 * <p>In OSGi, Liquibase finds its own services (log service, database implementations, change
 * types) with {@link java.util.ServiceLoader} on the thread's context class loader, and the
 * changelog through its resource accessor. So, for the duration of the update, the context class
 * loader is Liquibase's own bundle's, and the resource accessor a {@link ClassLoaderResourceAccessor}
 * on this bundle's class loader. (With this bundle's loader as context class loader, Liquibase's
 * first use on a thread fails in Karaf with "Cannot find default log service".)
 */
public final class EmailSchema {
    /** The changelog's path in this bundle, also its logical path in {@code DATABASECHANGELOG}. */
    public static final String CHANGELOG = "org/switchboard/channel/email/db/changelog.xml";

    private static final Logger LOG = LoggerFactory.getLogger(EmailSchema.class);
    private static final int ATTEMPTS = 3;
    private static final long PAUSE_BEFORE_RETRY_MILLIS = 500;
    /** Seconds between two looks at the lock while another update holds it (Liquibase's default is 10). */
    private static final long LOCK_POLL_SECONDS = 1;

    private EmailSchema() {
    }

    /**
     * Brings the tables up to date; a no-op when they are.
     *
     * @throws IllegalStateException the update failed (database unreachable, lock not obtained within
     *                               Liquibase's wait time, …)
     */
    public static void update(DataSource dataSource) {
        for (int attempt = 1; ; attempt++) {
            try {
                synchronized (Scope.class) {
                    updateOnce(dataSource);
                }
                LOG.info("Email channel tables are up to date");
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(
                            "Could not create or update the email channel's tables: " + e.getMessage(), e);
                }
                // expected when another node's first update meets this one, so not a warning
                LOG.info("Updating the email channel's tables failed (attempt {} of {}), trying again: {}",
                        attempt, ATTEMPTS, e.getMessage());
                pause();
            }
        }
    }

    @SuppressWarnings("try") // ClassLoaderResourceAccessor.close() declares Exception
    private static void updateOnce(DataSource dataSource) throws Exception {
        ClassLoader bundleLoader = EmailSchema.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Scope.class.getClassLoader());
        try (Connection connection = dataSource.getConnection();
             ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(bundleLoader)) {
            // a failed attempt is no error yet: the last one is thrown, and DS logs it
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
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_BEFORE_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while updating the email channel's tables", e);
        }
    }
}
