package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.api.Channel;
import org.switchboard.api.Direction;
import org.switchboard.api.EndReason;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.RoutingMode;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.jdbc.InLists;

/** {@code sb_interaction}: every interaction and its timestamps. */
public final class InteractionTable {
    private static final String COLUMNS = "id, contact_id, channel, direction, routing, state, customer_id, conversation_id, "
            + "queue_id, agent_id, summary, created_at, queued_at, offered_at, answered_at, ended_at, closed_at, "
            + "disposition, end_reason";
    /** Columns {@link #update} may set. */
    private static final Set<String> UPDATABLE = Set.of("state", "customer_id", "conversation_id", "queue_id", "agent_id",
            "queued_at", "offered_at", "answered_at", "ended_at", "closed_at", "disposition", "end_reason");

    /**
     * One processed contact's interaction: who, which conversation, which queue, and the agent it is
     * offered to at once ({@code null}: it waits in the queue).
     */
    public record Processed(long id, RoutingMode routing, long customerId, long conversationId, String queueId, String agentId,
                            Instant at) {
    }

    /** An interaction with the routing facts the engine needs to rebuild its state. */
    public record Live(Interaction interaction, RoutingMode routing) {
    }

    /**
     * "No customer yet", for rows found by their ids: an expression, so that the customer index is not
     * used (see {@link #processed}).
     */
    static final String NOT_IDENTIFIED = "(customer_id + 0) IS NULL";
    /** The state, for rows found by their ids: an expression, so that the state index is not used. */
    private static final String STATE = "(state || '')";

    private InteractionTable() {
    }

    public static Optional<Interaction> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_interaction WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(interaction(rs)) : Optional.empty();
            }
        }
    }

    /** Interactions by id, for the ids that exist. */
    public static Map<Long, Interaction> find(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Interaction> result = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = InLists.padded(ids.subList(from, Math.min(ids.size(), from + 500)));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_interaction WHERE id IN ("
                    + InLists.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                for (Interaction i : interactions(ps)) {
                    result.put(i.id(), i);
                }
            }
        }
        return result;
    }

    public static List<Interaction> list(Connection c, InteractionFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM sb_interaction WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.state() != null) {
            sql.append(" AND state = ?");
            args.add(f.state().name());
        }
        if (f.queueId() != null) {
            sql.append(" AND queue_id = ?");
            args.add(f.queueId());
        }
        if (f.agentId() != null) {
            sql.append(" AND agent_id = ?");
            args.add(f.agentId());
        }
        if (f.channel() != null) {
            sql.append(" AND channel = ?");
            args.add(f.channel().id());
        }
        if (f.customerId() != null) {
            sql.append(" AND customer_id = ?");
            args.add(f.customerId());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(f.limit());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return interactions(ps);
        }
    }

    /** A customer's interactions on every channel, newest first. */
    public static List<Interaction> history(Connection c, long customerId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_interaction WHERE customer_id = ? "
                + "ORDER BY created_at DESC, id DESC LIMIT ?")) {
            ps.setLong(1, customerId);
            ps.setInt(2, limit);
            return interactions(ps);
        }
    }

    /** Every interaction that is routed or handled now (not NEW, not final), oldest first. */
    public static List<Live> live(Connection c) throws SQLException {
        List<Live> result = new ArrayList<>();
        String states = Set.of(InteractionState.QUEUED, InteractionState.OFFERED, InteractionState.ACTIVE, InteractionState.WRAP_UP)
                .stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_interaction WHERE state IN (" + states
                + ") ORDER BY id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Live(interaction(rs), RoutingMode.valueOf(rs.getString("routing"))));
                }
            }
        }
        return result;
    }

    /**
     * What {@link #processed} did.
     *
     * @param queued  the ids that entered their queue (those with an agent: offered to them)
     * @param missing the ids it found processed already (by another node, a moment ago) and left alone
     */
    public record ProcessedResult(List<Long> queued, List<Long> missing) {
    }

    /**
     * Records what processing found, for interactions whose contact is still pending (no customer
     * yet); setting the customer is what takes the contact off the pending list. A core-routed
     * interaction still NEW enters its queue; any other keeps the state it has (the channel's events
     * gave it, or it ended before it was processed). The rows are written in ascending id order, so two
     * nodes that process overlapping batches cannot deadlock; on PostgreSQL one that meets a row
     * another node is processing waits for that commit, and then finds it processed.
     */
    public static ProcessedResult processed(Connection c, Collection<Processed> items) throws SQLException {
        // the conditions beside the primary key are expressions that no other index can serve: PostgreSQL's
        // generic plan took the customer index for "customer_id IS NULL" (statistics taken when nothing was
        // pending say it is rare) and read every pending row for each row it updated, so a backlog of 27,000
        // contacts was processed at a few hundred a second
        List<Processed> sorted = items.stream().sorted(Comparator.comparingLong(Processed::id)).toList();
        List<Long> queued = new ArrayList<>();
        List<Processed> others = new ArrayList<>();
        try (PreparedStatement toQueue = c.prepareStatement("UPDATE sb_interaction SET customer_id = ?, conversation_id = ?, "
                + "state = ?, queue_id = ?, queued_at = ?, agent_id = ?, offered_at = ? WHERE id = ? AND " + NOT_IDENTIFIED
                + " AND " + STATE + " = ?")) {
            List<Processed> core = new ArrayList<>();
            for (Processed p : sorted) {
                if (p.routing() != RoutingMode.CORE) {
                    others.add(p);
                    continue;
                }
                toQueue.setLong(1, p.customerId());
                toQueue.setLong(2, p.conversationId());
                boolean offered = p.agentId() != null;
                toQueue.setString(3, (offered ? InteractionState.OFFERED : InteractionState.QUEUED).name());
                toQueue.setString(4, p.queueId());
                toQueue.setLong(5, p.at().toEpochMilli());
                toQueue.setString(6, p.agentId());
                Rows.setLong(toQueue, 7, offered ? p.at().toEpochMilli() : null);
                toQueue.setLong(8, p.id());
                toQueue.setString(9, InteractionState.NEW.name());
                toQueue.addBatch();
                core.add(p);
            }
            if (!core.isEmpty()) {
                int[] counts = toQueue.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        queued.add(core.get(i).id());
                    } else {
                        others.add(core.get(i));
                    }
                }
            }
        }
        List<Long> missing = new ArrayList<>();
        if (!others.isEmpty()) {
            others.sort(Comparator.comparingLong(Processed::id));
            try (PreparedStatement identify = c.prepareStatement("UPDATE sb_interaction SET customer_id = ?, conversation_id = ? "
                    + "WHERE id = ? AND " + NOT_IDENTIFIED)) {
                for (Processed p : others) {
                    identify.setLong(1, p.customerId());
                    identify.setLong(2, p.conversationId());
                    identify.setLong(3, p.id());
                    identify.addBatch();
                }
                int[] counts = identify.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        missing.add(others.get(i).id());
                    }
                }
            }
        }
        return new ProcessedResult(queued, missing);
    }

    /**
     * Sets columns of one interaction if it is in one of the {@code expected} states.
     *
     * @return whether it was
     */
    public static boolean update(Connection c, long id, Set<InteractionState> expected, Map<String, Object> values)
            throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE sb_interaction SET ");
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!UPDATABLE.contains(e.getKey())) {
                throw new IllegalArgumentException("not an updatable column: " + e.getKey());
            }
            if (!args.isEmpty()) {
                sql.append(", ");
            }
            sql.append(e.getKey()).append(" = ?");
            args.add(e.getValue());
        }
        sql.append(" WHERE id = ? AND ").append(STATE).append(" IN (")
                .append(expected.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","))).append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object value : args) {
                bind(ps, i++, value);
            }
            ps.setLong(i, id);
            return ps.executeUpdate() > 0;
        }
    }

    /** Values for {@link #update}, in order; {@code null} values clear the column. */
    public static Map<String, Object> values(Object... columnsAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            map.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return map;
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else if (value instanceof Instant instant) {
            ps.setLong(index, instant.toEpochMilli());
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else {
            ps.setObject(index, value);
        }
    }

    private static List<Interaction> interactions(PreparedStatement ps) throws SQLException {
        List<Interaction> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(interaction(rs));
            }
        }
        return result;
    }

    static Interaction interaction(ResultSet rs) throws SQLException {
        String endReason = rs.getString("end_reason");
        Long contactId = Rows.nullableLong(rs, "contact_id");
        return new Interaction(
                rs.getLong("id"),
                contactId == null ? 0 : contactId,
                new Channel(rs.getString("channel")),
                Direction.valueOf(rs.getString("direction")),
                InteractionState.valueOf(rs.getString("state")),
                Rows.nullableLong(rs, "customer_id"),
                Rows.nullableLong(rs, "conversation_id"),
                rs.getString("queue_id"),
                rs.getString("agent_id"),
                rs.getString("summary"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "queued_at"),
                Rows.instant(rs, "offered_at"),
                Rows.instant(rs, "answered_at"),
                Rows.instant(rs, "ended_at"),
                Rows.instant(rs, "closed_at"),
                rs.getString("disposition"),
                endReason == null ? null : EndReason.valueOf(endReason));
    }
}
