package org.switchboard.telephony.callback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.Address;
import org.switchboard.api.service.Customers;
import org.switchboard.api.spi.StoreUnavailableException;
import org.switchboard.jdbc.Transactions;
import org.switchboard.telephony.call.EndedCall;

/**
 * The callback worklist in table {@code tel_callback}. One open entry per number (a unique index on
 * {@code open_number} guards it, across nodes too); every write is idempotent: the same unanswered call
 * recorded twice counts once, closing a closed entry changes nothing. Numbers are kept as the core's identity
 * index writes them ({@link Customers#normalize}: E.164, read in the configured default region), so
 * {@code +4930123456} and {@code 030 123456} are one caller.
 */
@Component(service = CallbackStore.class)
public final class CallbackStore {
    private static final String COLUMNS = "id, number, name, source, status, pbx, did, last_interaction_id, calls, "
            + "longest_wait_seconds, first_at, last_at, preferred_at, attempts, closed_at, closed_reason, closed_by";

    private final DataSource dataSource;
    private final Clock clock;
    private final UnaryOperator<String> numbers;

    @Activate
    public CallbackStore(@Reference(target = "(dataSourceName=switchboard)") DataSource dataSource,
                         @Reference Customers customers) {
        this(dataSource, Clock.systemUTC(), number -> customers.normalize(Address.phone(number)).value());
        TelephonySchema.update(dataSource);
    }

    /**
     * For tests and tools: a store on tables that {@link TelephonySchema#update} already made. (A factory, not a
     * constructor: DS picks the activation constructor among the public ones by its number of arguments.)
     *
     * @param numbers writes a number as the worklist keeps it (the core's normalization)
     */
    public static CallbackStore onTables(DataSource dataSource, Clock clock, UnaryOperator<String> numbers) {
        return new CallbackStore(dataSource, clock, numbers);
    }

    private CallbackStore(DataSource dataSource, Clock clock, UnaryOperator<String> numbers) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.numbers = numbers;
    }

    /** Notes a call nobody answered: a new open entry, or one more call on the number's open entry. */
    public void recordUnanswered(EndedCall call) {
        String number = numbers.apply(call.number());
        int waited = (int) Math.min(Integer.MAX_VALUE, call.waited().toSeconds());
        run(c -> {
            for (int attempt = 0; ; attempt++) {
                try (PreparedStatement update = c.prepareStatement("UPDATE tel_callback SET calls = calls + 1, "
                        + "last_at = ?, last_interaction_id = ?, pbx = ?, did = ?, "
                        + "source = CASE WHEN source = 'REQUESTED' THEN source ELSE ? END, "
                        + "longest_wait_seconds = CASE WHEN longest_wait_seconds < ? THEN ? ELSE longest_wait_seconds END, "
                        + "name = COALESCE(name, ?) "
                        + "WHERE open_number = ? AND (last_interaction_id IS NULL OR last_interaction_id <> ?)")) {
                    update.setTimestamp(1, ts(call.endedAt()));
                    update.setLong(2, call.interactionId());
                    update.setString(3, call.pbx());
                    update.setString(4, call.did());
                    update.setString(5, call.reason().name());
                    update.setInt(6, waited);
                    update.setInt(7, waited);
                    update.setString(8, call.name());
                    update.setString(9, number);
                    update.setLong(10, call.interactionId());
                    if (update.executeUpdate() > 0 || openFor(c, number).isPresent()) {
                        return null;
                    }
                }
                try {
                    insert(c, number, call.name(), call.reason().name(), call.pbx(), call.did(),
                            call.interactionId(), 1, waited, call.startedAt(), call.endedAt(), null);
                    return null;
                } catch (SQLException e) {
                    if (!Transactions.isUniqueViolation(e) || attempt > 0) {
                        throw e;
                    }
                    // another node opened the entry meanwhile: count the call on it
                }
            }
        });
    }

    /**
     * A customer asks to be called back; an open entry for the number takes the request instead.
     *
     * @return the entry's id
     */
    public long request(String given, String name, Instant preferredAt) {
        String number = numbers.apply(given);
        Instant now = clock.instant();
        return run(c -> {
            for (int attempt = 0; ; attempt++) {
                Optional<Callback> open = openFor(c, number);
                if (open.isPresent()) {
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE tel_callback SET preferred_at = ?, name = COALESCE(?, name) WHERE id = ?")) {
                        update.setTimestamp(1, preferredAt == null ? null : ts(preferredAt));
                        update.setString(2, name);
                        update.setLong(3, open.get().id());
                        update.executeUpdate();
                    }
                    return open.get().id();
                }
                try {
                    return insert(c, number, name, Callback.REQUESTED, null, null, 0, 0, 0, now, now, preferredAt);
                } catch (SQLException e) {
                    if (!Transactions.isUniqueViolation(e) || attempt > 0) {
                        throw e;
                    }
                }
            }
        });
    }

    /**
     * Closes the number's open entry, if there is one.
     *
     * @return the entry closed
     */
    public Optional<Callback> closeFor(String given, String reason, String agentId) {
        String number = numbers.apply(given);
        Instant now = clock.instant();
        return run(c -> {
            Optional<Callback> open = openFor(c, number);
            if (open.isPresent()) {
                close(c, open.get().id(), reason, agentId, now);
            }
            return open;
        });
    }

    /** Closes an entry; a closed one stays as it was. */
    public Optional<Callback> close(long id, String reason, String agentId) {
        Instant now = clock.instant();
        return run(c -> {
            close(c, id, reason, agentId, now);
            return find(c, id);
        });
    }

    /** Notes that Switchboard dialled the entry. */
    public void attempted(long id) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE tel_callback SET attempts = attempts + 1, attempted_at = ? WHERE id = ?")) {
                s.setTimestamp(1, ts(clock.instant()));
                s.setLong(2, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Callback> find(long id) {
        return run(c -> find(c, id));
    }

    /** Entries in this status (all when {@code null}), open ones oldest first, closed ones newest first. */
    public List<Callback> list(String status, int limit) {
        String order = Callback.CLOSED.equals(status) ? "closed_at DESC, id DESC" : "first_at, id";
        String where = status == null ? "" : " WHERE status = ?";
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tel_callback" + where
                    + " ORDER BY " + order)) {
                if (status != null) {
                    s.setString(1, status);
                }
                s.setMaxRows(limit);
                return read(s);
            }
        });
    }

    /**
     * Requested callbacks to dial now: open, their preferred time come, not dialled within {@code pause},
     * dialled fewer than {@code maxAttempts} times; the oldest first.
     */
    public List<Callback> dueRequests(Duration pause, int maxAttempts, int limit) {
        Instant now = clock.instant();
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tel_callback "
                    + "WHERE status = 'OPEN' AND source = 'REQUESTED' AND attempts < ? "
                    + "AND (preferred_at IS NULL OR preferred_at <= ?) "
                    + "AND (attempted_at IS NULL OR attempted_at <= ?) ORDER BY first_at, id")) {
                s.setInt(1, maxAttempts);
                s.setTimestamp(2, ts(now));
                s.setTimestamp(3, ts(now.minus(pause)));
                s.setMaxRows(limit);
                return read(s);
            }
        });
    }

    private long insert(Connection c, String number, String name, String source, String pbx, String did,
                        long interactionId, int calls, int waited, Instant firstAt, Instant lastAt,
                        Instant preferredAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tel_callback (number, open_number, name, source, "
                + "status, pbx, did, last_interaction_id, calls, longest_wait_seconds, first_at, last_at, preferred_at, "
                + "attempts) VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, 0)", new String[] {"id"})) {
            s.setString(1, number);
            s.setString(2, number);
            s.setString(3, name);
            s.setString(4, source);
            s.setString(5, pbx);
            s.setString(6, did);
            if (interactionId > 0) {
                s.setLong(7, interactionId);
            } else {
                s.setNull(7, Types.BIGINT);
            }
            s.setInt(8, calls);
            s.setInt(9, waited);
            s.setTimestamp(10, ts(firstAt));
            s.setTimestamp(11, ts(lastAt));
            s.setTimestamp(12, preferredAt == null ? null : ts(preferredAt));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void close(Connection c, long id, String reason, String agentId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE tel_callback SET status = 'CLOSED', open_number = NULL, "
                + "closed_at = ?, closed_reason = ?, closed_by = ? WHERE id = ? AND status = 'OPEN'")) {
            s.setTimestamp(1, ts(now));
            s.setString(2, reason);
            s.setString(3, agentId);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    private static Optional<Callback> openFor(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tel_callback WHERE open_number = ?")) {
            s.setString(1, number);
            return read(s).stream().findFirst();
        }
    }

    private static Optional<Callback> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tel_callback WHERE id = ?")) {
            s.setLong(1, id);
            return read(s).stream().findFirst();
        }
    }

    private static List<Callback> read(PreparedStatement s) throws SQLException {
        List<Callback> result = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                result.add(new Callback(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getLong(8), r.getInt(9), r.getInt(10), instant(r, 11),
                        instant(r, 12), instant(r, 13), r.getInt(14), instant(r, 15), r.getString(16), r.getString(17)));
            }
        }
        return result;
    }

    private <T> T run(Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("The callback worklist could not be read or written: " + e.getMessage(), e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
