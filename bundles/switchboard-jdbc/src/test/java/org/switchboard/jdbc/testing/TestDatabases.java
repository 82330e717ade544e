package org.switchboard.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Empty databases for tests: H2 in memory, or a fresh schema in the PostgreSQL of {@value #PG_URL_VARIABLE}. */
public final class TestDatabases {
    /** A JDBC URL with user and password; PostgreSQL tests run only when it is set. */
    public static final String PG_URL_VARIABLE = "SWITCHBOARD_TEST_PG_URL";

    private TestDatabases() {
    }

    /** A new, empty in-memory H2 database that lives until the JVM ends. */
    public static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** A new, empty schema in the test PostgreSQL; close it to drop it. */
    public static PostgresSchema postgres() throws SQLException {
        return new PostgresSchema(System.getenv(PG_URL_VARIABLE));
    }

    public static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A schema of its own in the test PostgreSQL, so tests never see each other's rows. */
    public static final class PostgresSchema implements AutoCloseable {
        private final String url;
        private final String name = "switchboard_test_" + UUID.randomUUID().toString().replace("-", "");
        private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

        PostgresSchema(String url) throws SQLException {
            this.url = url;
            execute("CREATE SCHEMA " + name);
            dataSource.setURL(url);
            dataSource.setCurrentSchema(name);
        }

        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        public void close() throws SQLException {
            execute("DROP SCHEMA " + name + " CASCADE");
        }

        private void execute(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
