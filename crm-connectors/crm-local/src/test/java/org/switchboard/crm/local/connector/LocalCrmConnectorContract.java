package org.switchboard.crm.local.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.switchboard.crm.local.Requests.OCCURRED_AT;
import static org.switchboard.crm.local.Requests.CUSTOMER_ID;
import static org.switchboard.jdbc.testing.TestDatabases.count;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Channel;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.crm.contract.CrmConnectorContract;
import org.switchboard.crm.local.OutageDataSource;
import org.switchboard.crm.local.Requests;
import org.switchboard.crm.local.TestClock;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.store.LocalCrmSchema;
import org.switchboard.crm.local.store.LocalEntry;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;

/**
 * The shared CRM connector contract and what only the local CRM does, on a real database:
 * subclasses give the database.
 */
abstract class LocalCrmConnectorContract extends CrmConnectorContract {
    private OutageDataSource dataSource;
    private TicketStore store;
    private LocalCrmConnector connector;

    /** A new, empty database. */
    abstract DataSource emptyDatabase() throws Exception;

    @Override
    protected CrmConnector newConnector() throws Exception {
        dataSource = new OutageDataSource(emptyDatabase());
        LocalCrmSchema.update(dataSource);
        store = new TicketStore(dataSource, new TestClock());
        connector = new LocalCrmConnector(store, new TicketNumbers("SB-", 6), new TicketLinks("http://localhost:8181"));
        return connector;
    }

    /** The local CRM keeps no customer records: Switchboard's identity index in the core is its customer store. */
    @Override
    protected Optional<CrmRef> seedCustomer(String displayName, String phoneAsStored, String emailAsStored) {
        return Optional.empty();
    }

    @Override
    protected long ticketCount() throws Exception {
        return count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets");
    }

    @Override
    protected List<String> activitiesOnTicket(TicketRef ticket) throws Exception {
        return store.entries(Long.parseLong(ticket.externalId())).stream().map(LocalEntry::body).toList();
    }

    @Override
    protected List<String> activitiesOnCustomer(Customer customer) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT body FROM crm_local_entries"
                     + " WHERE ticket_id IS NULL AND customer_id = ? ORDER BY occurred_at, id")) {
            select.setLong(1, customer.id());
            List<String> bodies = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        }
    }

    @Override
    protected void backendDown() {
        dataSource.down();
    }

    @Override
    protected void backendUp() {
        dataSource.up();
    }

    /** A key longer than the local CRM stores. */
    @Override
    protected TicketRequest refusedTicket(TicketRequest valid) {
        return new TicketRequest("k".repeat(LocalCrmConnector.MAX_KEY_LENGTH + 1), valid.customer(),
                valid.conversationId(), valid.interactionId(), valid.channel(), valid.subject(), valid.description(),
                valid.occurredAt());
    }

    /** A key longer than the local CRM stores. */
    @Override
    protected ActivityRequest refusedActivity(ActivityRequest valid) {
        return new ActivityRequest("k".repeat(LocalCrmConnector.MAX_KEY_LENGTH + 1), valid.ticket(), valid.customer(),
                valid.interactionId(), valid.kind(), valid.channel(), valid.direction(), valid.subject(), valid.body(),
                valid.agentId(), valid.occurredAt());
    }

    @Override
    protected String missingTicketId() {
        return "999";
    }

    @Test
    void opensABurstOfTicketsTogetherInOrderAndOncePerKey() throws Exception {
        TicketRef before = connector.openTicket(Requests.ticket("conversation-2"));

        List<CrmOutcome<TicketRef>> outcomes = connector.openTickets(
                List.of(Requests.ticket("conversation-1"), Requests.ticket("conversation-2"), Requests.ticket("conversation-3")));

        assertThat(outcomes).allMatch(CrmOutcome::isSuccess);
        assertThat(outcomes).extracting(o -> o.value().number()).containsExactly("SB-000002", "SB-000001", "SB-000003");
        assertThat(outcomes.get(1).value()).isEqualTo(before);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(3);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_entries")).isEqualTo(3);
    }

    @Test
    void aRequestTheLocalCrmRefusesFailsAloneInABurst() throws Exception {
        List<CrmOutcome<TicketRef>> outcomes = connector.openTickets(
                List.of(Requests.ticket("conversation-1"), Requests.ticket("k".repeat(600)), Requests.ticket("conversation-3")));

        assertThat(outcomes).extracting(CrmOutcome::isSuccess).containsExactly(true, false, true);
        assertThat(outcomes.get(1).failure().isRetryable()).isFalse();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(2);
    }

    @Test
    void logsABurstOfActivitiesInTheTicketsLog() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-1"));
        connector.logActivity(Requests.activity("activity-1", ticket, "first"));

        List<CrmOutcome<Void>> outcomes = connector.logActivities(List.of(Requests.activity("activity-1", ticket, "first"),
                Requests.activity("activity-2", ticket, "second"), Requests.activity("activity-3", null, "without ticket")));

        assertThat(outcomes).allMatch(CrmOutcome::isSuccess);
        assertThat(store.entries(Long.parseLong(ticket.externalId()))).extracting(LocalEntry::body)
                .containsExactly("Hello,\nthe printer is on fire.", "first", "second");
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_entries")).isEqualTo(4);
    }

    @Test
    void inTheCallersTransactionTicketsAndEntriesCommitWithIt() throws Exception {
        TicketRef before = connector.openTicket(Requests.ticket("conversation-2"));
        List<CrmOutcome<TicketRef>> opened;
        List<CrmOutcome<Void>> logged;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            opened = connector.openTickets(c, List.of(Requests.ticket("conversation-1"), Requests.ticket("conversation-2"),
                    Requests.ticket("k".repeat(600))));
            logged = connector.logActivities(c, List.of(Requests.activity("activity-1", opened.get(0).value(), "follow-up"),
                    Requests.activity("activity-2", new TicketRef("suitecrm", "7", "T-7", TicketRef.OPEN, null), "elsewhere")));
            c.commit();
        }

        assertThat(opened).extracting(CrmOutcome::isSuccess).containsExactly(true, true, false);
        assertThat(opened.get(1).value()).as("a key seen before").isEqualTo(before);
        assertThat(opened.get(2).failure().isRetryable()).isFalse();
        assertThat(logged).extracting(CrmOutcome::isSuccess).containsExactly(true, false);
        assertThat(store.entries(Long.parseLong(opened.get(0).value().externalId()))).extracting(LocalEntry::body)
                .containsExactly("Hello,\nthe printer is on fire.", "follow-up");
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(2);
    }

    @Test
    void inTheCallersTransactionNothingIsWrittenWhenItRollsBack() throws Exception {
        TicketRef before = connector.openTicket(Requests.ticket("conversation-1"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(connector.openTickets(c, List.of(Requests.ticket("conversation-2")))).allMatch(CrmOutcome::isSuccess);
            assertThat(connector.logActivities(c, List.of(Requests.activity("activity-1", before, "follow-up"))))
                    .allMatch(CrmOutcome::isSuccess);
            c.rollback();
        }

        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(1);
        assertThat(store.entries(Long.parseLong(before.externalId()))).extracting(LocalEntry::body)
                .containsExactly("Hello,\nthe printer is on fire.");
        assertThat(connector.openTicket(Requests.ticket("conversation-2")).number()).as("after the rollback, opened anew")
                .isNotEqualTo(before.number());
    }

    @Test
    void numbersTicketsFromTheSequence() throws Exception {
        TicketRef first = connector.openTicket(Requests.ticket("conversation-1"));
        TicketRef second = connector.openTicket(Requests.ticket("conversation-2"));

        assertThat(first.number()).isEqualTo("SB-000001");
        assertThat(second.number()).isEqualTo("SB-000002");
    }

    @Test
    void answersWithAReferenceThatLinksToTheTicket() throws Exception {
        TicketRef ref = connector.openTicket(Requests.ticket("conversation-1"));

        assertThat(ref.connectorId()).isEqualTo("local");
        assertThat(ref.status()).isEqualTo("open");
        assertThat(ref.url()).isEqualTo("http://localhost:8181/switchboard/api/local-crm/tickets/SB-000001");
        assertThat(store.findById(Long.parseLong(ref.externalId()))).hasValueSatisfying(t -> {
            assertThat(t.number()).isEqualTo("SB-000001");
            assertThat(t.customerId()).isEqualTo(CUSTOMER_ID);
            assertThat(t.conversationId()).isEqualTo(7L);
            assertThat(t.subject()).isEqualTo("Printer on fire");
        });
    }

    @Test
    void keepsTheDescriptionAsTheTicketsFirstEntry() throws Exception {
        TicketRef ref = connector.openTicket(Requests.ticket("conversation-1"));

        List<LocalEntry> entries = store.entries(Long.parseLong(ref.externalId()));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("EMAIL");
            assertThat(entry.channel()).isEqualTo("email");
            assertThat(entry.subject()).isEqualTo("Printer on fire");
            assertThat(entry.body()).isEqualTo("Hello,\nthe printer is on fire.");
            assertThat(entry.interactionId()).isEqualTo(70L);
            assertThat(entry.customerId()).isEqualTo(CUSTOMER_ID);
            assertThat(entry.direction()).isEqualTo("INBOUND");
        });
    }

    @Test
    void theFirstEntryOfAConversationTheBusinessBeganIsOutbound() throws Exception {
        TicketRequest call = Requests.ticket("conversation-1");
        TicketRef ref = connector.openTicket(new TicketRequest(call.idempotencyKey(), call.customer(), call.conversationId(),
                call.interactionId(), Channel.VOICE, "Call to Ada Lovelace", null, call.occurredAt(), Direction.OUTBOUND));

        assertThat(store.entries(Long.parseLong(ref.externalId()))).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("CALL");
            assertThat(entry.direction()).isEqualTo("OUTBOUND");
        });
    }

    @Test
    void appendsAnActivityToItsTicketOncePerKey() throws Exception {
        TicketRef ref = connector.openTicket(Requests.ticket("conversation-1"));

        connector.logActivity(Requests.activity("reply-1", ref, "We are on our way."));
        connector.logActivity(Requests.activity("reply-1", ref, "We are on our way."));
        connector.logActivity(Requests.activity("reply-2", ref, "Fire is out."));

        assertThat(store.entries(Long.parseLong(ref.externalId())))
                .extracting(LocalEntry::body)
                .containsExactly("Hello,\nthe printer is on fire.", "We are on our way.", "Fire is out.");
    }

    @Test
    void recordsTheActivitysDetails() throws Exception {
        TicketRef ref = connector.openTicket(Requests.ticket("conversation-1"));

        connector.logActivity(Requests.activity("reply-1", ref, "We are on our way."));

        assertThat(store.entries(Long.parseLong(ref.externalId())).get(1)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("EMAIL");
            assertThat(entry.direction()).isEqualTo("OUTBOUND");
            assertThat(entry.agentId()).isEqualTo("alice");
            assertThat(entry.interactionId()).isEqualTo(71L);
            assertThat(entry.occurredAt()).isEqualTo(OCCURRED_AT.plusSeconds(600));
        });
    }

    @Test
    void rejectsAnActivityForATicketThatDoesNotExist() {
        TicketRef unknown = new TicketRef("local", "999", "SB-000999", "open", null);

        assertThatThrownBy(() -> connector.logActivity(Requests.activity("reply-1", unknown, "Hello?")))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("SB-000999")
                .hasMessageContaining("does not exist");
    }

    @Test
    void changesATicketsStatus() throws Exception {
        TicketRef ref = connector.openTicket(Requests.ticket("conversation-1"));

        TicketRef pending = connector.updateTicketStatus(ref, "pending", "status-1");
        TicketRef closed = connector.updateTicketStatus(pending, "CLOSED", "status-2");

        assertThat(pending.status()).isEqualTo("pending");
        assertThat(closed).isEqualTo(ref.withStatus("closed"));
        assertThat(store.findByNumber("SB-000001")).hasValueSatisfying(t -> assertThat(t.status()).isEqualTo("closed"));
    }

    @Test
    void notesAStatusChangeInTheTicketsLogOncePerKey() throws Exception {
        TicketRef ref = connector.openTicket(Requests.ticket("conversation-1"));

        connector.updateTicketStatus(ref, "closed", "status-1");
        connector.updateTicketStatus(ref, "closed", "status-1");

        assertThat(store.entries(Long.parseLong(ref.externalId())))
                .extracting(LocalEntry::kind, LocalEntry::subject)
                .last()
                .isEqualTo(tuple("NOTE", "Status changed from open to closed"));
        assertThat(store.entries(Long.parseLong(ref.externalId()))).hasSize(2);
    }

    @Test
    void rejectsAStatusItDoesNotKnowNamingTheAllowedOnes() throws Exception {
        TicketRef ref = connector.openTicket(Requests.ticket("conversation-1"));

        assertThatThrownBy(() -> connector.updateTicketStatus(ref, "resolved", "status-1"))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("resolved")
                .hasMessageContaining("open, pending, closed");
    }

}
