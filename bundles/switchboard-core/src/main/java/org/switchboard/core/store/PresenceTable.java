package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.api.Presence;

/** {@code sb_agent_presence}: what each agent chose to be, so that a restart keeps it. */
public final class PresenceTable {

    /** An agent's stored presence. */
    public record Row(String agentId, Presence presence, String reason, Instant since, Instant idleSince) {
    }

    private PresenceTable() {
    }

    public static Map<String, Row> all(Connection c) throws SQLException {
        Map<String, Row> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT agent_id, presence, reason, since, idle_since FROM sb_agent_presence");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getString(1), new Row(rs.getString(1), Presence.valueOf(rs.getString(2)), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Rows.instant(rs, "idle_since")));
            }
        }
        return result;
    }

    public static void put(Connection c, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sb_agent_presence SET presence = ?, reason = ?, since = ?, "
                + "idle_since = ? WHERE agent_id = ?")) {
            ps.setString(1, row.presence().name());
            ps.setString(2, row.reason());
            ps.setLong(3, row.since().toEpochMilli());
            Rows.setInstant(ps, 4, row.idleSince());
            ps.setString(5, row.agentId());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_agent_presence (agent_id, presence, reason, since, idle_since) "
                + "VALUES (?,?,?,?,?)")) {
            ps.setString(1, row.agentId());
            ps.setString(2, row.presence().name());
            ps.setString(3, row.reason());
            ps.setLong(4, row.since().toEpochMilli());
            Rows.setInstant(ps, 5, row.idleSince());
            ps.executeUpdate();
        }
    }
}
