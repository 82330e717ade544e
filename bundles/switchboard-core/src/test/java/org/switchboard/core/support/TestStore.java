package org.switchboard.core.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Databases for tests: an H2 file database in a temporary folder, or the PostgreSQL CI provides. */
public final class TestStore implements AutoCloseable {
    /** Set by .ci/run: a JDBC URL with user and password of an empty PostgreSQL database tests may wipe. */
    public static final String POSTGRES_URL_VARIABLE = "SWITCHBOARD_TEST_PG_URL";

    private final HikariDataSource dataSource;

    private TestStore(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(16);
        config.setPoolName("test-store");
        this.dataSource = new HikariDataSource(config);
    }

    public static TestStore h2(Path folder) {
        return new TestStore("jdbc:h2:file:" + folder.resolve("switchboard").toAbsolutePath() + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
    }

    /** A clean PostgreSQL schema: everything of earlier runs dropped. */
    public static TestStore postgres() throws SQLException {
        TestStore store = new TestStore(System.getenv(POSTGRES_URL_VARIABLE));
        try (Connection c = store.dataSource.getConnection(); Statement s = c.createStatement()) {
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
