package org.switchboard.crm.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.spi.ActivityKind;
import org.switchboard.jdbc.InLists;
import org.switchboard.jdbc.Transactions;

/**
 * The local CRM's tickets and activity log, in Switchboard's database ({@code crm_local_*} tables).
 *
 * <p>Every write is idempotent on its key: the unique constraints on {@code idempotency_key} decide,
 * so two callers racing with the same key get one row, and the loser reads the winner's. Thread-safe;
 * every method takes a connection from the pool for its own short transaction. Failures surface as
 * {@link SQLException}s: the caller decides what they mean to it.
 */
@Component(service = TicketStore.class)
public final class TicketStore {
    private static final String TICKET_COLUMNS =
            "id, number, conversation_id, customer_id, subject, status, created_at, updated_at";
    private static final String ENTRY_COLUMNS = "id, ticket_id, customer_id, interaction_id, kind, channel, direction, "
            + "subject, body, agent_id, occurred_at, created_at";

    private final DataSource dataSource;
    private final Clock clock;

    /** Activated by DS once the database is there: brings the tables up to date first. */
    @Activate
    public TicketStore(@Reference(target = "(dataSourceName=switchboard)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
        LocalCrmSchema.update(dataSource);
    }

    /** For tests and tools: a store on tables that {@link LocalCrmSchema#update} already made. */
    public TicketStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Opens a ticket with its first entry, or returns the ticket opened before with the same key.
     * A lost race on the key rolls back, so its number goes to the next ticket.
     */
    public LocalTicket openOnce(NewTicket ticket, NewEntry firstEntry, TicketNumbers numbers) throws SQLException {
        Optional<LocalTicket> existing = findByKey(ticket.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return inTransaction(connection -> {
                LocalTicket opened = insertTickets(connection, List.of(ticket), numbers, takeNumbers(connection, 1)).get(0);
                insertEntry(connection, opened.id(), firstEntry);
                return opened;
            });
        } catch (SQLException e) {
            if (Transactions.isUniqueViolation(e)) {
                Optional<LocalTicket> winner = findByKey(ticket.idempotencyKey());
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw e;
        }
    }

    /** A ticket to open with its first entry, for {@link #openAll}. */
    public record Opening(NewTicket ticket, NewEntry firstEntry) {
    }

    /** An entry to append to a ticket's log ({@code ticketId} not {@code null}) or the customer's, for {@link #appendAll}. */
    public record Append(Long ticketId, NewEntry entry) {
    }

    /**
     * {@link #openOnce} for many, in one transaction: one commit for the lot. If another caller
     * opens one of the same keys meanwhile, they are opened one by one instead.
     *
     * @return the tickets, in the order of the openings
     */
    public List<LocalTicket> openAll(List<Opening> openings, TicketNumbers numbers) throws SQLException {
        if (openings.isEmpty()) {
            return List.of();
        }
        try {
            return inTransaction(connection -> openAll(connection, openings, numbers));
        } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) {
                throw e;
            }
            List<LocalTicket> opened = new ArrayList<>(openings.size());
            for (Opening o : openings) {
                opened.add(openOnce(o.ticket(), o.firstEntry(), numbers));
            }
            return opened;
        }
    }

    /**
     * {@link #openAll} on the caller's connection, in the caller's transaction: neither commits nor
     * rolls back. If another transaction opens one of the same keys meanwhile, the store's unique key
     * fails this one's.
     *
     * @return the tickets, in the order of the openings
     */
    public List<LocalTicket> openAll(Connection connection, List<Opening> openings, TicketNumbers numbers) throws SQLException {
        if (openings.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, LocalTicket> existing = ticketsByKeys(connection,
                openings.stream().map(o -> o.ticket().idempotencyKey()).toList());
        java.util.Map<String, Opening> toOpen = new java.util.LinkedHashMap<>();
        for (Opening o : openings) {
            if (!existing.containsKey(o.ticket().idempotencyKey())) {
                toOpen.putIfAbsent(o.ticket().idempotencyKey(), o);
            }
        }
        if (!toOpen.isEmpty()) {
            List<Opening> fresh = List.copyOf(toOpen.values());
            List<LocalTicket> inserted = insertTickets(connection, fresh.stream().map(Opening::ticket).toList(),
                    numbers, takeNumbers(connection, fresh.size()));
            List<Append> firstEntries = new ArrayList<>(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                firstEntries.add(new Append(inserted.get(i).id(), fresh.get(i).firstEntry()));
                existing.put(fresh.get(i).ticket().idempotencyKey(), inserted.get(i));
            }
            insertEntries(connection, firstEntries);
        }
        List<LocalTicket> opened = new ArrayList<>(openings.size());
        for (Opening o : openings) {
            opened.add(existing.get(o.ticket().idempotencyKey()));
        }
        return opened;
    }

    /**
     * {@link #appendOnce} for many, in one transaction; entries whose key was appended before are
     * left out. If another caller appends one of the same keys meanwhile, they are appended one by one.
     */
    public void appendAll(List<Append> appends) throws SQLException {
        if (appends.isEmpty()) {
            return;
        }
        try {
            inTransaction(connection -> {
                appendAll(connection, appends);
                return null;
            });
        } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) {
                throw e;
            }
            for (Append a : appends) {
                appendOnce(a.ticketId(), a.entry());
            }
        }
    }

    /**
     * {@link #appendAll} on the caller's connection, in the caller's transaction: neither commits nor
     * rolls back. If another transaction appends one of the same keys meanwhile, the store's unique
     * key fails this one's.
     */
    public void appendAll(Connection connection, List<Append> appends) throws SQLException {
        if (appends.isEmpty()) {
            return;
        }
        java.util.Set<String> known = entryKeys(connection,
                appends.stream().map(a -> a.entry().idempotencyKey()).toList());
        java.util.Set<Long> touched = new java.util.LinkedHashSet<>();
        List<Append> fresh = new ArrayList<>(appends.size());
        for (Append a : appends) {
            if (known.add(a.entry().idempotencyKey())) {
                fresh.add(a);
                if (a.ticketId() != null) {
                    touched.add(a.ticketId());
                }
            }
        }
        insertEntries(connection, fresh);
        touch(connection, touched);
    }

    private static java.util.Map<String, LocalTicket> ticketsByKeys(Connection connection, List<String> batchKeys)
            throws SQLException {
        List<String> keys = InLists.padded(batchKeys);
        java.util.Map<String, LocalTicket> found = new java.util.HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT idempotency_key, " + TICKET_COLUMNS
                + " FROM crm_local_tickets WHERE idempotency_key IN (" + InLists.placeholders(keys.size()) + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                select.setString(i + 1, keys.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("idempotency_key"), ticket(rows));
                }
            }
        }
        return found;
    }

    private static java.util.Set<String> entryKeys(Connection connection, List<String> batchKeys) throws SQLException {
        List<String> keys = InLists.padded(batchKeys);
        java.util.Set<String> found = new java.util.HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT idempotency_key FROM crm_local_entries "
                + "WHERE idempotency_key IN (" + InLists.placeholders(keys.size()) + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                select.setString(i + 1, keys.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }


    /**
     * Appends an entry to a ticket's log ({@code ticketId} not {@code null}) or to the customer's
     * only, once per key.
     *
     * @return {@code false} when an entry with this key was appended before
     */
    public boolean appendOnce(Long ticketId, NewEntry entry) throws SQLException {
        if (entryExists(entry.idempotencyKey())) {
            return false;
        }
        try {
            inTransaction(connection -> {
                insertEntry(connection, ticketId, entry);
                if (ticketId != null) {
                    touch(connection, List.of(ticketId));
                }
                return null;
            });
            return true;
        } catch (SQLException e) {
            if (Transactions.isUniqueViolation(e) && entryExists(entry.idempotencyKey())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Sets a ticket's status. When it changes and {@code noteKey} is given, a note saying so is
     * appended to the ticket's log under that key.
     *
     * @param status a status of {@link TicketStatus#ALLOWED}
     * @return the ticket as it is now, or empty when there is no ticket {@code ticketId}
     */
    public Optional<LocalTicket> changeStatus(long ticketId, String status, String noteKey) throws SQLException {
        return inTransaction(connection -> {
            Optional<LocalTicket> current = selectTicket(connection, "id = ? FOR UPDATE", ticketId);
            if (current.isEmpty() || current.get().status().equals(status)) {
                return current;
            }
            LocalTicket before = current.get();
            Instant now = clock.instant();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE crm_local_tickets SET status = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, status);
                update.setObject(2, utc(now));
                update.setLong(3, ticketId);
                update.executeUpdate();
            }
            if (noteKey != null && !entryExists(connection, noteKey)) {
                insertEntry(connection, ticketId, new NewEntry(noteKey, before.customerId(), null,
                        ActivityKind.NOTE.name(), null, null,
                        "Status changed from " + before.status() + " to " + status, null, null, now));
            }
            return selectTicket(connection, "id = ?", ticketId);
        });
    }

    public Optional<LocalTicket> findById(long id) throws SQLException {
        return read(connection -> findById(connection, id));
    }

    /** {@link #findById} on the caller's connection. */
    public Optional<LocalTicket> findById(Connection connection, long id) throws SQLException {
        return selectTicket(connection, "id = ?", id);
    }

    public Optional<LocalTicket> findByNumber(String number) throws SQLException {
        return read(connection -> selectTicket(connection, "number = ?", number));
    }

    public Optional<LocalTicket> findByKey(String idempotencyKey) throws SQLException {
        return read(connection -> selectTicket(connection, "idempotency_key = ?", idempotencyKey));
    }

    /**
     * Tickets newest first, at most {@code limit}.
     *
     * @param customerId only this customer's, or every customer's when {@code null}
     * @param status     only in this status, or in any when {@code null}
     */
    public List<LocalTicket> list(Long customerId, String status, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + TICKET_COLUMNS + " FROM crm_local_tickets WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (customerId != null) {
            sql.append(" AND customer_id = ?");
            parameters.add(customerId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            parameters.add(status);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(limit);
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<LocalTicket> tickets = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        tickets.add(ticket(rows));
                    }
                }
                return tickets;
            }
        });
    }

    /** A ticket's activity log in the order things happened (then in the order they were recorded). */
    public List<LocalEntry> entries(long ticketId) throws SQLException {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ENTRY_COLUMNS
                    + " FROM crm_local_entries WHERE ticket_id = ? ORDER BY occurred_at, id")) {
                select.setLong(1, ticketId);
                List<LocalEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                }
                return entries;
            }
        });
    }

    /**
     * Takes the next {@code count} ticket numbers and returns the first. The counter row stays locked
     * until the transaction ends, so numbers are handed out in order and a rollback returns them.
     */
    private static long takeNumbers(Connection connection, int count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_local_counters SET last_value = last_value + ? WHERE name = 'ticket'")) {
            update.setInt(1, count);
            update.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_value FROM crm_local_counters WHERE name = 'ticket'");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1) - count + 1;
        }
    }

    /** Inserts the tickets in one batch, numbered in order from {@code firstNumber}; returns them with their ids. */
    private List<LocalTicket> insertTickets(Connection connection, List<NewTicket> tickets, TicketNumbers numbers,
                                            long firstNumber) throws SQLException {
        Instant now = clock.instant();
        List<String> numbered = new ArrayList<>(tickets.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_local_tickets "
                + "(number, idempotency_key, conversation_id, customer_id, subject, status, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            for (NewTicket ticket : tickets) {
                String number = numbers.format(firstNumber + numbered.size());
                numbered.add(number);
                insert.setString(1, number);
                insert.setString(2, ticket.idempotencyKey());
                setNullableLong(insert, 3, ticket.conversationId());
                insert.setLong(4, ticket.customerId());
                insert.setString(5, ticket.subject());
                insert.setString(6, TicketStatus.ALLOWED.get(0));
                insert.setObject(7, utc(now));
                insert.setObject(8, utc(now));
                insert.addBatch();
            }
            insert.executeBatch();
            List<LocalTicket> opened = new ArrayList<>(tickets.size());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (NewTicket ticket : tickets) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no id for the new ticket " + ticket.idempotencyKey());
                    }
                    opened.add(new LocalTicket(keys.getLong(1), numbered.get(opened.size()), ticket.conversationId(),
                            ticket.customerId(), ticket.subject(), TicketStatus.ALLOWED.get(0), now, now));
                }
            }
            return opened;
        }
    }

    private void insertEntry(Connection connection, Long ticketId, NewEntry entry) throws SQLException {
        insertEntries(connection, List.of(new Append(ticketId, entry)));
    }

    /** Inserts the entries in one batch. */
    private void insertEntries(Connection connection, List<Append> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = utc(clock.instant());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_local_entries "
                + "(ticket_id, customer_id, idempotency_key, interaction_id, kind, channel, direction, subject, body, "
                + "agent_id, occurred_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Append a : entries) {
                NewEntry entry = a.entry();
                setNullableLong(insert, 1, a.ticketId());
                insert.setLong(2, entry.customerId());
                insert.setString(3, entry.idempotencyKey());
                setNullableLong(insert, 4, entry.interactionId());
                insert.setString(5, entry.kind());
                insert.setString(6, entry.channel());
                insert.setString(7, entry.direction());
                insert.setString(8, entry.subject());
                insert.setString(9, entry.body());
                insert.setString(10, entry.agentId());
                insert.setObject(11, utc(entry.occurredAt()));
                insert.setObject(12, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void touch(Connection connection, java.util.Collection<Long> ticketIds) throws SQLException {
        if (ticketIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = utc(clock.instant());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_local_tickets SET updated_at = ? WHERE id = ?")) {
            for (long ticketId : ticketIds) {
                update.setObject(1, now);
                update.setLong(2, ticketId);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private boolean entryExists(String idempotencyKey) throws SQLException {
        return read(connection -> entryExists(connection, idempotencyKey));
    }

    private static boolean entryExists(Connection connection, String idempotencyKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM crm_local_entries WHERE idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Optional<LocalTicket> selectTicket(Connection connection, String where, Object value)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + TICKET_COLUMNS + " FROM crm_local_tickets WHERE " + where)) {
            select.setObject(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ticket(row)) : Optional.empty();
            }
        }
    }

    private static LocalTicket ticket(ResultSet row) throws SQLException {
        return new LocalTicket(row.getLong("id"), row.getString("number"), nullableLong(row, "conversation_id"),
                row.getLong("customer_id"), row.getString("subject"), row.getString("status"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static LocalEntry entry(ResultSet row) throws SQLException {
        return new LocalEntry(row.getLong("id"), nullableLong(row, "ticket_id"), row.getLong("customer_id"),
                nullableLong(row, "interaction_id"), row.getString("kind"), row.getString("channel"),
                row.getString("direction"), row.getString("subject"), row.getString("body"),
                row.getString("agent_id"), instant(row, "occurred_at"), instant(row, "created_at"));
    }

    private <T> T read(Transactions.Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
        return Transactions.inTransaction(dataSource, work);
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
