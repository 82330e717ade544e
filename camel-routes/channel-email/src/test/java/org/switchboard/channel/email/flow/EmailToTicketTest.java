package org.switchboard.channel.email.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.switchboard.api.Address;
import org.switchboard.api.Agent;
import org.switchboard.api.Channel;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Presence;
import org.switchboard.api.Queue;
import org.switchboard.api.ServiceLevel;
import org.switchboard.api.TicketRef;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.ack.AutoAcknowledger;
import org.switchboard.channel.email.inbound.EmailInboundRoutes;
import org.switchboard.channel.email.inbound.InboundMailProcessor;
import org.switchboard.channel.email.outbound.SmtpSender;
import org.switchboard.channel.email.store.EmailSchema;
import org.switchboard.channel.email.store.EmailStore;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.channel.email.testing.Mails;
import org.switchboard.channel.email.testing.SwitchboardOnH2;

/**
 * The whole way, with the real core and the built-in CRM: mail in a GreenMail mailbox → contact →
 * customer, conversation, ticket in crm-local → acknowledgement with the ticket number back to the customer.
 */
class EmailToTicketTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final MailServer server = new MailServer();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private SwitchboardOnH2 switchboard;
    private AutoAcknowledger acks;

    @AfterEach
    void tearDown() {
        camel.stop();
        if (acks != null) {
            acks.close();
        }
        if (switchboard != null) {
            switchboard.close();
        }
        server.close();
    }

    private void start(Mailbox mailbox) throws Exception {
        switchboard = new SwitchboardOnH2();
        EmailSchema.update(switchboard.dataSource);
        EmailStore store = new EmailStore(switchboard.dataSource, Clock.systemUTC());
        SmtpSender sender = new SmtpSender(mailbox, store);
        switchboard.senders.add(sender, mailbox.address(), 0);
        acks = new AutoAcknowledger(mailbox, store, switchboard.core.interactions(), sender, Clock.systemUTC());
        switchboard.onEvent((topic, props) -> acks.handleEvent(new Event(topic, props)));
        camel.addRoutes(new EmailInboundRoutes(mailbox,
                new InboundMailProcessor(mailbox, store, switchboard.core.ingress(), acks, Clock.systemUTC())));
        camel.start();
    }

    private InteractionDetails ticketOf(String messageId) {
        return await().atMost(DEADLINE).until(() -> switchboard.byExternalId(messageId),
                d -> d.isPresent() && d.get().conversation() != null && d.get().conversation().ticket() != null).orElseThrow();
    }

    private static String reply(String headers, String subject, String id) {
        return "From: Anna Schmidt <anna@customer.example>\nTo: support@example.com\nSubject: " + subject
                + "\nMessage-ID: <" + id + ">\n" + headers + "\nmore details\n";
    }

    @Test
    void aMailBecomesATicketForItsSenderAndRepliesLandInIt() throws Exception {
        start(Mailboxes.imap(server));
        server.deliver(Mails.order(1));
        InteractionDetails first = ticketOf("order-1@customer.example");
        TicketRef ticket = first.conversation().ticket();
        assertThat(ticket.connectorId()).isEqualTo("local");
        assertThat(ticket.number()).isEqualTo("SB-000001");
        assertThat(first.customer().addresses()).contains(Address.email("anna@customer.example"));
        assertThat(first.customer().displayName()).isEqualTo("Anna Schmidt");

        // threaded by In-Reply-To / References
        server.deliver(reply("In-Reply-To: <order-1@customer.example>\nReferences: <order-1@customer.example>\n",
                "Re: Order 1 is late", "reply-1@customer.example"));
        // threaded by the ticket number in the subject, from another address and without headers
        server.deliver(reply("", "[SB-000001] anything new?", "reply-2@customer.example")
                .replace("anna@customer.example", "anna.work@customer.example"));
        // a new matter
        server.deliver(Mails.order(2));

        InteractionDetails byHeaders = ticketOf("reply-1@customer.example");
        InteractionDetails bySubject = ticketOf("reply-2@customer.example");
        InteractionDetails other = ticketOf("order-2@customer.example");
        assertThat(byHeaders.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(bySubject.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(other.conversation().id()).isNotEqualTo(first.conversation().id());
        assertThat(other.conversation().ticket().number()).isEqualTo("SB-000002");
    }

    @Test
    void anAgentsReplyReachesTheCustomerThreadedAndTheCustomersAnswerLandsInTheSameTicket() throws Exception {
        start(Mailboxes.imap(server));
        switchboard.core.configureQueues(List.of(new Queue("support", "Support", List.of(MailServer.ADDRESS),
                Set.of(Channel.EMAIL), Set.of(), 0, ServiceLevel.DEFAULT, null)));
        switchboard.core.configureAgents(List.of(new Agent("bob", "Bob Stone", "bob", List.of(), Set.of(),
                Map.of("email", 2), null)));
        switchboard.core.agents().setPresence("bob", Presence.AVAILABLE, null);
        server.deliver(Mails.order(1));
        InteractionDetails first = ticketOf("order-1@customer.example");
        long id = first.interaction().id();
        await().atMost(DEADLINE).until(() -> switchboard.core.interactions().find(id).orElseThrow().interaction().state()
                == InteractionState.OFFERED);
        switchboard.core.interactions().accept(id, "bob");

        switchboard.core.interactions().reply(id, "bob", "It ships today.");
        await().atMost(DEADLINE).until(() -> server.sentToCustomers().length == 1);
        MimeMessage answer = server.sentToCustomers()[0];
        assertThat(answer.getAllRecipients()[0].toString()).isEqualTo("anna@customer.example");
        assertThat(answer.getFrom()[0].toString()).isEqualTo(MailServer.ADDRESS);
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<order-1@customer.example>");
        assertThat((String) answer.getContent()).contains("It ships today.");

        // the customer's mail client answers with the agent's Message-ID only
        server.deliver(reply("In-Reply-To: " + answer.getMessageID() + "\n", "Re: your order", "reply-9@customer.example"));
        assertThat(ticketOf("reply-9@customer.example").conversation().id()).isEqualTo(first.conversation().id());
    }

    @Test
    void aNewConversationIsAcknowledgedWithItsTicketNumberAndAReplyIsNot() throws Exception {
        start(Mailboxes.withAcks(server));
        server.deliver(Mails.order(1));
        ticketOf("order-1@customer.example");

        await().atMost(DEADLINE).until(() -> server.sentToCustomers().length == 1);
        MimeMessage ack = server.sentToCustomers()[0];
        assertThat(ack.getSubject()).isEqualTo("[SB-000001] Order 1 is late");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<order-1@customer.example>");

        // the customer answers the acknowledgement: threaded, and not acknowledged again
        server.deliver(reply("In-Reply-To: " + ack.getMessageID() + "\nReferences: <order-1@customer.example> "
                + ack.getMessageID() + "\n", "Re: [SB-000001] Order 1 is late", "reply-1@customer.example"));
        server.deliver(Mails.order(2));
        ticketOf("order-2@customer.example");
        await().atMost(DEADLINE).until(() -> server.sentToCustomers().length == 2);
        Optional<InteractionDetails> reply = switchboard.byExternalId("reply-1@customer.example");
        assertThat(reply).hasValueSatisfying(d -> assertThat(d.conversation().ticket().number()).isEqualTo("SB-000001"));
        assertThat(server.sentToCustomers()[1].getSubject()).isEqualTo("[SB-000002] Order 2 is late");
        assertThat(server.sentToCustomers()).hasSize(2);
    }
}
