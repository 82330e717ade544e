package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.Direction;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Receipt;
import org.switchboard.api.RoutingMode;
import org.switchboard.api.ThreadHints;
import org.switchboard.jdbc.InLists;

/**
 * {@code sb_contact}: every accepted contact. A contact is pending while its interaction has no
 * customer yet: the transaction that processes it sets the customer
 * ({@link InteractionTable#processed}), which is what takes it off the pending list. One that cannot
 * be processed lands in {@code sb_contact_failed} and is pending no more.
 */
public final class ContactTable {
    private static final int IN_CHUNK = 500;
    /**
     * Whether interaction {@code i}'s contact waits to be processed: no customer yet, and not set
     * aside as failed. Every interaction comes from a contact, and processing always sets a customer.
     */
    private static final String NOT_FAILED = "NOT EXISTS (SELECT 1 FROM sb_contact_failed f WHERE f.contact_id = i.contact_id)";
    /** Pending, for a scan: served by the customer index (customer_id, created_at). */
    private static final String PENDING = "i.customer_id IS NULL AND " + NOT_FAILED;
    /** Pending, for interactions found by their ids: read by their primary key, not the customer index. */
    private static final String PENDING_AMONG = InteractionTable.NOT_IDENTIFIED + " AND " + NOT_FAILED;
    private static final String COLUMNS = "c.id, c.interaction_id, c.channel, c.external_id, c.from_kind, c.from_value, "
            + "c.from_name, c.entry_point, c.thread_key, c.in_reply_to, c.thread_refs, c.subject, c.body, "
            + "c.attachments, c.metadata, c.routing, c.occurred_at, c.received_at, c.direction, c.target_agent";

    private ContactTable() {
    }

    /** The source key {@code (channel, externalId)} as one string. */
    public static String key(Channel channel, String externalId) {
        return channel.id() + '\u0000' + externalId;
    }

    /** Receipts of the contacts already stored under these keys, by key. */
    public static Map<String, Receipt> findReceipts(Connection c, List<InboundContact> contacts) throws SQLException {
        Map<String, Receipt> found = new HashMap<>();
        Map<Channel, List<String>> byChannel = new HashMap<>();
        for (InboundContact x : contacts) {
            byChannel.computeIfAbsent(x.channel(), k -> new ArrayList<>()).add(x.externalId());
        }
        for (Map.Entry<Channel, List<String>> e : byChannel.entrySet()) {
            List<String> ids = e.getValue().stream().distinct().toList();
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = InLists.padded(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
                String sql = "SELECT id, interaction_id, external_id, received_at FROM sb_contact WHERE external_id IN ("
                        + InLists.placeholders(chunk.size()) + ") AND channel = ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    ps.setString(chunk.size() + 1, e.getKey().id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(key(e.getKey(), rs.getString("external_id")),
                                    new Receipt(rs.getLong("interaction_id"), rs.getLong("id"), true,
                                            Instant.ofEpochMilli(rs.getLong("received_at"))));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Inserts the contacts, and an interaction in state NEW for each. */
    public static void insert(Connection c, List<AcceptedContact> contacts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_contact (id, interaction_id, channel, external_id, "
                + "from_kind, from_value, from_name, entry_point, thread_key, in_reply_to, thread_refs, subject, body, "
                + "attachments, metadata, routing, occurred_at, received_at, direction, target_agent) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (AcceptedContact a : contacts) {
                InboundContact x = a.contact();
                ps.setLong(1, a.contactId());
                ps.setLong(2, a.interactionId());
                ps.setString(3, x.channel().id());
                ps.setString(4, x.externalId());
                ps.setString(5, x.from().kind());
                ps.setString(6, x.from().value());
                ps.setString(7, x.fromName());
                ps.setString(8, x.entryPoint());
                ps.setString(9, x.thread().threadKey());
                ps.setString(10, x.thread().inReplyTo());
                ps.setString(11, x.thread().references().isEmpty() ? null : String.join("\n", x.thread().references()));
                ps.setString(12, x.subject());
                ps.setString(13, x.body());
                ps.setString(14, Json.attachments(x.attachments()));
                ps.setString(15, Json.metadata(x.metadata()));
                ps.setString(16, x.routing().name());
                ps.setLong(17, x.occurredAt().toEpochMilli());
                ps.setLong(18, a.receivedAt().toEpochMilli());
                ps.setString(19, x.direction() == Direction.INBOUND ? null : x.direction().name());
                ps.setString(20, x.targetAgent());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_interaction (id, contact_id, channel, direction, "
                + "routing, state, entry_point, summary, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (AcceptedContact a : contacts) {
                InboundContact x = a.contact();
                ps.setLong(1, a.interactionId());
                ps.setLong(2, a.contactId());
                ps.setString(3, x.channel().id());
                ps.setString(4, x.direction().name());
                ps.setString(5, x.routing().name());
                ps.setString(6, InteractionState.NEW.name());
                ps.setString(7, x.entryPoint());
                ps.setString(8, Rows.clip(x.summary(), 200));
                ps.setLong(9, a.receivedAt().toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The interactions of the pending contacts, oldest first. */
    public static List<Long> pendingInteractions(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id FROM sb_interaction i WHERE " + PENDING + " ORDER BY i.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** The contacts of these interactions that are still pending, oldest first. */
    public static List<AcceptedContact> pending(Connection c, List<Long> interactionIds) throws SQLException {
        List<AcceptedContact> result = new ArrayList<>();
        byInteractions(c, interactionIds, " AND " + PENDING_AMONG + " ORDER BY i.id", rs -> result.add(new AcceptedContact(
                rs.getLong("id"), rs.getLong("interaction_id"), contact(rs), Instant.ofEpochMilli(rs.getLong("received_at")), 0)));
        return result;
    }

    /**
     * Sets a pending contact aside as failed, with the reason. Its interaction is locked first, so a
     * transaction processing it elsewhere (another node) either commits before, and the contact is left
     * as it is, or waits for this one.
     */
    public static void markFailed(Connection c, long contactId, String error, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.customer_id FROM sb_interaction i "
                + "WHERE i.id = (SELECT interaction_id FROM sb_contact WHERE id = ?) FOR UPDATE")) {
            ps.setLong(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(1) != null) {
                    return;
                }
            }
        }
        if (count(c, "SELECT COUNT(*) FROM sb_contact_failed WHERE contact_id = " + contactId) > 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sb_contact_failed (contact_id, error, failed_at) VALUES (?,?,?)")) {
            ps.setLong(1, contactId);
            ps.setString(2, Rows.clip(error, 2000));
            ps.setLong(3, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** How many contacts wait to be processed. */
    public static long pendingCount(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM sb_interaction i WHERE " + PENDING);
    }

    /** How many contacts could not be processed. */
    public static long failedCount(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM sb_contact_failed");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The contact behind an interaction, or {@code null}. */
    public static InboundContact ofInteraction(Connection c, long interactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_interaction i "
                + "JOIN sb_contact c ON c.id = i.contact_id WHERE i.id = ?")) {
            ps.setLong(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? contact(rs) : null;
            }
        }
    }

    /** The contacts behind these interactions, by interaction id. */
    public static Map<Long, InboundContact> ofInteractions(Connection c, List<Long> interactionIds) throws SQLException {
        Map<Long, InboundContact> result = new HashMap<>();
        byInteractions(c, interactionIds, "", rs -> result.put(rs.getLong("interaction_id"), contact(rs)));
        return result;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Reads the contacts of these interactions that meet {@code condition}, in chunks of {@link #IN_CHUNK}. */
    private static void byInteractions(Connection c, List<Long> interactionIds, String condition, RowReader reader)
            throws SQLException {
        for (int from = 0; from < interactionIds.size(); from += IN_CHUNK) {
            List<Long> chunk = InLists.padded(interactionIds.subList(from, Math.min(interactionIds.size(), from + IN_CHUNK)));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_interaction i "
                    + "JOIN sb_contact c ON c.id = i.contact_id WHERE i.id IN (" + InLists.placeholders(chunk.size()) + ")"
                    + condition)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private static InboundContact contact(ResultSet rs) throws SQLException {
        String refs = rs.getString("thread_refs");
        return new InboundContact(
                new Channel(rs.getString("channel")),
                rs.getString("external_id"),
                new Address(rs.getString("from_kind"), rs.getString("from_value")),
                rs.getString("from_name"),
                rs.getString("entry_point"),
                new ThreadHints(rs.getString("thread_key"), rs.getString("in_reply_to"),
                        refs == null ? List.of() : Arrays.asList(refs.split("\n"))),
                rs.getString("subject"),
                rs.getString("body"),
                Json.attachments(rs.getString("attachments")),
                Instant.ofEpochMilli(rs.getLong("occurred_at")),
                Json.metadata(rs.getString("metadata")),
                RoutingMode.valueOf(rs.getString("routing")),
                rs.getString("direction") == null ? Direction.INBOUND : Direction.valueOf(rs.getString("direction")),
                rs.getString("target_agent"));
    }

    /**
     * Adds {@code details} to the metadata of the interaction's contact (a key given again takes the
     * new value). Entries beyond the contact's limits are left out; returns the keys left out.
     */
    public static List<String> mergeMetadata(Connection c, long interactionId, Map<String, String> details) throws SQLException {
        long contactId;
        Map<String, String> merged;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, metadata FROM sb_contact "
                + "WHERE id = (SELECT contact_id FROM sb_interaction WHERE id = ?) FOR UPDATE")) {
            ps.setLong(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.copyOf(details.keySet());
                }
                contactId = rs.getLong(1);
                merged = new LinkedHashMap<>(Json.metadata(rs.getString(2)));
            }
        }
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, String> e : details.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            boolean fits = key != null && !key.isBlank() && key.length() <= InboundContact.MAX_METADATA_KEY
                    && value != null && value.length() <= InboundContact.MAX_METADATA_VALUE
                    && (merged.containsKey(key) || merged.size() < InboundContact.MAX_METADATA);
            if (fits) {
                merged.put(key, value);
            } else {
                dropped.add(String.valueOf(key));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sb_contact SET metadata = ? WHERE id = ?")) {
            ps.setString(1, Json.metadata(merged));
            ps.setLong(2, contactId);
            ps.executeUpdate();
        }
        return dropped;
    }
}
