package org.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.jdbc.testing.TestDatabases.count;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    private static int insert(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO things (id, name) VALUES (" + id + ", 'thing')");
        }
    }
}
