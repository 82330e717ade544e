package org.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.jdbc.testing.TestDatabases.count;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.jdbc.testing.TestDatabases;

/** One short transaction per call, on a real H2 database. */
class TransactionsTest {
    private final DataSource dataSource = TestDatabases.h2();

    @BeforeEach
    void createTable() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE things (id INT PRIMARY KEY, name VARCHAR(20))");
        }
    }

    @Test
    void whatTheWorkWroteIsCommittedWhenItReturns() throws Exception {
        int written = Transactions.inTransaction(dataSource, c -> insert(c, 1) + insert(c, 2));

        assertThat(written).isEqualTo(2);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM things")).isEqualTo(2);
    }

    @Test
    void nothingTheWorkWroteStaysWhenItThrows() throws Exception {
        assertThatThrownBy(() -> Transactions.inTransaction(dataSource, c -> {
            insert(c, 1);
            return insert(c, 1);
        })).isInstanceOf(SQLException.class);

        assertThat(count(dataSource, "SELECT COUNT(*) FROM things")).isZero();
    }

    @Test
    void nothingTheWorkWroteStaysWhenItFailsWithARuntimeException() throws Exception {
        assertThatThrownBy(() -> Transactions.inTransaction(dataSource, c -> {
            insert(c, 1);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(count(dataSource, "SELECT COUNT(*) FROM things")).isZero();
    }

    @Test
    void aSecondRowWithTheSameKeyIsAUniqueViolation() throws Exception {
        Transactions.inTransaction(dataSource, c -> insert(c, 1));

        assertThatThrownBy(() -> Transactions.inTransaction(dataSource, c -> insert(c, 1)))
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(Transactions.isUniqueViolation(e)).as("unique violation").isTrue());
        assertThat(Transactions.isUniqueViolation(new SQLException("timeout", "08006"))).isFalse();
    }

    @Test
    void aBatchThatHitsAKeyTakenBeforeIsAUniqueViolation() throws Exception {
        Transactions.inTransaction(dataSource, c -> insert(c, 2));

        assertThatThrownBy(() -> Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement batch = c.prepareStatement("INSERT INTO things (id, name) VALUES (?, 'thing')")) {
                for (int id = 1; id <= 3; id++) {
                    batch.setInt(1, id);
                    batch.addBatch();
                }
                return batch.executeBatch().length;
            }
        })).isInstanceOfSatisfying(BatchUpdateException.class,
                e -> assertThat(Transactions.isUniqueViolation(e)).as("unique violation").isTrue());
        assertThat(Transactions.isUniqueViolation(new BatchUpdateException("batch failed", "HY000", new int[0])))
                .isFalse();
    }

    @Test
    void aDurableCommitIsInTheFileAfterACrashAndADeferredOneOnlyOnceADurableOneFollowed(@TempDir Path folder)
            throws Exception {
        JdbcDataSource file = new JdbcDataSource();
        // a minute's write delay: nothing reaches the file in the background during the test
        file.setURL("jdbc:h2:file:" + folder.resolve("things").toAbsolutePath() + ";WRITE_DELAY=60000");
        try (Connection keepOpen = file.getConnection(); Statement s = keepOpen.createStatement()) {
            s.execute("CREATE TABLE things (id INT PRIMARY KEY, name VARCHAR(20))");
            Transactions.inTransaction(file, c -> insert(c, 1));
            Transactions.inDeferredTransaction(file, c -> insert(c, 2));
            assertThat(count(file, "SELECT COUNT(*) FROM things")).as("a deferred commit is seen at once").isEqualTo(2);
            crash(s);
        }
        assertThat(ids(file)).containsExactly(1);

        try (Connection keepOpen = file.getConnection(); Statement s = keepOpen.createStatement()) {
            Transactions.inDeferredTransaction(file, c -> insert(c, 3));
            Transactions.inTransaction(file, c -> insert(c, 4));
            crash(s);
        }
        assertThat(ids(file)).containsExactly(1, 3, 4);
    }

    /** Closes the database at once, writing nothing it has not written yet. */
    private static void crash(Statement s) throws SQLException {
        s.execute("SHUTDOWN IMMEDIATELY");
    }

    private static List<Integer> ids(DataSource dataSource) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id FROM things ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private static int insert(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO things (id, name) VALUES (" + id + ", 'thing')");
        }
    }
}
