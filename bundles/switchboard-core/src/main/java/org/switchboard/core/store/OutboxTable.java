package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.api.service.OutboxCommand.State;
import org.switchboard.jdbc.InLists;

/** {@code sb_outbox}: CRM and channel writes waiting, done or failed. */
public final class OutboxTable {
    private static final int IN_CHUNK = 500;
    private static final String COLUMNS = "o.id, o.target, o.kind, o.sequence_key, o.idempotency_key, o.conversation_id, "
            + "o.interaction_id, o.argument, o.state, o.attempts, o.next_attempt_at, o.last_error, o.created_at";

    /** A stored command. */
    public record Row(long id, String target, String kind, String sequenceKey, String idempotencyKey, Long conversationId,
                      Long interactionId, String argument, State state, int attempts, Instant nextAttemptAt,
                      String lastError, Instant createdAt) {

        public OutboxCommand view() {
            return new OutboxCommand(id, target, kind, state, attempts, nextAttemptAt, lastError, conversationId, createdAt);
        }
    }

    /** A command to store. */
    public record NewCommand(String target, String kind, String sequenceKey, String idempotencyKey, Long conversationId,
                             Long interactionId, String argument) {
    }

    private OutboxTable() {
    }

    /** Stores commands; returns their ids in order. */
    public static List<Long> insert(Connection c, IdAllocator ids, List<NewCommand> commands, Instant at) throws SQLException {
        List<Long> result = new ArrayList<>(commands.size());
        if (commands.isEmpty()) {
            return result;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_outbox (id, target, kind, sequence_key, idempotency_key, "
                + "conversation_id, interaction_id, argument, state, attempts, next_attempt_at, created_at, updated_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,0,?,?,?)")) {
            for (NewCommand n : commands) {
                long id = ids.next(c);
                result.add(id);
                ps.setLong(1, id);
                ps.setString(2, n.target());
                ps.setString(3, n.kind());
                ps.setString(4, n.sequenceKey());
                ps.setString(5, n.idempotencyKey());
                Rows.setLong(ps, 6, n.conversationId());
                Rows.setLong(ps, 7, n.interactionId());
                ps.setString(8, n.argument());
                ps.setString(9, State.PENDING.name());
                ps.setLong(10, at.toEpochMilli());
                ps.setLong(11, at.toEpochMilli());
                ps.setLong(12, at.toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return result;
    }

    /**
     * Pending commands that are due and first in line for their sequence key (no earlier command of
     * the same key is still pending or failed), longest due first. The order follows the due index,
     * so that a long backlog is read only as far as needed.
     */
    public static List<Row> due(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_outbox o WHERE o.state = ? "
                + "AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM sb_outbox p WHERE p.sequence_key = o.sequence_key "
                + "AND p.id < o.id AND p.state <> ?) ORDER BY o.state, o.next_attempt_at, o.id LIMIT ?")) {
            ps.setString(1, State.PENDING.name());
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, State.DONE.name());
            ps.setInt(4, limit);
            return rows(ps);
        }
    }

    /** Which of these sequence keys have a command that is not done yet (pending or failed). */
    public static Set<String> unfinished(Connection c, Collection<String> sequenceKeys) throws SQLException {
        Set<String> result = new HashSet<>();
        List<String> keys = List.copyOf(sequenceKeys);
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<String> chunk = InLists.padded(keys.subList(from, Math.min(keys.size(), from + IN_CHUNK)));
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sequence_key FROM sb_outbox WHERE sequence_key IN ("
                    + InLists.placeholders(chunk.size()) + ") AND state <> ?")) {
                int i = 1;
                for (String key : chunk) {
                    ps.setString(i++, key);
                }
                ps.setString(i, State.DONE.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getString(1));
                    }
                }
            }
        }
        return result;
    }

    /** When the next pending command is due, if any is. */
    public static Optional<Instant> nextDue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM sb_outbox WHERE state = ?")) {
            ps.setString(1, State.PENDING.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long millis = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
            }
        }
    }

    public static void markDone(Connection c, List<Long> ids, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sb_outbox SET state = ?, attempts = attempts + 1, last_error = NULL, "
                + "updated_at = ? WHERE id = ?")) {
            for (Long id : ids) {
                ps.setString(1, State.DONE.name());
                ps.setLong(2, at.toEpochMilli());
                ps.setLong(3, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Records a failed attempt: the command waits until {@code next} or, with {@code next == null}, fails for good. */
    public static void markAttemptFailed(Connection c, long id, String error, Instant next, Instant at, boolean countAttempt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sb_outbox SET state = ?, attempts = attempts + ?, last_error = ?, "
                + "next_attempt_at = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, next == null ? State.FAILED.name() : State.PENDING.name());
            ps.setInt(2, countAttempt ? 1 : 0);
            ps.setString(3, Rows.clip(error, 2000));
            ps.setLong(4, (next == null ? at : next).toEpochMilli());
            ps.setLong(5, at.toEpochMilli());
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    /** Puts FAILED commands (all, or the one given) back to PENDING, due now, with a fresh attempt count. */
    public static int retry(Connection c, Long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sb_outbox SET state = ?, attempts = 0, next_attempt_at = ?, "
                + "updated_at = ? WHERE state = ?" + (id == null ? "" : " AND id = ?"))) {
            ps.setString(1, State.PENDING.name());
            ps.setLong(2, now.toEpochMilli());
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, State.FAILED.name());
            if (id != null) {
                ps.setLong(5, id);
            }
            return ps.executeUpdate();
        }
    }

    public static List<Row> list(Connection c, State state, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_outbox o WHERE o.state = ? "
                + "ORDER BY o.id DESC LIMIT ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, limit);
            return rows(ps);
        }
    }

    public static Map<State, Long> counts(Connection c) throws SQLException {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0L);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM sb_outbox GROUP BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(State.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return counts;
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Row(rs.getLong("id"), rs.getString("target"), rs.getString("kind"), rs.getString("sequence_key"),
                        rs.getString("idempotency_key"), Rows.nullableLong(rs, "conversation_id"),
                        Rows.nullableLong(rs, "interaction_id"), rs.getString("argument"), State.valueOf(rs.getString("state")),
                        rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))));
            }
        }
        return result;
    }
}
