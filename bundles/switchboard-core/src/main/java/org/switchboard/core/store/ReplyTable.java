package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.jdbc.InLists;

/** {@code sb_reply}: agents' replies, one per {@code SEND_REPLY} outbox command and with its id. */
public final class ReplyTable {
    private static final int IN_CHUNK = 500;

    /** A reply as written by the agent, and where it stands. */
    public record Reply(long id, long interactionId, long conversationId, String agentId, String subject, String body,
                        Instant createdAt, Instant sentAt, String messageId) {
    }

    private ReplyTable() {
    }

    public static void insert(Connection c, Reply r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_reply (id, interaction_id, conversation_id, agent_id, "
                + "subject, body, created_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, r.id());
            ps.setLong(2, r.interactionId());
            ps.setLong(3, r.conversationId());
            ps.setString(4, r.agentId());
            ps.setString(5, r.subject());
            ps.setString(6, r.body());
            ps.setLong(7, r.createdAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** The replies with these ids (their outbox commands' ids). */
    public static Map<Long, Reply> find(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Reply> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = InLists.padded(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, interaction_id, conversation_id, agent_id, subject, body, "
                    + "created_at, sent_at, message_id FROM sb_reply WHERE id IN (" + InLists.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Reply r = new Reply(rs.getLong("id"), rs.getLong("interaction_id"), rs.getLong("conversation_id"),
                                rs.getString("agent_id"), rs.getString("subject"), rs.getString("body"),
                                Rows.instant(rs, "created_at"), Rows.instant(rs, "sent_at"), rs.getString("message_id"));
                        found.put(r.id(), r);
                    }
                }
            }
        }
        return found;
    }

    /** The reply went out; {@code messageId} is what the channel called it (may be {@code null}). */
    public static void markSent(Connection c, long id, String messageId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sb_reply SET sent_at = ?, message_id = ? WHERE id = ?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, messageId == null ? null : Rows.clip(messageId, 998));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }
}
