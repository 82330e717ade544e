package org.switchboard.crm.local.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.crm.local.Requests.CUSTOMER_ID;
import static org.switchboard.crm.local.Requests.activity;
import static org.switchboard.crm.local.Requests.ticket;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.TicketRef;
import org.switchboard.crm.local.TestClock;
import org.switchboard.jdbc.testing.TestDatabases;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.connector.LocalCrmConnector;
import org.switchboard.crm.local.store.LocalCrmSchema;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;

class LocalTicketsResourceTest {
    private final TicketLinks links = new TicketLinks("http://localhost:8181");
    private LocalCrmConnector connector;
    private LocalTicketsResource resource;

    @BeforeEach
    void createResource() {
        DataSource dataSource = TestDatabases.h2();
        LocalCrmSchema.update(dataSource);
        TicketStore store = new TicketStore(dataSource, new TestClock());
        connector = new LocalCrmConnector(store, new TicketNumbers("SB-", 6), links);
        resource = new LocalTicketsResource(store, links);
    }

    @Test
    void showsTheTicketWithItsEntriesInOrder() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));
        connector.logActivity(activity("reply-1", ref, "We are on our way."));

        TicketView view = resource.ticket("SB-000001");

        assertThat(view.number()).isEqualTo("SB-000001");
        assertThat(view.status()).isEqualTo("open");
        assertThat(view.subject()).isEqualTo("Printer on fire");
        assertThat(view.customerId()).isEqualTo(CUSTOMER_ID);
        assertThat(view.url()).isEqualTo(ref.url());
        assertThat(view.createdAt()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(view.entries()).extracting(EntryView::body)
                .containsExactly("Hello,\nthe printer is on fire.", "We are on our way.");
        assertThat(view.entries().get(1).occurredAt()).isEqualTo("2026-11-22T09:40:00Z");
    }

    @Test
    void answersNotFoundForANumberItDoesNotKnow() {
        assertThatThrownBy(() -> resource.ticket("SB-000999"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("SB-000999");
    }

    @Test
    void listsACustomersTicketsNewestFirst() throws Exception {
        connector.openTicket(ticket("conversation-1"));
        connector.openTicket(ticket("conversation-2"));

        assertThat(resource.tickets(Long.toString(CUSTOMER_ID), null, 100))
                .extracting(TicketSummary::number)
                .containsExactly("SB-000002", "SB-000001");
        assertThat(resource.tickets("7", null, 100)).isEmpty();
    }

    @Test
    void listsOnlyTicketsInTheStatusAskedFor() throws Exception {
        TicketRef first = connector.openTicket(ticket("conversation-1"));
        connector.openTicket(ticket("conversation-2"));
        connector.updateTicketStatus(first, "closed", "status-1");

        assertThat(resource.tickets(null, "closed", 100)).extracting(TicketSummary::number).containsExactly("SB-000001");
        assertThat(resource.tickets(null, "open", 100)).extracting(TicketSummary::number).containsExactly("SB-000002");
    }

    @Test
    void refusesAStatusFilterItDoesNotKnowNamingTheField() {
        assertThatThrownBy(() -> resource.tickets(null, "resolved", 100))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("status"))
                .hasMessageContaining("open, pending, closed");
    }

    @Test
    void refusesACustomerThatIsNotAnId() {
        assertThatThrownBy(() -> resource.tickets("ada", null, 100))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("customer"));
    }
}
