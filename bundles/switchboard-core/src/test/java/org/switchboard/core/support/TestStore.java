package org.switchboard.core.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.switchboard.jdbc.H2Settings;
import org.switchboard.jdbc.testing.CrashGate;

/** Databases for tests: an H2 file database in a temporary folder, or the PostgreSQL CI provides. */
public final class TestStore implements AutoCloseable {
    /** Set by .ci/run: a JDBC URL with user and password of an empty PostgreSQL database tests may wipe. */
    public static final String POSTGRES_URL_VARIABLE = "SWITCHBOARD_TEST_PG_URL";

    /** H2's error code for "Database is already closed". */
    private static final int DATABASE_CLOSED = 90121;

    private final HikariDataSource pool;
    /** What the code under test gets: the pool, until a {@link #crash()}. */
    private final DataSource dataSource;
    private final AtomicBoolean crashed = new AtomicBoolean();

    private TestStore(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(16);
        // no connections opened in the background: after a crash, none may open the database again
        config.setMinimumIdle(0);
        config.setPoolName("test-store");
        this.pool = new HikariDataSource(config);
        this.dataSource = CrashGate.refusingAfter(crashed, pool);
    }

    /** The H2 file database in {@code folder}, set up as the distribution's (every commit written when it is made). */
    public static TestStore h2(Path folder) {
        return new TestStore("jdbc:h2:file:" + folder.resolve("switchboard").toAbsolutePath() + H2Settings.SHIPPED);
    }

    /** A clean PostgreSQL schema: everything of earlier runs dropped. */
    public static TestStore postgres() throws SQLException {
        TestStore store = new TestStore(System.getenv(POSTGRES_URL_VARIABLE));
        try (Connection c = store.pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        return store;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** One number from the database, for assertions. */
    public long count(String sql, Object... args) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A crash, as far as the database file can tell: from now on nobody gets a connection, and H2
     * closes the file at once without writing what it had not written yet ({@code SHUTDOWN
     * IMMEDIATELY}), whatever transactions are running. The code under test goes on running and
     * meets errors, as the threads of a dying process would.
     */
    public void crash() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            crashed.set(true);
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            if (e.getErrorCode() != DATABASE_CLOSED) { // what H2 answers the statement that closed it
                throw e;
            }
        } finally {
            pool.close();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
