package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the schema up to date with Liquibase. In OSGi, Liquibase finds its changelog and its
 * own services through the class loader given here (the owning bundle's), which is also set as
 * the thread context class loader while it runs.
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    public static void migrate(DataSource dataSource, String changelog, ClassLoader loader) throws SQLException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (Connection c = dataSource.getConnection()) {
            liquibase.database.Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader));
            scope.put(Scope.Attr.classLoader.name(), loader);
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            scope.put("liquibase.analytics.enabled", Boolean.FALSE);
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
