package org.switchboard.core.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.Address;
import org.switchboard.api.Agent;
import org.switchboard.api.Channel;
import org.switchboard.api.ConflictException;
import org.switchboard.api.Direction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.Presence;
import org.switchboard.api.Queue;
import org.switchboard.api.Receipt;
import org.switchboard.api.ServiceLevel;
import org.switchboard.api.ThreadHints;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.OutboundMessage;
import org.switchboard.core.Core;
import org.switchboard.core.outbox.OutboxCommands;
import org.switchboard.core.outbox.OutboxSettings;
import org.switchboard.core.support.Contacts;
import org.switchboard.core.support.CoreHarness;
import org.switchboard.core.support.MutableClock;
import org.switchboard.core.support.RecordingSender;
import org.switchboard.core.support.TestStore;

class RepliesTest {
    private static final Queue SUPPORT = new Queue("support", "Support", List.of("support@acme.example"),
            Set.of(Channel.EMAIL), Set.of(), 0, ServiceLevel.DEFAULT, null);
    private static final Agent ALICE = new Agent("alice", "Alice Martin", "alice", List.of(), Set.of(), Map.of("email", 2), null);
    private static final Agent BOB = new Agent("bob", "Bob Stone", "bob", List.of(), Set.of(), Map.of("email", 2), null);

    @TempDir
    Path folder;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    CoreHarness harness;
    RecordingSender mail = new RecordingSender(Channel.EMAIL);

    @BeforeEach
    void start() throws Exception {
        Core.Settings d = Core.Settings.defaults();
        harness = new CoreHarness(TestStore.h2(folder), clock).start(new Core.Settings(d.defaultRegion(), true, d.processing(),
                new OutboxSettings(3, Duration.ofSeconds(2), Duration.ofSeconds(60), 2), d.offerTimeout(),
                d.crmLookupBudget(), d.crmLookupTtl()));
        harness.configure(List.of(SUPPORT), List.of(ALICE, BOB));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** An email from {@code from}, offered to alice, accepted by her, with its ticket opened. */
    private InteractionDetails answeredByAlice(String from, String subject) {
        Receipt r = harness.core().ingress().accept(Contacts.email(from, subject).build());
        harness.core().agents().setPresence("alice", Presence.AVAILABLE, null);
        harness.awaitState(r.interactionId(), InteractionState.OFFERED);
        harness.core().interactions().accept(r.interactionId(), "alice");
        return harness.awaitTicket(r.interactionId());
    }

    private List<OutboxCommand> replies(OutboxCommand.State state) {
        return harness.core().outbox().list(state, 100).stream()
                .filter(c -> OutboxCommands.SEND_REPLY.equals(c.kind())).toList();
    }

    @Test
    void theAgentsReplyGoesToTheCustomerFromTheirMailboxThreadedToTheirMessage() {
        harness.senders.add(mail, "support@acme.example", 0);
        InteractionDetails asked = answeredByAlice("dora@example.org", "Broken kettle");

        OutboxCommand queued = harness.core().interactions().reply(asked.interaction().id(), "alice", "A new one is on its way.");

        assertThat(queued.kind()).isEqualTo(OutboxCommands.SEND_REPLY);
        await().atMost(CoreHarness.WAIT).until(() -> mail.delivered().size() == 1);
        OutboundMessage sent = mail.delivered().get(0);
        assertThat(sent.to()).isEqualTo(Address.email("dora@example.org"));
        assertThat(sent.entryPoint()).isEqualTo("support@acme.example");
        assertThat(sent.body()).isEqualTo("A new one is on its way.");
        assertThat(sent.agentId()).isEqualTo("alice");
        assertThat(sent.subject()).isEqualTo("Re: Broken kettle [" + asked.conversation().ticket().number() + "]");
        assertThat(sent.thread().inReplyTo()).isEqualTo(asked.contact().externalId());
        assertThat(sent.thread().references()).endsWith(asked.contact().externalId());
        await().atMost(CoreHarness.WAIT).until(() -> harness.events.on(Topics.REPLY_SENT).size() == 1);
        assertThat(harness.events.on(Topics.REPLY_SENT).get(0).properties())
                .containsEntry(EventProperties.INTERACTION_ID, asked.interaction().id())
                .containsEntry(EventProperties.AGENT_ID, "alice");
        assertThat(replies(OutboxCommand.State.DONE)).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(queued.id()));
    }

    @Test
    void aReplyThatWentOutIsLoggedOnceOnTheTicketAsTheAgentsOutgoingMessage() {
        harness.senders.add(mail, "support@acme.example", 0);
        InteractionDetails asked = answeredByAlice("jon@example.org", "Wrong size");

        harness.core().interactions().reply(asked.interaction().id(), "alice", "Send it back, we pay the postage.");

        ActivityRequest logged = await().atMost(CoreHarness.WAIT).until(() -> harness.crm.logged().stream()
                .filter(a -> a.direction() == Direction.OUTBOUND).toList(), l -> !l.isEmpty()).get(0);
        assertThat(logged.ticket()).isEqualTo(asked.conversation().ticket());
        assertThat(logged.customer().id()).isEqualTo(asked.customer().id());
        assertThat(logged.interactionId()).isEqualTo(asked.interaction().id());
        assertThat(logged.channel()).isEqualTo(Channel.EMAIL);
        assertThat(logged.agentId()).isEqualTo("alice");
        assertThat(logged.body()).isEqualTo("Send it back, we pay the postage.");
        assertThat(logged.subject()).isEqualTo(mail.delivered().get(0).subject());
        await().atMost(CoreHarness.WAIT).until(() -> harness.core().outbox().list(OutboxCommand.State.PENDING, 100).isEmpty());
        assertThat(harness.crm.logged()).filteredOn(a -> a.direction() == Direction.OUTBOUND).hasSize(1);
    }

    @Test
    void theCustomersAnswerToTheReplyLandsInTheSameConversation() {
        harness.senders.add(mail, "support@acme.example", 0);
        InteractionDetails asked = answeredByAlice("erik@example.org", "Invoice");
        harness.core().interactions().reply(asked.interaction().id(), "alice", "Attached, see page 2.");
        await().atMost(CoreHarness.WAIT).until(() -> harness.events.on(Topics.REPLY_SENT).size() == 1);
        String replyId = "<reply-1@support@acme.example>";

        Receipt answer = harness.core().ingress().accept(Contacts.email("erik@example.org", "Thanks")
                .thread(new ThreadHints(null, replyId, List.of(replyId))).build());

        assertThat(harness.awaitState(answer.interactionId(), InteractionState.OFFERED).conversation().id())
                .isEqualTo(asked.conversation().id());
    }

    @Test
    void aReplyWaitsWhileTheChannelIsDownAndGoesOutOnce() {
        harness.senders.add(mail, "support@acme.example", 0);
        mail.failNext(1);
        InteractionDetails asked = answeredByAlice("fay@example.org", "Refund");

        harness.core().interactions().reply(asked.interaction().id(), "alice", "Refunded today.");

        await().atMost(CoreHarness.WAIT).until(() -> replies(OutboxCommand.State.PENDING).stream().anyMatch(c -> c.attempts() == 1));
        assertThat(replies(OutboxCommand.State.PENDING).get(0).lastError()).isEqualTo("421 service not available");
        assertThat(mail.delivered()).isEmpty();

        clock.advance(Duration.ofSeconds(3));

        await().atMost(CoreHarness.WAIT).until(() -> replies(OutboxCommand.State.DONE).size() == 1);
        assertThat(mail.delivered()).hasSize(1);
    }

    @Test
    void aReplyOnAChannelWithNoSenderWaitsForOneWithoutUsingUpAttempts() {
        InteractionDetails asked = answeredByAlice("gus@example.org", "Delivery");

        harness.core().interactions().reply(asked.interaction().id(), "alice", "Tomorrow morning.");

        await().atMost(CoreHarness.WAIT).until(() -> replies(OutboxCommand.State.PENDING).stream()
                .anyMatch(c -> c.lastError() != null));
        OutboxCommand waiting = replies(OutboxCommand.State.PENDING).get(0);
        assertThat(waiting.lastError()).contains("waiting for a sender of channel 'email' for support@acme.example");
        assertThat(waiting.attempts()).isZero();

        harness.senders.add(mail, null, 0); // a sender for every mailbox of the channel
        clock.advance(Duration.ofSeconds(6));

        await().atMost(CoreHarness.WAIT).until(() -> mail.delivered().size() == 1);
    }

    @Test
    void aReplyTheChannelRefusesFailsForGoodAndIsAnnounced() {
        harness.senders.add(mail, "support@acme.example", 0);
        mail.refuseAll();
        InteractionDetails asked = answeredByAlice("hal@example.org", "Password");

        harness.core().interactions().reply(asked.interaction().id(), "alice", "Reset it here.");

        await().atMost(CoreHarness.WAIT).until(() -> replies(OutboxCommand.State.FAILED).size() == 1);
        assertThat(replies(OutboxCommand.State.FAILED).get(0).lastError()).isEqualTo("550 no such mailbox");
        await().atMost(CoreHarness.WAIT).until(() -> harness.events.on(Topics.OUTBOX_FAILED).size() == 1);
        assertThat(harness.core().outbox().list(OutboxCommand.State.PENDING, 100)).isEmpty();
        assertThat(harness.crm.logged()).as("a reply that never went out is not in the CRM")
                .noneMatch(a -> a.direction() == Direction.OUTBOUND);
    }

    @Test
    void onlyTheInteractionsAgentRepliesAndAnEmptyReplyIsRefused() {
        InteractionDetails asked = answeredByAlice("ida@example.org", "Hello");
        long id = asked.interaction().id();

        assertThatThrownBy(() -> harness.core().interactions().reply(id, "bob", "Hi"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("assigned to another agent");
        assertThatThrownBy(() -> harness.core().interactions().reply(id, "alice", "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> harness.core().interactions().reply(id + 1000, "alice", "Hi"))
                .isInstanceOf(NotFoundException.class);
        assertThat(replies(OutboxCommand.State.PENDING)).isEmpty();
    }
}
