package org.switchboard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.switchboard.api.RoutingMode;
import org.switchboard.core.Core;
import org.switchboard.core.support.TestStore;
import org.switchboard.jdbc.SchemaUpdate;

/**
 * A backlog on PostgreSQL whose statistics were taken while nothing was pending (as autovacuum does
 * at a quiet moment): processing finds each interaction by its primary key, not by scanning every
 * pending one through the customer index. That scan made each update read the whole backlog.
 */
@EnabledIfEnvironmentVariable(named = TestStore.POSTGRES_URL_VARIABLE, matches = ".+")
class InteractionPlansOnPostgresTest {
    private static final int PROCESSED = 2000;
    private static final int PENDING = 3000;
    private static final int UPDATED = 50;

    @Test
    void processingABacklogReadsEachInteractionByItsPrimaryKey() throws Exception {
        try (TestStore store = TestStore.postgres()) {
            SchemaUpdate.apply(store.dataSource(), Core.CHANGELOG, Core.class.getClassLoader(), "the core's tables");
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                insertInteractions(c, 1, PROCESSED, 7L);
                s.execute("ANALYZE sb_interaction"); // nothing pending: customer_id IS NULL looks rare
                insertInteractions(c, PROCESSED + 1, PENDING, null);
                // the plan the driver's prepared statements get after five executions
                s.execute("SET plan_cache_mode = force_generic_plan");
                long before = customerIndexScans(c);

                List<InteractionTable.Processed> items = new ArrayList<>();
                for (long id = PROCESSED + 1; id <= PROCESSED + UPDATED; id++) {
                    items.add(new InteractionTable.Processed(id, RoutingMode.CORE, 42L, 43L, "support", null, Instant.now()));
                }
                c.setAutoCommit(false);
                InteractionTable.ProcessedResult result = InteractionTable.processed(c, items);
                c.commit();
                c.setAutoCommit(true);

                assertThat(result.queued()).hasSize(UPDATED);
                assertThat(customerIndexScans(c) - before).as("scans of the customer index").isZero();
            }
            assertThat(store.count("SELECT COUNT(*) FROM sb_interaction WHERE customer_id IS NULL")).isEqualTo(PENDING - UPDATED);
        }
    }

    private static void insertInteractions(Connection c, long firstId, int count, Long customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_interaction (id, channel, direction, routing, state, "
                + "customer_id, created_at) VALUES (?, 'webhook', 'INBOUND', 'CORE', ?, ?, ?)")) {
            for (long id = firstId; id < firstId + count; id++) {
                ps.setLong(1, id);
                ps.setString(2, customerId == null ? "NEW" : "CLOSED");
                ps.setObject(3, customerId);
                ps.setLong(4, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Index scans of the customer index so far, as PostgreSQL's statistics count them. */
    private static long customerIndexScans(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_force_next_flush()");
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT idx_scan FROM pg_stat_user_indexes "
                    + "WHERE indexrelname = 'sb_interaction_customer_ix' AND schemaname = current_schema()")) {
                assertThat(rs.next()).as("statistics of sb_interaction_customer_ix").isTrue();
                return rs.getLong(1);
            }
        }
    }
}
