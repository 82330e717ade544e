package org.switchboard.telephony.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.spi.StoreUnavailableException;
import org.switchboard.jdbc.Transactions;
import org.switchboard.telephony.callback.CallbackStore;
import org.switchboard.telephony.callback.TelephonySchema;

/**
 * Reminder campaigns in tables {@code tel_campaign} and {@code tel_campaign_number}. An attempt is written
 * (state {@code DIALLING}, attempts + 1, its call id) before the call is placed, and only from state
 * {@code WAITING}, so a number is never dialled twice for one attempt, after a restart or by two nodes.
 */
@Component(service = CampaignStore.class)
public final class CampaignStore {
    private static final String CAMPAIGN_COLUMNS = "id, name, message, window_from, window_to, time_zone, pacing, "
            + "max_attempts, retry_after_minutes, pbx, status, created_by, created_at, ended_at";
    private static final String NUMBER_COLUMNS = "id, number, time_zone, state, result, attempts, next_at, "
            + "attempted_at, key_pressed";

    private final DataSource dataSource;
    private final Clock clock;

    /**
     * Activated by DS after the {@link CallbackStore}, which brings this bundle's tables (these
     * included) up to date: the changelog runs once at start-up.
     */
    @Activate
    public CampaignStore(@Reference(target = "(dataSourceName=switchboard)") DataSource dataSource,
                         @Reference CallbackStore schemaOwner) {
        this(dataSource, Clock.systemUTC());
    }

    /**
     * For tests and tools: a store on tables that {@link TelephonySchema#update} already made. (A factory, not a
     * constructor: DS picks the activation constructor among the public ones by its number of arguments, and
     * a second public one with two would be taken for it.)
     */
    public static CampaignStore onTables(DataSource dataSource, Clock clock) {
        return new CampaignStore(dataSource, clock);
    }

    private CampaignStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A campaign to create; its numbers are distinct and dialable, each with its zone. */
    public record NewCampaign(String name, String message, String windowFrom, String windowTo, String timeZone,
                              int pacing, int maxAttempts, int retryAfterMinutes, String pbx, String createdBy,
                              Map<String, String> zoneByNumber, String requestId) {
    }

    /**
     * Creates the campaign, its numbers waiting to be called.
     *
     * @return the new campaign's id, or the id of the campaign created before with the same request id
     *         (as a negative number: nothing was created)
     */
    public long create(NewCampaign c) {
        if (c.requestId() != null) {
            Optional<Long> existing = run(con -> byRequest(con, c.requestId()));
            if (existing.isPresent()) {
                return -existing.get();
            }
        }
        try {
            return insert(c);
        } catch (StoreUnavailableException e) {
            // the same request on another thread or node won the unique index
            Optional<Long> existing = c.requestId() == null ? Optional.empty() : run(con -> byRequest(con, c.requestId()));
            return -existing.orElseThrow(() -> e);
        }
    }

    private static Optional<Long> byRequest(Connection con, String requestId) throws SQLException {
        try (PreparedStatement s = con.prepareStatement("SELECT id FROM tel_campaign WHERE request_id = ?")) {
            s.setString(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    private long insert(NewCampaign c) {
        return run(con -> {
            long id;
            try (PreparedStatement s = con.prepareStatement("INSERT INTO tel_campaign (name, message, window_from, "
                    + "window_to, time_zone, pacing, max_attempts, retry_after_minutes, pbx, status, created_by, created_at, "
                    + "request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, c.name());
                s.setString(2, c.message());
                s.setString(3, c.windowFrom());
                s.setString(4, c.windowTo());
                s.setString(5, c.timeZone());
                s.setInt(6, c.pacing());
                s.setInt(7, c.maxAttempts());
                s.setInt(8, c.retryAfterMinutes());
                s.setString(9, c.pbx());
                s.setString(10, Campaign.ACTIVE);
                s.setString(11, c.createdBy());
                s.setTimestamp(12, Timestamp.from(clock.instant()));
                s.setString(13, c.requestId());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = con.prepareStatement("INSERT INTO tel_campaign_number (campaign_id, number, "
                    + "time_zone, state, attempts, key_pressed) VALUES (?, ?, ?, ?, 0, FALSE)")) {
                for (Map.Entry<String, String> n : c.zoneByNumber().entrySet()) {
                    s.setLong(1, id);
                    s.setString(2, n.getKey());
                    s.setString(3, n.getValue());
                    s.setString(4, Campaign.WAITING);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return id;
        });
    }

    /** The newest campaigns first, with their counts and without their numbers. */
    public List<Campaign> list(int limit) {
        return run(con -> {
            List<Campaign> result = new ArrayList<>();
            try (PreparedStatement s = con.prepareStatement("SELECT " + CAMPAIGN_COLUMNS
                    + " FROM tel_campaign ORDER BY id DESC")) {
                s.setMaxRows(limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(campaign(r, counts(con, r.getLong(1)), List.of()));
                    }
                }
            }
            return result;
        });
    }

    /** The campaigns still calling, without numbers. */
    public List<Campaign> active() {
        return run(con -> {
            List<Campaign> result = new ArrayList<>();
            try (PreparedStatement s = con.prepareStatement("SELECT " + CAMPAIGN_COLUMNS
                    + " FROM tel_campaign WHERE status = ? ORDER BY id")) {
                s.setString(1, Campaign.ACTIVE);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(campaign(r, Map.of(), List.of()));
                    }
                }
            }
            return result;
        });
    }

    /** The campaign with its counts and every number's result. */
    public Optional<Campaign> find(long id) {
        return run(con -> find(con, id));
    }

    /** Stops the campaign: numbers not yet called are not called; calls under way end as they end. */
    public Optional<Campaign> cancel(long id) {
        return run(con -> {
            try (PreparedStatement s = con.prepareStatement(
                    "UPDATE tel_campaign SET status = ?, ended_at = ? WHERE id = ? AND status = ?")) {
                s.setString(1, Campaign.CANCELLED);
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                s.setLong(3, id);
                s.setString(4, Campaign.ACTIVE);
                s.executeUpdate();
            }
            try (PreparedStatement s = con.prepareStatement(
                    "UPDATE tel_campaign_number SET state = ?, next_at = NULL WHERE campaign_id = ? AND state = ?")) {
                s.setString(1, Campaign.CANCELLED);
                s.setLong(2, id);
                s.setString(3, Campaign.WAITING);
                s.executeUpdate();
            }
            return find(con, id);
        });
    }

    /** How many calls of the campaign were started after this instant. */
    public int startedSince(long campaignId, Instant since) {
        return run(con -> {
            try (PreparedStatement s = con.prepareStatement("SELECT COUNT(*) FROM tel_campaign_number "
                    + "WHERE campaign_id = ? AND attempted_at > ?")) {
                s.setLong(1, campaignId);
                s.setTimestamp(2, Timestamp.from(since));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    /** The time zones of the campaign's waiting numbers. */
    public List<String> waitingZones(long campaignId) {
        return run(con -> {
            List<String> result = new ArrayList<>();
            try (PreparedStatement s = con.prepareStatement("SELECT DISTINCT time_zone FROM tel_campaign_number "
                    + "WHERE campaign_id = ? AND state = ?")) {
                s.setLong(1, campaignId);
                s.setString(2, Campaign.WAITING);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(r.getString(1));
                    }
                }
            }
            return result;
        });
    }

    /** Waiting numbers in these time zones whose retry time (if any) has come, fewest attempts first. */
    public List<Campaign.Number> due(long campaignId, Instant now, List<String> zones, int limit) {
        if (zones.isEmpty()) {
            return List.of();
        }
        return run(con -> {
            List<Campaign.Number> result = new ArrayList<>();
            String in = String.join(", ", Collections.nCopies(zones.size(), "?"));
            try (PreparedStatement s = con.prepareStatement("SELECT " + NUMBER_COLUMNS + " FROM tel_campaign_number "
                    + "WHERE campaign_id = ? AND state = ? AND (next_at IS NULL OR next_at <= ?) AND time_zone IN (" + in
                    + ") ORDER BY attempts, id")) {
                int i = 1;
                s.setLong(i++, campaignId);
                s.setString(i++, Campaign.WAITING);
                s.setTimestamp(i++, Timestamp.from(now));
                for (String zone : zones) {
                    s.setString(i++, zone);
                }
                s.setMaxRows(limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(number(r));
                    }
                }
            }
            return result;
        });
    }

    /**
     * Records an attempt before its call is placed: counts it, remembers its call id, and moves the number from
     * {@code WAITING} (of an active campaign) to {@code DIALLING}.
     *
     * @return false when the number was not waiting any more (another node took it, or the campaign was cancelled)
     */
    public boolean startAttempt(long numberId, String callId) {
        return run(con -> {
            try (PreparedStatement s = con.prepareStatement("UPDATE tel_campaign_number SET state = ?, "
                    + "attempts = attempts + 1, call_id = ?, attempted_at = ?, next_at = NULL WHERE id = ? AND state = ? "
                    + "AND campaign_id IN (SELECT id FROM tel_campaign WHERE status = ?)")) {
                s.setString(1, Campaign.DIALLING);
                s.setString(2, callId);
                s.setTimestamp(3, Timestamp.from(clock.instant()));
                s.setLong(4, numberId);
                s.setString(5, Campaign.WAITING);
                s.setString(6, Campaign.ACTIVE);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records how the attempt ended. A no answer, busy, congestion or failure is tried again after the
     * campaign's pause while attempts are left and the campaign is active; an answer ends the number.
     * The same outcome told twice changes nothing.
     *
     * @return the number's state afterwards, or empty when no attempt under way has this call id
     */
    public Optional<String> finishAttempt(String callId, String result) {
        return run(con -> {
            long numberId;
            int attempts;
            int maxAttempts;
            int retryAfter;
            boolean active;
            try (PreparedStatement s = con.prepareStatement("SELECT n.id, n.attempts, c.max_attempts, "
                    + "c.retry_after_minutes, c.status FROM tel_campaign_number n JOIN tel_campaign c ON c.id = n.campaign_id "
                    + "WHERE n.call_id = ? AND n.state = ?")) {
                s.setString(1, callId);
                s.setString(2, Campaign.DIALLING);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    numberId = r.getLong(1);
                    attempts = r.getInt(2);
                    maxAttempts = r.getInt(3);
                    retryAfter = r.getInt(4);
                    active = Campaign.ACTIVE.equals(r.getString(5));
                }
            }
            boolean retry = !Campaign.ANSWERED.equals(result) && active && attempts < maxAttempts;
            String state = retry ? Campaign.WAITING : Campaign.DONE;
            try (PreparedStatement s = con.prepareStatement("UPDATE tel_campaign_number SET state = ?, "
                    + "result = CASE WHEN result = ? THEN result ELSE ? END, next_at = ? WHERE id = ? AND state = ?")) {
                s.setString(1, state);
                s.setString(2, Campaign.CONNECTED);
                s.setString(3, result);
                s.setTimestamp(4, retry ? Timestamp.from(clock.instant().plus(Duration.ofMinutes(retryAfter))) : null);
                s.setLong(5, numberId);
                s.setString(6, Campaign.DIALLING);
                s.executeUpdate();
            }
            return Optional.of(state);
        });
    }

    /** The customer of this call pressed the key for an operator. */
    public boolean keyPressed(String callId) {
        return update("UPDATE tel_campaign_number SET key_pressed = TRUE WHERE call_id = ?", callId);
    }

    /** An operator answered the customer of this call: the number's result is {@code CONNECTED}. */
    public boolean connected(String callId) {
        return run(con -> {
            try (PreparedStatement s = con.prepareStatement("UPDATE tel_campaign_number SET result = ?, "
                    + "key_pressed = TRUE, state = ?, next_at = NULL WHERE call_id = ?")) {
                s.setString(1, Campaign.CONNECTED);
                s.setString(2, Campaign.DONE);
                s.setString(3, callId);
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Attempts whose outcome never came (started before this instant) end with result {@code UNKNOWN}. */
    public int expireDialling(Instant startedBefore) {
        return run(con -> {
            try (PreparedStatement s = con.prepareStatement("UPDATE tel_campaign_number SET state = ?, result = ? "
                    + "WHERE state = ? AND attempted_at < ?")) {
                s.setString(1, Campaign.DONE);
                s.setString(2, Campaign.UNKNOWN);
                s.setString(3, Campaign.DIALLING);
                s.setTimestamp(4, Timestamp.from(startedBefore));
                return s.executeUpdate();
            }
        });
    }

    /** Marks the campaign {@code DONE} once no number waits or is being dialled. */
    public boolean finishIfDone(long campaignId) {
        return run(con -> {
            try (PreparedStatement s = con.prepareStatement("UPDATE tel_campaign SET status = ?, ended_at = ? "
                    + "WHERE id = ? AND status = ? AND NOT EXISTS (SELECT 1 FROM tel_campaign_number "
                    + "WHERE campaign_id = ? AND state IN (?, ?))")) {
                s.setString(1, Campaign.DONE);
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                s.setLong(3, campaignId);
                s.setString(4, Campaign.ACTIVE);
                s.setLong(5, campaignId);
                s.setString(6, Campaign.WAITING);
                s.setString(7, Campaign.DIALLING);
                return s.executeUpdate() > 0;
            }
        });
    }

    private Optional<Campaign> find(Connection con, long id) throws SQLException {
        try (PreparedStatement s = con.prepareStatement("SELECT " + CAMPAIGN_COLUMNS + " FROM tel_campaign WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                List<Campaign.Number> numbers = new ArrayList<>();
                try (PreparedStatement n = con.prepareStatement("SELECT " + NUMBER_COLUMNS
                        + " FROM tel_campaign_number WHERE campaign_id = ? ORDER BY id")) {
                    n.setLong(1, id);
                    try (ResultSet rn = n.executeQuery()) {
                        while (rn.next()) {
                            numbers.add(number(rn));
                        }
                    }
                }
                return Optional.of(campaign(r, counts(con, id), numbers));
            }
        }
    }

    /** Numbers per result once done, per state before. */
    private static Map<String, Integer> counts(Connection con, long campaignId) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (PreparedStatement s = con.prepareStatement("SELECT CASE WHEN state = ? THEN result ELSE state END, "
                + "COUNT(*) FROM tel_campaign_number WHERE campaign_id = ? GROUP BY CASE WHEN state = ? THEN result ELSE state END")) {
            s.setString(1, Campaign.DONE);
            s.setLong(2, campaignId);
            s.setString(3, Campaign.DONE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return counts;
    }

    private static Campaign campaign(ResultSet r, Map<String, Integer> counts, List<Campaign.Number> numbers)
            throws SQLException {
        return new Campaign(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getInt(7), r.getInt(8), r.getInt(9), r.getString(10), r.getString(11),
                r.getString(12), instant(r, 13), instant(r, 14), counts, numbers);
    }

    private static Campaign.Number number(ResultSet r) throws SQLException {
        return new Campaign.Number(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getInt(6), instant(r, 7), instant(r, 8), r.getBoolean(9));
    }

    private boolean update(String sql, String callId) {
        return run(con -> {
            try (PreparedStatement s = con.prepareStatement(sql)) {
                s.setString(1, callId);
                return s.executeUpdate() > 0;
            }
        });
    }

    private <T> T run(Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("The reminder campaigns could not be read or written: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
