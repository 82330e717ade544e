package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.TicketRef;
import org.switchboard.api.service.Ticket;
import org.switchboard.jdbc.InLists;

/** {@code sb_ticket}: the tickets the CRMs opened for conversations. */
public final class TicketTable {
    private static final int IN_CHUNK = 500;
    private static final String SELECT = "SELECT t.conversation_id, t.connector_id, t.external_id, t.number, t.status, t.url, "
            + "t.created_at, t.updated_at, v.customer_id, v.subject FROM sb_ticket t "
            + "JOIN sb_conversation v ON v.id = t.conversation_id ";

    private TicketTable() {
    }

    /** {@link #put} for many: new tickets in one batch, known ones updated. */
    public static void putAll(Connection c, List<Map.Entry<Long, TicketRef>> tickets, Instant at) throws SQLException {
        if (tickets.isEmpty()) {
            return;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        List<Long> ids = tickets.stream().map(Map.Entry::getKey).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = InLists.padded(ids.subList(from, Math.min(ids.size(), from + 500)));
            try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id, connector_id FROM sb_ticket WHERE conversation_id IN ("
                    + InLists.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getLong(1) + "/" + rs.getString(2));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_ticket (conversation_id, connector_id, external_id, number, "
                + "status, url, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<Long, TicketRef> e : tickets) {
                TicketRef ref = e.getValue();
                if (known.contains(e.getKey() + "/" + ref.connectorId())) {
                    put(c, e.getKey(), ref, at);
                    continue;
                }
                known.add(e.getKey() + "/" + ref.connectorId());
                ps.setLong(1, e.getKey());
                ps.setString(2, ref.connectorId());
                ps.setString(3, ref.externalId());
                ps.setString(4, ref.number());
                ps.setString(5, ref.status());
                ps.setString(6, ref.url());
                ps.setLong(7, at.toEpochMilli());
                ps.setLong(8, at.toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Records the ticket a CRM opened; a second record for the same conversation and connector replaces the first. */
    public static void put(Connection c, long conversationId, TicketRef ref, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sb_ticket SET external_id = ?, number = ?, status = ?, url = ?, "
                + "updated_at = ? WHERE conversation_id = ? AND connector_id = ?")) {
            ps.setString(1, ref.externalId());
            ps.setString(2, ref.number());
            ps.setString(3, ref.status());
            ps.setString(4, ref.url());
            ps.setLong(5, at.toEpochMilli());
            ps.setLong(6, conversationId);
            ps.setString(7, ref.connectorId());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_ticket (conversation_id, connector_id, external_id, number, "
                + "status, url, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, conversationId);
            ps.setString(2, ref.connectorId());
            ps.setString(3, ref.externalId());
            ps.setString(4, ref.number());
            ps.setString(5, ref.status());
            ps.setString(6, ref.url());
            ps.setLong(7, at.toEpochMilli());
            ps.setLong(8, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** The conversation's tickets by connector. */
    public static Map<String, TicketRef> ofConversation(Connection c, long conversationId) throws SQLException {
        Map<String, TicketRef> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE t.conversation_id = ?")) {
            ps.setLong(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TicketRef ref = ref(rs);
                    result.put(ref.connectorId(), ref);
                }
            }
        }
        return result;
    }

    /** The tickets one connector opened for these conversations, by conversation. */
    public static Map<Long, TicketRef> ofConversations(Connection c, Collection<Long> conversationIds, String connector)
            throws SQLException {
        Map<Long, TicketRef> result = new HashMap<>();
        List<Long> ids = List.copyOf(conversationIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = InLists.padded(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE t.conversation_id IN ("
                    + InLists.placeholders(chunk.size()) + ") AND t.connector_id = ?")) {
                int i = 1;
                for (Long id : chunk) {
                    ps.setLong(i++, id);
                }
                ps.setString(i, connector);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getLong("conversation_id"), ref(rs));
                    }
                }
            }
        }
        return result;
    }

    /** The ticket of the first connector in {@code order} that has one, else any, else {@code null}. */
    public static TicketRef primary(Map<String, TicketRef> byConnector, List<String> order) {
        for (String connector : order) {
            TicketRef ref = byConnector.get(connector);
            if (ref != null) {
                return ref;
            }
        }
        return byConnector.values().stream().findFirst().orElse(null);
    }

    public static Optional<Ticket> findByNumber(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE t.number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ticket(rs)) : Optional.empty();
            }
        }
    }

    public static List<Ticket> ofCustomer(Connection c, long customerId, boolean openOnly) throws SQLException {
        String sql = SELECT + "WHERE v.customer_id = ?" + (openOnly ? " AND t.status <> ?" : "") + " ORDER BY t.created_at DESC";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, customerId);
            if (openOnly) {
                ps.setString(2, TicketRef.CLOSED);
            }
            return tickets(ps);
        }
    }

    public static List<Ticket> list(Connection c, String status, int limit) throws SQLException {
        String sql = SELECT + (status == null ? "" : "WHERE t.status = ? ") + "ORDER BY t.created_at DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (status != null) {
                ps.setString(i++, status);
            }
            ps.setInt(i, limit);
            return tickets(ps);
        }
    }

    private static List<Ticket> tickets(PreparedStatement ps) throws SQLException {
        List<Ticket> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(ticket(rs));
            }
        }
        return result;
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getLong("conversation_id"), rs.getLong("customer_id"), rs.getString("subject"), ref(rs),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static TicketRef ref(ResultSet rs) throws SQLException {
        return new TicketRef(rs.getString("connector_id"), rs.getString("external_id"), rs.getString("number"),
                rs.getString("status"), rs.getString("url"));
    }
}
