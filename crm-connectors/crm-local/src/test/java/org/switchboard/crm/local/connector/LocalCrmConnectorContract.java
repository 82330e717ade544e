package org.switchboard.crm.local.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.switchboard.crm.local.Requests.OCCURRED_AT;
import static org.switchboard.crm.local.Requests.CUSTOMER_ID;
import static org.switchboard.crm.local.Requests.activity;
import static org.switchboard.crm.local.Requests.ticket;
import static org.switchboard.crm.local.TestDatabases.count;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.crm.local.TestClock;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.store.LocalCrmSchema;
import org.switchboard.crm.local.store.LocalEntry;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;

/** What the local CRM connector does, on a real database: subclasses give the database. */
abstract class LocalCrmConnectorContract {
    private DataSource dataSource;
    private TicketStore store;
    private LocalCrmConnector connector;

    /** A new, empty database. */
    abstract DataSource emptyDatabase() throws Exception;

    @BeforeEach
    void createConnector() throws Exception {
        dataSource = emptyDatabase();
        LocalCrmSchema.update(dataSource);
        store = new TicketStore(dataSource, new TestClock());
        connector = new LocalCrmConnector(store, new TicketNumbers("SB-", 6), new TicketLinks("http://localhost:8181"));
    }

    @Test
    void opensABurstOfTicketsTogetherInOrderAndOncePerKey() throws Exception {
        TicketRef before = connector.openTicket(ticket("conversation-2"));

        List<CrmOutcome<TicketRef>> outcomes = connector.openTickets(
                List.of(ticket("conversation-1"), ticket("conversation-2"), ticket("conversation-3")));

        assertThat(outcomes).allMatch(CrmOutcome::isSuccess);
        assertThat(outcomes).extracting(o -> o.value().number()).containsExactly("SB-000002", "SB-000001", "SB-000003");
        assertThat(outcomes.get(1).value()).isEqualTo(before);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(3);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_entries")).isEqualTo(3);
    }

    @Test
    void aRequestTheLocalCrmRefusesFailsAloneInABurst() throws Exception {
        List<CrmOutcome<TicketRef>> outcomes = connector.openTickets(
                List.of(ticket("conversation-1"), ticket("k".repeat(600)), ticket("conversation-3")));

        assertThat(outcomes).extracting(CrmOutcome::isSuccess).containsExactly(true, false, true);
        assertThat(outcomes.get(1).failure().isRetryable()).isFalse();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(2);
    }

    @Test
    void logsABurstOfActivitiesOncePerKey() throws Exception {
        TicketRef ticket = connector.openTicket(ticket("conversation-1"));
        connector.logActivity(activity("activity-1", ticket, "first"));

        List<CrmOutcome<Void>> outcomes = connector.logActivities(List.of(activity("activity-1", ticket, "first"),
                activity("activity-2", ticket, "second"), activity("activity-3", null, "without ticket")));

        assertThat(outcomes).allMatch(CrmOutcome::isSuccess);
        assertThat(store.entries(Long.parseLong(ticket.externalId()))).extracting(LocalEntry::body)
                .containsExactly("Hello,\nthe printer is on fire.", "first", "second");
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_entries")).isEqualTo(4);
    }

    @Test
    void numbersTicketsFromTheSequence() throws Exception {
        TicketRef first = connector.openTicket(ticket("conversation-1"));
        TicketRef second = connector.openTicket(ticket("conversation-2"));

        assertThat(first.number()).isEqualTo("SB-000001");
        assertThat(second.number()).isEqualTo("SB-000002");
    }

    @Test
    void answersWithAReferenceThatLinksToTheTicket() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

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
    void returnsTheFirstTicketWhenTheSameKeyComesAgain() throws Exception {
        TicketRef first = connector.openTicket(ticket("conversation-1"));
        TicketRef again = connector.openTicket(ticket("conversation-1"));

        assertThat(again).isEqualTo(first);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(1);
    }

    @Test
    void opensOneTicketWhenThreadsRaceWithTheSameKey() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TicketRef>> results = new ArrayList<>();
            Callable<TicketRef> open = () -> {
                start.await();
                return connector.openTicket(ticket("raced-conversation"));
            };
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(open));
            }
            start.countDown();
            List<TicketRef> refs = new ArrayList<>();
            for (Future<TicketRef> result : results) {
                refs.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(refs).allMatch(refs.get(0)::equals);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(1);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_entries")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsTheDescriptionAsTheTicketsFirstEntry() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        List<LocalEntry> entries = store.entries(Long.parseLong(ref.externalId()));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("EMAIL");
            assertThat(entry.channel()).isEqualTo("email");
            assertThat(entry.subject()).isEqualTo("Printer on fire");
            assertThat(entry.body()).isEqualTo("Hello,\nthe printer is on fire.");
            assertThat(entry.interactionId()).isEqualTo(70L);
            assertThat(entry.customerId()).isEqualTo(CUSTOMER_ID);
        });
    }

    @Test
    void appendsAnActivityToItsTicketOncePerKey() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        connector.logActivity(activity("reply-1", ref, "We are on our way."));
        connector.logActivity(activity("reply-1", ref, "We are on our way."));
        connector.logActivity(activity("reply-2", ref, "Fire is out."));

        assertThat(store.entries(Long.parseLong(ref.externalId())))
                .extracting(LocalEntry::body)
                .containsExactly("Hello,\nthe printer is on fire.", "We are on our way.", "Fire is out.");
    }

    @Test
    void recordsTheActivitysDetails() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        connector.logActivity(activity("reply-1", ref, "We are on our way."));

        assertThat(store.entries(Long.parseLong(ref.externalId())).get(1)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("EMAIL");
            assertThat(entry.direction()).isEqualTo("OUTBOUND");
            assertThat(entry.agentId()).isEqualTo("alice");
            assertThat(entry.interactionId()).isEqualTo(71L);
            assertThat(entry.occurredAt()).isEqualTo(OCCURRED_AT.plusSeconds(600));
        });
    }

    @Test
    void logsAnActivityWithoutTicketOnTheCustomerOnly() throws Exception {
        connector.logActivity(activity("call-1", null, "Asked for opening hours."));
        connector.logActivity(activity("call-1", null, "Asked for opening hours."));

        assertThat(count(dataSource, "SELECT COUNT(*) FROM crm_local_entries WHERE ticket_id IS NULL AND customer_id = "
                + CUSTOMER_ID)).isEqualTo(1);
    }

    @Test
    void rejectsAnActivityForATicketThatDoesNotExist() {
        TicketRef unknown = new TicketRef("local", "999", "SB-000999", "open", null);

        assertThatThrownBy(() -> connector.logActivity(activity("reply-1", unknown, "Hello?")))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("SB-000999")
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejectsATicketOfAnotherConnector() {
        TicketRef foreign = new TicketRef("suitecrm-main", "abc-123", "C-1", "open", null);

        assertThatThrownBy(() -> connector.logActivity(activity("reply-1", foreign, "Hello?")))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("suitecrm-main");
    }

    @Test
    void changesATicketsStatus() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        TicketRef pending = connector.updateTicketStatus(ref, "pending", "status-1");
        TicketRef closed = connector.updateTicketStatus(pending, "CLOSED", "status-2");

        assertThat(pending.status()).isEqualTo("pending");
        assertThat(closed).isEqualTo(ref.withStatus("closed"));
        assertThat(store.findByNumber("SB-000001")).hasValueSatisfying(t -> assertThat(t.status()).isEqualTo("closed"));
    }

    @Test
    void notesAStatusChangeInTheTicketsLogOncePerKey() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

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
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        assertThatThrownBy(() -> connector.updateTicketStatus(ref, "resolved", "status-1"))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("resolved")
                .hasMessageContaining("open, pending, closed");
    }

    @Test
    void rejectsAStatusChangeOfATicketThatDoesNotExist() {
        TicketRef unknown = new TicketRef("local", "999", "SB-000999", "open", null);

        assertThatThrownBy(() -> connector.updateTicketStatus(unknown, "closed", "status-1"))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("SB-000999");
    }

    @Test
    void findsNoCustomersSinceTheCoreKeepsThem() {
        assertThat(connector.findCustomers(List.of(Address.email("ada@example.org")))).isEmpty();
    }
}
