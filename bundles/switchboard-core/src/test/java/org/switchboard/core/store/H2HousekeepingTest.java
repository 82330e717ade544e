package org.switchboard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.support.TestStore;

class H2HousekeepingTest {
    /** Commits of one row each, as the contact writer makes when contacts come one at a time. */
    private static final int COMMITS = 3000;

    @TempDir
    Path folder;

    @Test
    void keepsTheFileOfAStoreThatCommitsOneRowAtATimeSmall() throws Exception {
        long without;
        try (TestStore store = TestStore.h2(folder.resolve("without"))) {
            commitOneAtATime(store, null);
            // what it is for: H2 leaves most of its file dead when every commit is written
            assertThat(liveChunks(store)).isLessThan(30);
            without = fileSize(folder.resolve("without"));
        }
        try (TestStore store = TestStore.h2(folder.resolve("with"));
             H2Housekeeping housekeeping = H2Housekeeping.startIfEmbeddedH2(store.dataSource(), Dialect.H2, Duration.ofDays(1))
                     .orElseThrow()) {
            commitOneAtATime(store, housekeeping);
            assertThat(liveChunks(store)).isGreaterThanOrEqualTo(50);
            assertThat(store.count("SELECT COUNT(*) FROM item")).isEqualTo(COMMITS);
            assertThat(store.count("SELECT n FROM counter")).isEqualTo(COMMITS);
            assertThat(fileSize(folder.resolve("with"))).isLessThan(without / 3);
        }
    }

    @Test
    void leavesAnInMemoryDatabaseAlone() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1");
        try (Connection keepOpen = memory.getConnection()) {
            assertThat(H2Housekeeping.startIfEmbeddedH2(memory, Dialect.H2, Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void leavesPostgresqlAlone() throws Exception {
        // PostgreSQL compacts by itself (autovacuum): the dialect alone decides, even for a pool that is an H2 file
        try (TestStore store = TestStore.h2(folder.resolve("postgresql"))) {
            assertThat(H2Housekeeping.startIfEmbeddedH2(store.dataSource(), Dialect.POSTGRESQL, Duration.ofSeconds(1))).isEmpty();
        }
    }

    /** A table with an index that grows by one row per commit, and a counter row changed by every commit. */
    private static void commitOneAtATime(TestStore store, H2Housekeeping housekeeping) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            // chunks are reused as soon as they are dead, so that only the dead space H2 cannot reuse remains
            s.execute("SET RETENTION_TIME 0");
            s.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(200), at BIGINT)");
            s.execute("CREATE INDEX item_at ON item (at, id)");
            s.execute("CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT)");
            s.execute("INSERT INTO counter VALUES (1, 0)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?)");
                 PreparedStatement count = c.prepareStatement("UPDATE counter SET n = n + 1 WHERE id = 1")) {
                for (int i = 1; i <= COMMITS; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "Item number " + i + " with a name of some length");
                    insert.setLong(3, i * 7L);
                    insert.executeUpdate();
                    count.executeUpdate();
                    c.commit();
                    if (housekeeping != null && i % 50 == 0) {
                        housekeeping.step();
                    }
                }
            }
        }
    }

    /** How much of H2's chunks is live, in percent, as H2 reports it. */
    private static int liveChunks(TestStore store) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("H2 reports info.CHUNKS_FILL_RATE").isTrue();
            return Integer.parseInt(rs.getString(1));
        }
    }

    private static long fileSize(Path folder) throws Exception {
        return Files.size(folder.resolve("switchboard.mv.db"));
    }
}
