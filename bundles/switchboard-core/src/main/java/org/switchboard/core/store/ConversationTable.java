package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.Channel;
import org.switchboard.api.Conversation;
import org.switchboard.api.TicketRef;
import org.switchboard.jdbc.InLists;

/** {@code sb_conversation} and the thread keys that lead to it. */
public final class ConversationTable {
    private static final int IN_CHUNK = 500;

    /** A conversation to insert. */
    public record NewConversation(long id, long customerId, Channel channel, String entryPoint, String subject, Instant at) {
    }

    private ConversationTable() {
    }

    /** The key under which a chat, session or other thread id of a channel leads to its conversation. */
    public static String threadKey(Channel channel, String key) {
        return "t:" + channel.id() + ':' + key;
    }

    /** The key under which a message's id on a channel (an email's Message-ID) leads to its conversation. */
    public static String messageKey(Channel channel, String sourceId) {
        return "m:" + channel.id() + ':' + sourceId;
    }

    /** The conversation each key leads to, for the keys that are known. */
    public static Map<String, Long> findByKeys(Connection c, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        List<String> list = List.copyOf(keys);
        for (int from = 0; from < list.size(); from += IN_CHUNK) {
            List<String> chunk = InLists.padded(list.subList(from, Math.min(list.size(), from + IN_CHUNK)));
            try (PreparedStatement ps = c.prepareStatement("SELECT thread_key, conversation_id FROM sb_conversation_key "
                    + "WHERE thread_key IN (" + InLists.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The conversations of the contacts a channel received under these source ids (an email's
     * Message-ID), for those that were processed. A contact's own id is not stored as a key: the
     * contacts' unique key on (external id, channel) finds it.
     */
    public static Map<String, Long> findByMessages(Connection c, Channel channel, Collection<String> sourceIds)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        List<String> list = List.copyOf(sourceIds);
        for (int from = 0; from < list.size(); from += IN_CHUNK) {
            List<String> chunk = InLists.padded(list.subList(from, Math.min(list.size(), from + IN_CHUNK)));
            try (PreparedStatement ps = c.prepareStatement("SELECT c.external_id, i.conversation_id FROM sb_contact c "
                    + "JOIN sb_interaction i ON i.id = c.interaction_id WHERE c.external_id IN ("
                    + InLists.placeholders(chunk.size()) + ") AND c.channel = ? AND i.conversation_id IS NOT NULL")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                ps.setString(chunk.size() + 1, channel.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(messageKey(channel, rs.getString(1)), rs.getLong(2));
                    }
                }
            }
        }
        return found;
    }

    /** The conversation whose ticket has this number, in any connector. */
    public static Optional<Long> findByTicketNumber(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id FROM sb_ticket WHERE number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public static void insert(Connection c, List<NewConversation> conversations) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_conversation (id, customer_id, channel, entry_point, "
                + "subject, created_at, last_activity_at) VALUES (?,?,?,?,?,?,?)")) {
            for (NewConversation n : conversations) {
                ps.setLong(1, n.id());
                ps.setLong(2, n.customerId());
                ps.setString(3, n.channel().id());
                ps.setString(4, n.entryPoint());
                ps.setString(5, Rows.clip(n.subject(), 998));
                ps.setLong(6, n.at().toEpochMilli());
                ps.setLong(7, n.at().toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Adds the keys that are not known yet (a retried write finds its own keys there). */
    public static void addMissingKeys(Connection c, Map<String, Long> keys) throws SQLException {
        Map<String, Long> missing = new LinkedHashMap<>(keys);
        missing.keySet().removeAll(findByKeys(c, keys.keySet()).keySet());
        addKeys(c, missing);
    }

    public static void addKeys(Connection c, Map<String, Long> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sb_conversation_key (thread_key, conversation_id) VALUES (?,?)")) {
            for (Map.Entry<String, Long> e : keys.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static void touch(Connection c, Collection<Long> conversationIds, Instant at) throws SQLException {
        if (conversationIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sb_conversation SET last_activity_at = ? WHERE id = ?")) {
            for (Long id : conversationIds) {
                ps.setLong(1, at.toEpochMilli());
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The conversation, with its primary ticket: the one of the first connector in
     * {@code ticketConnectors} that has one.
     */
    public static Optional<Conversation> find(Connection c, long id, List<String> ticketConnectors) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, customer_id, channel, subject, created_at, last_activity_at "
                + "FROM sb_conversation WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                TicketRef ticket = TicketTable.primary(TicketTable.ofConversation(c, id), ticketConnectors);
                return Optional.of(new Conversation(id, rs.getLong("customer_id"), new Channel(rs.getString("channel")),
                        rs.getString("subject"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("last_activity_at")), ticket));
            }
        }
    }

    /** Subject, entry point and channel of a conversation, for commands that need them. */
    public record Header(long id, long customerId, Channel channel, String entryPoint, String subject) {
    }

    public static Map<Long, Header> headers(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Header> result = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = InLists.padded(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, customer_id, channel, entry_point, subject "
                    + "FROM sb_conversation WHERE id IN (" + InLists.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getLong(1), new Header(rs.getLong(1), rs.getLong(2), new Channel(rs.getString(3)),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
        }
        return result;
    }
}
