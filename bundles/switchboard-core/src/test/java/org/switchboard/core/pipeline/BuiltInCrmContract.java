package org.switchboard.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Receipt;
import org.switchboard.api.ThreadHints;
import org.switchboard.api.TicketRef;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.core.support.Contacts;
import org.switchboard.core.support.CoreHarness;
import org.switchboard.core.support.TestStore;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.connector.LocalCrmConnector;
import org.switchboard.crm.local.store.LocalCrmSchema;
import org.switchboard.crm.local.store.LocalEntry;
import org.switchboard.crm.local.store.LocalTicket;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;

/**
 * The core with the real built-in CRM on the same store: its tickets and follow-ups are written in
 * the transaction that processes the contact, not through the outbox; when it is not there, the
 * outbox keeps them, in order, until it is.
 */
abstract class BuiltInCrmContract {
    CoreHarness harness;
    TicketStore tickets;
    LocalCrmConnector local;

    abstract TestStore store() throws Exception;

    @BeforeEach
    void startCore() throws Exception {
        harness = new CoreHarness(store(), Clock.systemUTC());
        LocalCrmSchema.update(harness.store.dataSource());
        tickets = new TicketStore(harness.store.dataSource(), Clock.systemUTC());
        local = new LocalCrmConnector(tickets, new TicketNumbers("SB-", 6), new TicketLinks("http://localhost:8181"));
        harness.crms.remove(harness.crm);
    }

    @AfterEach
    void stopCore() {
        harness.close();
    }

    private Receipt accept(InboundContact contact) {
        return harness.core().ingress().accept(contact);
    }

    private void startWithBuiltInCrm() throws SQLException {
        harness.crms.add(local, 0);
        harness.start();
    }

    private static InboundContact replyTo(InboundContact question, String body) {
        return Contacts.email(question.from().value(), "Re: " + question.subject()).body(body)
                .thread(new ThreadHints(null, question.externalId(), List.of(question.externalId()))).build();
    }

    private List<LocalEntry> entries(TicketRef ticket) throws SQLException {
        return tickets.entries(Long.parseLong(ticket.externalId()));
    }

    @Test
    void aNewConversationIsQueuedWithItsTicketAlreadyOpenAndNothingWaitsInTheOutbox() throws SQLException {
        startWithBuiltInCrm();
        InboundContact question = Contacts.email("dora@example.org", "Parcel never arrived").build();
        Receipt receipt = accept(question);

        InteractionDetails queued = harness.awaitState(receipt.interactionId(), InteractionState.QUEUED);
        TicketRef ticket = queued.conversation().ticket();
        assertThat(ticket).as("the ticket, committed with the conversation").isNotNull();
        assertThat(ticket.connectorId()).isEqualTo("local");
        assertThat(ticket.number()).isEqualTo("SB-000001");
        LocalTicket stored = tickets.findByNumber("SB-000001").orElseThrow();
        assertThat(stored.conversationId()).isEqualTo(queued.conversation().id());
        assertThat(stored.customerId()).isEqualTo(queued.customer().id());
        assertThat(stored.subject()).isEqualTo("Parcel never arrived");
        assertThat(entries(ticket)).singleElement().satisfies(e -> {
            assertThat(e.interactionId()).isEqualTo(receipt.interactionId());
            assertThat(e.body()).isEqualTo(question.body());
            assertThat(e.direction()).isEqualTo("INBOUND");
        });
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_outbox")).as("outbox commands").isZero();
        await().atMost(CoreHarness.WAIT).until(() -> harness.events.on(Topics.TICKET_OPENED).size() == 1);
        assertThat(harness.events.on(Topics.TICKET_OPENED).get(0).properties())
                .containsEntry(EventProperties.CONVERSATION_ID, queued.conversation().id())
                .containsEntry(EventProperties.TICKET, ticket);
    }

    @Test
    void aFollowUpIsLoggedOnTheTicketWhenItIsQueued() throws SQLException {
        startWithBuiltInCrm();
        InboundContact question = Contacts.email("emil@example.org", "Wrong size").build();
        Receipt first = accept(question);
        TicketRef ticket = harness.awaitState(first.interactionId(), InteractionState.QUEUED).conversation().ticket();
        Receipt reply = accept(replyTo(question, "Size M, not L"));

        InteractionDetails queued = harness.awaitState(reply.interactionId(), InteractionState.QUEUED);
        assertThat(queued.conversation().ticket()).isEqualTo(ticket);
        assertThat(entries(ticket)).extracting(LocalEntry::interactionId)
                .containsExactly(first.interactionId(), reply.interactionId());
        assertThat(entries(ticket).get(1).body()).isEqualTo("Size M, not L");
        assertThat(entries(ticket).get(1).direction()).isEqualTo("INBOUND");
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_outbox")).as("outbox commands").isZero();
        assertThat(harness.events.on(Topics.TICKET_OPENED)).hasSize(1);
    }

    @Test
    void withoutTheBuiltInCrmTheOutboxKeepsTicketAndFollowUpInOrderUntilItArrives() throws SQLException {
        harness.start();
        InboundContact question = Contacts.email("fay@example.org", "Login fails").build();
        Receipt first = accept(question);
        harness.awaitState(first.interactionId(), InteractionState.QUEUED);
        Receipt reply = accept(replyTo(question, "Still failing"));
        harness.awaitState(reply.interactionId(), InteractionState.QUEUED);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_outbox WHERE state = 'PENDING'")).isEqualTo(2);

        harness.crms.add(local, 0);
        TicketRef ticket = harness.awaitTicket(first.interactionId()).conversation().ticket();
        await().atMost(CoreHarness.WAIT).until(() -> entries(ticket).size() == 2);
        assertThat(entries(ticket)).extracting(LocalEntry::interactionId)
                .containsExactly(first.interactionId(), reply.interactionId());

        // with the ticket open and nothing waiting, the next follow-up goes in with its contact
        Receipt third = accept(replyTo(question, "Works now, thanks"));
        harness.awaitState(third.interactionId(), InteractionState.QUEUED);
        assertThat(entries(ticket)).extracting(LocalEntry::interactionId)
                .containsExactly(first.interactionId(), reply.interactionId(), third.interactionId());
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_outbox")).as("outbox commands, all done").isEqualTo(2);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_outbox WHERE state <> 'DONE'")).isZero();
    }
}
