package org.switchboard.crm.local.connector;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.switchboard.api.Address;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityKind;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.InStoreCrm;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.crm.local.LocalCrmConfig;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.store.LocalTicket;
import org.switchboard.crm.local.store.NewEntry;
import org.switchboard.crm.local.store.NewTicket;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStatus;
import org.switchboard.crm.local.store.TicketStore;

/**
 * The embedded default CRM, connector id {@value #ID}: tickets and their activity log in Switchboard's
 * own database, so that Switchboard is useful with no external CRM.
 *
 * <p>A ticket's {@link TicketRef#externalId() externalId} is its database id, its number is
 * {@code <ticketPrefix><counter value>} (e.g. {@code SB-000123}), its URL the REST resource that
 * shows it with its activity log. The request's idempotency key is stored with every ticket and
 * entry; a second call with a key seen before returns what the first made.
 *
 * <p>As an {@link InStoreCrm} it also writes on the core's connection: the core opens new
 * conversations' tickets and logs follow-ups in the transaction that processes the contacts.
 */
@Component(configurationPid = LocalCrmConfig.PID,
        property = CrmConnector.ID_PROPERTY + "=" + LocalCrmConnector.ID)
@Designate(ocd = LocalCrmConfig.class)
public final class LocalCrmConnector implements CrmConnector, InStoreCrm {
    public static final String ID = "local";

    /** Longest idempotency key taken; the column holds 512 and the opening entry's key adds a suffix. */
    static final int MAX_KEY_LENGTH = 500;
    static final int MAX_SUBJECT_LENGTH = 1000;
    private static final String OPENING_ENTRY_SUFFIX = "#opened";

    private final TicketStore store;
    private final TicketNumbers numbers;
    private final TicketLinks links;

    @Activate
    public LocalCrmConnector(@Reference TicketStore store, LocalCrmConfig config) {
        this(store, TicketNumbers.of(config), TicketLinks.of(config));
    }

    public LocalCrmConnector(TicketStore store, TicketNumbers numbers, TicketLinks links) {
        this.store = store;
        this.numbers = numbers;
        this.links = links;
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Always empty: the local CRM keeps no customer records of its own. Switchboard's identity index
     * in the core is the local customer store, and the core consults it before any connector.
     */
    @Override
    public List<CrmMatch> findCustomers(List<Address> addresses) {
        return List.of();
    }

    /** Opens the ticket with the request's description as its first entry; once per idempotency key. */
    @Override
    public TicketRef openTicket(TicketRequest request) throws CrmException {
        TicketStore.Opening opening = opening(request);
        try {
            return ref(store.openOnce(opening.ticket(), opening.firstEntry(), numbers));
        } catch (SQLException e) {
            throw Failures.of("open a ticket", e);
        }
    }

    /** Opens them all in one transaction; a request the local CRM refuses fails alone. */
    @Override
    public List<CrmOutcome<TicketRef>> openTickets(List<TicketRequest> requests) {
        Bulk<TicketStore.Opening> bulk = Bulk.of(requests, LocalCrmConnector::opening);
        try {
            bulk.succeeded(store.openAll(bulk.writes(), numbers).stream().map(this::ref).toList());
        } catch (SQLException e) {
            bulk.failed(Failures.of("open tickets", e));
        }
        return bulk.outcomes();
    }

    /** Opens them all in the caller's transaction; a request the local CRM refuses fails alone. */
    @Override
    public List<CrmOutcome<TicketRef>> openTickets(Connection connection, List<TicketRequest> requests) throws SQLException {
        Bulk<TicketStore.Opening> bulk = Bulk.of(requests, LocalCrmConnector::opening);
        bulk.succeeded(store.openAll(connection, bulk.writes(), numbers).stream().map(this::ref).toList());
        return bulk.outcomes();
    }

    private static TicketStore.Opening opening(TicketRequest request) throws CrmException {
        String key = checkedKey(request.idempotencyKey());
        long customerId = request.customer().id();
        NewTicket ticket = new NewTicket(key, positiveOrNull(request.conversationId()), customerId,
                shortened(request.subject()));
        NewEntry first = new NewEntry(key + OPENING_ENTRY_SUFFIX, customerId,
                positiveOrNull(request.interactionId()), ActivityKind.of(request.channel()).name(),
                request.channel().id(), request.direction().name(), shortened(request.subject()), request.description(),
                null, request.occurredAt());
        return new TicketStore.Opening(ticket, first);
    }

    /**
     * Appends the activity to its ticket's log or, for a request without a ticket, to the customer's
     * only; once per idempotency key. A ticket that is not a local one, or no longer exists, is rejected.
     */
    @Override
    public void logActivity(ActivityRequest request) throws CrmException {
        TicketStore.Append append = append(request, store::findById);
        try {
            store.appendOnce(append.ticketId(), append.entry());
        } catch (SQLException e) {
            throw Failures.of("log an activity", e);
        }
    }

    /** Appends them all in one transaction; a request the local CRM refuses fails alone. */
    @Override
    public List<CrmOutcome<Void>> logActivities(List<ActivityRequest> requests) {
        Bulk<TicketStore.Append> bulk = Bulk.of(requests, r -> append(r, store::findById));
        try {
            store.appendAll(bulk.writes());
            bulk.succeeded();
        } catch (SQLException e) {
            bulk.failed(Failures.of("log activities", e));
        }
        return bulk.outcomes();
    }

    /** Appends them all in the caller's transaction; a request the local CRM refuses fails alone. */
    @Override
    public List<CrmOutcome<Void>> logActivities(Connection connection, List<ActivityRequest> requests) throws SQLException {
        Bulk<TicketStore.Append> bulk = Bulk.of(requests, r -> append(r, id -> store.findById(connection, id)));
        store.appendAll(connection, bulk.writes());
        bulk.succeeded();
        return bulk.outcomes();
    }

    private static TicketStore.Append append(ActivityRequest request, ById tickets) throws CrmException {
        String key = checkedKey(request.idempotencyKey());
        Long ticketId = request.ticket() == null ? null : existing(request.ticket(), tickets).id();
        NewEntry entry = new NewEntry(key, request.customer().id(), positiveOrNull(request.interactionId()),
                request.kind().name(), request.channel().id(), request.direction().name(),
                shortened(request.subject()), request.body(), request.agentId(), request.occurredAt());
        return new TicketStore.Append(ticketId, entry);
    }

    /** What the local CRM can read from the requests of a bulk call, and the outcome of each request. */
    private static final class Bulk<W> {
        private final CrmOutcome<?>[] outcomes;
        private final List<W> writes = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();

        private interface Reading<R, W> {
            W read(R request) throws CrmException;
        }

        private Bulk(int size) {
            this.outcomes = new CrmOutcome<?>[size];
        }

        /** Reads every request; one the local CRM refuses has its failed outcome at once. */
        static <R, W> Bulk<W> of(List<R> requests, Reading<R, W> reading) {
            Bulk<W> bulk = new Bulk<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                try {
                    bulk.writes.add(reading.read(requests.get(i)));
                    bulk.positions.add(i);
                } catch (CrmException e) {
                    bulk.outcomes[i] = CrmOutcome.failed(e);
                }
            }
            return bulk;
        }

        List<W> writes() {
            return writes;
        }

        /** The writes succeeded with these results, one per write. */
        void succeeded(List<?> results) {
            for (int j = 0; j < results.size(); j++) {
                outcomes[positions.get(j)] = CrmOutcome.ok(results.get(j));
            }
        }

        /** The writes succeeded, without results. */
        void succeeded() {
            positions.forEach(i -> outcomes[i] = CrmOutcome.ok(null));
        }

        void failed(CrmException failure) {
            positions.forEach(i -> outcomes[i] = CrmOutcome.failed(failure));
        }

        @SuppressWarnings("unchecked")
        <T> List<CrmOutcome<T>> outcomes() {
            List<CrmOutcome<T>> list = new ArrayList<>(outcomes.length);
            for (CrmOutcome<?> o : outcomes) {
                list.add((CrmOutcome<T>) o);
            }
            return list;
        }
    }

    /**
     * Sets the status ({@code open}, {@code pending} or {@code closed}, in any case); a change is noted in
     * the ticket's log under the idempotency key.
     */
    @Override
    public TicketRef updateTicketStatus(TicketRef ticket, String status, String idempotencyKey) throws CrmException {
        String newStatus = TicketStatus.parse(status).orElseThrow(() -> CrmException.reject(
                "Ticket status '" + status + "' is not one the local CRM knows; use one of " + TicketStatus.allowed()));
        String key = idempotencyKey == null ? null : checkedKey(idempotencyKey);
        LocalTicket current = existing(ticket);
        try {
            return ref(store.changeStatus(current.id(), newStatus, key).orElseThrow(() -> missing(ticket)));
        } catch (SQLException e) {
            throw Failures.of("change a ticket's status", e);
        }
    }

    private LocalTicket existing(TicketRef ref) throws CrmException {
        return existing(ref, store::findById);
    }

    private interface ById {
        Optional<LocalTicket> find(long id) throws SQLException;
    }

    private static LocalTicket existing(TicketRef ref, ById byId) throws CrmException {
        if (!ID.equals(ref.connectorId())) {
            throw CrmException.reject("Ticket " + ref.number() + " belongs to CRM connector '" + ref.connectorId()
                    + "', not to the local CRM");
        }
        long id;
        try {
            id = Long.parseLong(ref.externalId());
        } catch (NumberFormatException e) {
            throw missing(ref);
        }
        try {
            return byId.find(id).orElseThrow(() -> missing(ref));
        } catch (SQLException e) {
            throw Failures.of("read a ticket", e);
        }
    }

    private static CrmException missing(TicketRef ref) {
        return CrmException.reject("Ticket " + ref.number() + " (id " + ref.externalId()
                + ") does not exist in the local CRM");
    }

    private TicketRef ref(LocalTicket ticket) {
        return new TicketRef(ID, Long.toString(ticket.id()), ticket.number(), ticket.status(),
                links.ticket(ticket.number()));
    }

    private static String checkedKey(String key) throws CrmException {
        if (key.length() > MAX_KEY_LENGTH) {
            throw CrmException.reject("The idempotency key is longer than " + MAX_KEY_LENGTH
                    + " characters, more than the local CRM stores");
        }
        return key;
    }

    /** Titles longer than a column are cut rather than refused: a ticket matters more than its full title. */
    private static String shortened(String subject) {
        if (subject == null || subject.length() <= MAX_SUBJECT_LENGTH) {
            return subject;
        }
        return subject.substring(0, MAX_SUBJECT_LENGTH - 1) + '…';
    }

    private static Long positiveOrNull(long id) {
        return id > 0 ? id : null;
    }
}
