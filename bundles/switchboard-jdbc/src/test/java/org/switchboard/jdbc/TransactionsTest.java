package org.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.jdbc.testing.TestDatabases.count;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.jdbc.testing.CrashGate;
import org.switchboard.jdbc.testing.TestDatabases;

/** One short transaction per call, on a real H2 database. */
class TransactionsTest {
    private static final int WRITERS = 6;

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

    /**
     * Writers on several threads change indexed rows, each commit written to the file when it is
     * made (the distribution's {@code WRITE_DELAY=0}), and the process dies in the middle: what H2
     * finds in the file at the next start is whole, each row and its index entries alike, and no row
     * is left locked by a transaction of the dead process. (With commits written in the background or
     * by {@code CHECKPOINT} while other transactions were changing rows, H2 2.4.240 failed this within
     * a few rounds: "Timeout trying to lock table", and in the core "Row not found when trying to
     * delete from index". See README, "The store".)
     */
    @Test
    void aCrashWhileWritersRunLeavesAWholeDatabase(@TempDir Path folder) throws Exception {
        for (int round = 0; round < 8; round++) {
            String url = "jdbc:h2:file:" + folder.resolve("round" + round).toAbsolutePath() + ";WRITE_DELAY=0";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE rows (id INT PRIMARY KEY, agent VARCHAR(20), state VARCHAR(20), n INT)");
                s.execute("CREATE INDEX rows_agent ON rows (agent)");
                s.execute("CREATE INDEX rows_state ON rows (state, id)");
                s.execute("INSERT INTO rows SELECT x, NULL, 'NEW', 0 FROM SYSTEM_RANGE(0, 2999)");
            }
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
            AtomicBoolean crashed = new AtomicBoolean();
            DataSource file = CrashGate.refusingAfter(crashed, pool);
            try {
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    threads.execute(() -> changeRows(file, writer, stop));
                }
                Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> count(file, "SELECT SUM(n) FROM rows") >= 5000);
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    crashed.set(true);
                    s.execute("SHUTDOWN IMMEDIATELY"); // closes the file at once, writing nothing more
                }
                stop.set(true);
                threads.shutdown();
                assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                pool.dispose();
            }
            // every row's index entries are there to be changed, and no row is held by a transaction of the dead process
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SET LOCK_TIMEOUT 2000");
                assertThat(s.executeUpdate("UPDATE rows SET agent = COALESCE(agent, '') || 'x', state = 'DONE'"))
                        .as("round %d", round).isEqualTo(3000);
                s.execute("SHUTDOWN");
            }
        }
    }

    /** Changes indexed columns of this writer's rows (its own, so writers do not wait for each other) until stopped. */
    private static void changeRows(DataSource file, int writer, AtomicBoolean stop) {
        Random random = new Random(writer);
        while (!stop.get()) {
            try {
                Transactions.inTransaction(file, c -> {
                    try (PreparedStatement update = c.prepareStatement("UPDATE rows SET agent = ?, state = ?, n = n + 1 WHERE id = ?")) {
                        for (int k = 0; k < 5; k++) {
                            update.setString(1, "agent" + random.nextInt(50));
                            update.setString(2, random.nextBoolean() ? "QUEUED" : "OFFERED");
                            update.setInt(3, writer + WRITERS * random.nextInt(3000 / WRITERS));
                            update.executeUpdate();
                        }
                    }
                    return null;
                });
            } catch (SQLException e) {
                return; // the crash
            }
        }
    }

    private static int insert(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO things (id, name) VALUES (" + id + ", 'thing')");
        }
    }
}
