package org.switchboard.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.Address;
import org.switchboard.api.Agent;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Channel;
import org.switchboard.api.ConflictException;
import org.switchboard.api.Direction;
import org.switchboard.api.EndReason;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.Presence;
import org.switchboard.api.Queue;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.Receipt;
import org.switchboard.api.RoutingMode;
import org.switchboard.api.ScreenPop;
import org.switchboard.api.ServiceLevel;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.core.Core;
import org.switchboard.core.support.Contacts;
import org.switchboard.core.support.CoreHarness;
import org.switchboard.core.support.RecordedEvents;
import org.switchboard.core.support.TestStore;

class RoutingTest {
    private static final Queue SUPPORT = new Queue("support", "Support", List.of("support@acme.example"),
            Set.of(Channel.EMAIL), Set.of(), 0, ServiceLevel.DEFAULT, "Greet the customer by name.");
    private static final Queue SALES = new Queue("sales", "Sales", List.of("+4930555*"), Set.of(), Set.of("sales"), 5,
            ServiceLevel.DEFAULT, null);
    private static final Agent ALICE = new Agent("alice", "Alice Martin", "alice", List.of("PJSIP/1001"), Set.of("sales"),
            Map.of("email", 2), null);
    private static final Agent BOB = new Agent("bob", "Bob Stone", "bob", List.of("PJSIP/1002"), Set.of(), Map.of("email", 2),
            null);

    @TempDir
    Path folder;
    CoreHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new CoreHarness(TestStore.h2(folder), Clock.systemUTC()).start(settings(Duration.ofSeconds(30)));
        harness.configure(List.of(SUPPORT, SALES), List.of(ALICE, BOB));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Core.Settings settings(Duration offerTimeout) {
        Core.Settings d = Core.Settings.defaults();
        return new Core.Settings(d.defaultRegion(), true, d.processing(), d.outbox(), offerTimeout, d.crmLookupBudget(),
                d.crmLookupTtl());
    }

    private Receipt email(String from) {
        return harness.core().ingress().accept(Contacts.email(from, "Help").build());
    }

    private AgentStatus available(String agentId) {
        return harness.core().agents().setPresence(agentId, Presence.AVAILABLE, null);
    }

    private List<ScreenPop> popsFor(String agentId) {
        return harness.events.on(Topics.SCREEN_POP).stream().map(RecordedEvents.Posted::properties)
                .filter(p -> agentId.equals(p.get(EventProperties.AGENT_ID)))
                .map(p -> (ScreenPop) p.get(EventProperties.POP)).toList();
    }

    @Test
    void aContactWaitsWhileNobodyIsAvailableAndIsOfferedWhenAnAgentBecomesAvailable() {
        Receipt r = email("ann@example.org");
        harness.awaitState(r.interactionId(), InteractionState.QUEUED);
        assertThat(harness.core().queues().find("support").orElseThrow().waiting()).isEqualTo(1);

        available("bob");

        Interaction offered = harness.awaitState(r.interactionId(), InteractionState.OFFERED).interaction();
        assertThat(offered.agentId()).isEqualTo("bob");
        assertThat(offered.queueId()).isEqualTo("support");
    }

    @Test
    void theOfferedAgentGetsAScreenPopWithTheCustomerTheirHistoryAndTheQueueScript() {
        Receipt earlier = email("dora@example.org");
        String earlierTicket = harness.awaitTicket(earlier.interactionId()).conversation().ticket().number();
        available("bob");
        harness.awaitState(earlier.interactionId(), InteractionState.OFFERED);
        harness.core().interactions().accept(earlier.interactionId(), "bob");
        harness.core().interactions().close(earlier.interactionId(), "bob", "solved");
        Receipt now = email("dora@example.org");

        await().atMost(CoreHarness.WAIT).until(() -> popsFor("bob").stream()
                .anyMatch(p -> p.interaction().id() == now.interactionId()));
        ScreenPop pop = popsFor("bob").stream().filter(p -> p.interaction().id() == now.interactionId()).findFirst().orElseThrow();
        assertThat(pop.customer().addresses()).extracting(a -> a.value()).containsExactly("dora@example.org");
        assertThat(pop.history()).extracting(Interaction::id).containsExactly(earlier.interactionId());
        assertThat(pop.openTickets()).extracting(t -> t.number()).contains(earlierTicket);
        assertThat(pop.script()).isEqualTo("Greet the customer by name.");
        assertThat(pop.contact().subject()).isEqualTo("Help");
        assertThat(popsFor("alice")).isEmpty();
    }

    @Test
    void anAcceptedOfferIsActiveThenWrapUpThenClosedWithTheDisposition() {
        available("bob");
        Receipt r = email("erin@example.org");
        harness.awaitState(r.interactionId(), InteractionState.OFFERED);

        Interaction active = harness.core().interactions().accept(r.interactionId(), "bob");
        Interaction wrapUp = harness.core().interactions().finish(r.interactionId(), "bob");
        Interaction closed = harness.core().interactions().close(r.interactionId(), "bob", "refund-issued");

        assertThat(active.state()).isEqualTo(InteractionState.ACTIVE);
        assertThat(active.answeredAt()).isNotNull();
        assertThat(wrapUp.state()).isEqualTo(InteractionState.WRAP_UP);
        assertThat(wrapUp.endReason()).isEqualTo(EndReason.COMPLETED);
        assertThat(closed.state()).isEqualTo(InteractionState.CLOSED);
        assertThat(closed.disposition()).isEqualTo("refund-issued");
        assertThat(harness.core().agents().find("bob").orElseThrow().interactions()).isEmpty();
    }

    @Test
    void aDeclinedOfferGoesToTheNextAgentNotBackToTheOneWhoDeclined() {
        available("alice");
        available("bob");
        Receipt r = email("fay@example.org");
        String first = harness.awaitState(r.interactionId(), InteractionState.OFFERED).interaction().agentId();
        String other = first.equals("alice") ? "bob" : "alice";

        harness.core().interactions().decline(r.interactionId(), first);

        await().atMost(CoreHarness.WAIT).until(() -> other.equals(harness.interaction(r.interactionId()).agentId()));
        assertThat(harness.interaction(r.interactionId()).state()).isEqualTo(InteractionState.OFFERED);
    }

    @Test
    void aQueueThatNeedsASkillIsOfferedOnlyToAgentsWhoHaveIt() {
        available("bob");
        Receipt call = harness.core().ingress().accept(Contacts.webhook("+4930111000").entryPoint("+4930555123").build());
        harness.awaitState(call.interactionId(), InteractionState.QUEUED);
        assertThat(harness.interaction(call.interactionId()).queueId()).isEqualTo("sales");

        available("alice");

        assertThat(harness.awaitState(call.interactionId(), InteractionState.OFFERED).interaction().agentId()).isEqualTo("alice");
    }

    @Test
    void anAgentIsOfferedNoMoreThanTheirCapacityOnAChannel() {
        available("bob");
        Receipt a = email("g1@example.org");
        Receipt b = email("g2@example.org");
        Receipt c = email("g3@example.org");

        harness.awaitState(a.interactionId(), InteractionState.OFFERED);
        harness.awaitState(b.interactionId(), InteractionState.OFFERED);
        harness.awaitState(c.interactionId(), InteractionState.QUEUED);
        assertThat(harness.core().queues().find("support").orElseThrow().waiting()).isEqualTo(1);

        harness.core().interactions().accept(a.interactionId(), "bob");
        harness.core().interactions().close(a.interactionId(), "bob", null);

        assertThat(harness.awaitState(c.interactionId(), InteractionState.OFFERED).interaction().agentId()).isEqualTo("bob");
    }

    @Test
    void aBacklogLongerThanOneRoutingPassIsOfferedAtOnceNotAFewHundredPerSafetyPass() {
        Agent busyBob = new Agent("bob", "Bob Stone", "bob", List.of("PJSIP/1002"), Set.of(), Map.of("email", 1000), null);
        harness.configure(List.of(SUPPORT, SALES), List.of(ALICE, busyBob));
        int backlog = 450;
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            receipts.add(email("backlog" + i + "@example.org"));
        }
        await().atMost(CoreHarness.WAIT).until(() -> harness.core().queues().find("support").orElseThrow().waiting() == backlog);

        available("bob");

        // the routing safety pass runs every 5 s; everything must be offered well before a second one
        await().atMost(Duration.ofSeconds(4)).until(() -> harness.core().queues().find("support").orElseThrow().waiting() == 0);
        assertThat(harness.core().interactions().find(receipts.get(backlog - 1).interactionId()).orElseThrow()
                .interaction().agentId()).isEqualTo("bob");
        await().atMost(CoreHarness.WAIT).until(() -> popsFor("bob").size() == backlog);
        // pops built together are each their own customer's
        assertThat(popsFor("bob")).extracting(p -> p.interaction().id()).doesNotHaveDuplicates();
        assertThat(popsFor("bob")).allSatisfy(p -> assertThat(p.customer().addresses()).containsExactly(p.contact().from()));
    }

    @Test
    void theAgentIdleTheLongestGetsTheNextContact() {
        available("bob");
        available("alice");

        Receipt r = email("hal@example.org");

        assertThat(harness.awaitState(r.interactionId(), InteractionState.OFFERED).interaction().agentId()).isEqualTo("bob");
    }

    @Test
    void anUnansweredOfferGoesBackToTheQueueAndTheAgentIsSetAway() throws Exception {
        harness.restart(settings(Duration.ofMillis(300)));
        harness.configure(List.of(SUPPORT, SALES), List.of(ALICE, BOB));
        available("bob");
        Receipt r = email("ivy@example.org");
        harness.awaitState(r.interactionId(), InteractionState.OFFERED);

        await().atMost(CoreHarness.WAIT).until(() -> harness.core().agents().find("bob").orElseThrow().presence() == Presence.AWAY);
        AgentStatus bob = harness.core().agents().find("bob").orElseThrow();
        assertThat(bob.reason()).isEqualTo(RoutingEngine.MISSED_OFFER_REASON);
        assertThat(harness.interaction(r.interactionId()).state()).isEqualTo(InteractionState.QUEUED);

        available("alice");
        assertThat(harness.awaitState(r.interactionId(), InteractionState.OFFERED).interaction().agentId()).isEqualTo("alice");
    }

    @Test
    void presenceAndOffersSurviveARestart() throws Exception {
        available("bob");
        Receipt r = email("jo@example.org");
        harness.awaitState(r.interactionId(), InteractionState.OFFERED);

        harness.restart(settings(Duration.ofSeconds(30)));
        harness.configure(List.of(SUPPORT, SALES), List.of(ALICE, BOB));

        await().atMost(CoreHarness.WAIT).untilAsserted(() -> {
            AgentStatus bob = harness.core().agents().find("bob").orElseThrow();
            assertThat(bob.presence()).isEqualTo(Presence.AVAILABLE);
            assertThat(bob.interactions()).containsExactly(r.interactionId());
        });
        assertThat(harness.core().interactions().accept(r.interactionId(), "bob").state()).isEqualTo(InteractionState.ACTIVE);
    }

    @Test
    void anAgentCannotTakeAnotherAgentsOffer() {
        available("bob");
        Receipt r = email("kim@example.org");
        harness.awaitState(r.interactionId(), InteractionState.OFFERED);

        assertThatThrownBy(() -> harness.core().interactions().accept(r.interactionId(), "alice"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not with agent alice");
        assertThatThrownBy(() -> harness.core().interactions().accept(987654, "bob")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> harness.core().agents().setPresence("nobody", Presence.AVAILABLE, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void awayTakesAReasonAndDefaultsItAndAnnouncesTheChange() {
        AgentStatus away = harness.core().agents().setPresence("alice", Presence.AWAY, null);
        AgentStatus lunch = harness.core().agents().setPresence("alice", Presence.AWAY, "Lunch");

        assertThat(away.reason()).isEqualTo("Away");
        assertThat(lunch.reason()).isEqualTo("Lunch");
        assertThat(harness.events.on(Topics.AGENT_PRESENCE)).extracting(p -> p.properties().get(EventProperties.REASON))
                .containsExactly("Away", "Lunch");
    }

    @Test
    void queuesReportWaitingContactsTheLongestWaitAndAgents() {
        available("alice");
        harness.core().agents().setPresence("bob", Presence.AWAY, "Meeting");
        Receipt r = harness.core().ingress().accept(Contacts.webhook("+4930111001").entryPoint("+4930555000")
                .build());
        harness.awaitState(r.interactionId(), InteractionState.OFFERED);
        harness.core().agents().setPresence("alice", Presence.OFFLINE, null);

        harness.awaitState(r.interactionId(), InteractionState.QUEUED);
        QueueStatus sales = harness.core().queues().find("sales").orElseThrow();
        assertThat(sales.waiting()).isEqualTo(1);
        assertThat(sales.agentsAvailable()).isZero();
        assertThat(sales.agentsSignedIn()).isZero();
        QueueStatus support = harness.core().queues().find("support").orElseThrow();
        assertThat(support.agentsSignedIn()).isEqualTo(1);
        assertThat(harness.core().queues().list()).extracting(q -> q.queue().id()).contains("default", "support", "sales");
    }

    @Test
    void aCallThePbxRoutesIsPoppedWhenItRingsAndFollowedToWrapUp() {
        Receipt call = harness.core().ingress().accept(Contacts.webhook("+4930123123").routing(RoutingMode.EXTERNAL).build());
        Instant ring = Instant.parse("2026-11-22T10:00:05Z");

        harness.core().interactionEvents().queued(call.interactionId(), "support", ring.minusSeconds(3));
        harness.core().interactionEvents().offered(call.interactionId(), "alice", ring);
        harness.core().interactionEvents().offered(call.interactionId(), "alice", ring);

        await().atMost(CoreHarness.WAIT).until(() -> !popsFor("alice").isEmpty());
        assertThat(harness.interaction(call.interactionId()).state()).isEqualTo(InteractionState.OFFERED);
        harness.core().interactionEvents().answered(call.interactionId(), "alice", ring.plusSeconds(4));
        harness.core().interactionEvents().ended(call.interactionId(), EndReason.COMPLETED, ring.plusSeconds(60));

        Interaction after = harness.interaction(call.interactionId());
        assertThat(after.state()).isEqualTo(InteractionState.WRAP_UP);
        assertThat(after.answeredAt()).isEqualTo(ring.plusSeconds(4));
        assertThat(after.endedAt()).isEqualTo(ring.plusSeconds(60));
        assertThat(harness.core().interactions().close(call.interactionId(), "alice", "sale").state())
                .isEqualTo(InteractionState.CLOSED);
    }

    @Test
    void theCallersMenuChoicesReachThePopAndTheInteraction() {
        Receipt call = harness.core().ingress().accept(Contacts.webhook("+4930123125").routing(RoutingMode.EXTERNAL)
                .metadata("did", "+4930555000").build());
        // identified first: an offer that comes before the customer is known pops again once they are
        await().atMost(CoreHarness.WAIT).until(() -> harness.interaction(call.interactionId()).customerId() != null);
        Instant now = Instant.parse("2026-11-22T10:00:05Z");
        harness.core().interactionEvents().annotated(call.interactionId(), Map.of("ivr.language", "2"), now);
        harness.core().interactionEvents().offered(call.interactionId(), "alice", now.plusSeconds(1));
        await().atMost(CoreHarness.WAIT).until(() -> popsFor("alice").size() == 1);
        assertThat(popsFor("alice").get(0).contact().metadata()).containsEntry("ivr.language", "2").containsEntry("did", "+4930555000");

        // a choice the PBX reports while the phone rings: the agent gets the pop again, with it
        harness.core().interactionEvents().annotated(call.interactionId(), Map.of("ivr.topic", "billing", "", "x"), now.plusSeconds(2));

        await().atMost(CoreHarness.WAIT).until(() -> popsFor("alice").size() == 2);
        assertThat(popsFor("alice").get(1).contact().metadata()).containsEntry("ivr.language", "2")
                .containsEntry("ivr.topic", "billing").doesNotContainKey("");
        assertThat(harness.core().interactions().find(call.interactionId()).orElseThrow().contact().metadata())
                .containsEntry("ivr.topic", "billing");
    }

    @Test
    void aCallerWhoHangsUpInTheQueueIsAbandonedAndNeverOfferedByTheCore() {
        available("bob");
        Receipt call = harness.core().ingress().accept(Contacts.webhook("+4930123124").routing(RoutingMode.EXTERNAL).build());
        harness.core().interactionEvents().queued(call.interactionId(), "support", Instant.now());

        harness.core().interactionEvents().ended(call.interactionId(), EndReason.ABANDONED, Instant.now());

        Interaction after = harness.interaction(call.interactionId());
        assertThat(after.state()).isEqualTo(InteractionState.ABANDONED);
        assertThat(after.agentId()).isNull();
        assertThat(after.closedAt()).isNotNull();
    }

    @Test
    void anAgentsOwnCallIsOfferedToThemDirectlyWithTheCustomersCardEvenAtCapacity() {
        Receipt earlier = harness.core().ingress().accept(Contacts.webhook("+4930123126").build());
        harness.awaitState(earlier.interactionId(), InteractionState.QUEUED);
        available("bob");
        Receipt busy = harness.core().ingress().accept(Contacts.webhook("+4930123127").routing(RoutingMode.EXTERNAL).build());
        harness.core().interactionEvents().answered(busy.interactionId(), "alice", Instant.now());
        assertThat(harness.core().agents().find("alice").orElseThrow().interactions()).hasSize(1);

        Receipt call = harness.core().ingress().accept(InboundContact.builder(Channel.VOICE, Contacts.nextId("sb"),
                        Address.phone("+4930123126")).routing(RoutingMode.EXTERNAL).direction(Direction.OUTBOUND)
                .targetAgent("alice").build());

        Interaction offered = harness.awaitState(call.interactionId(), InteractionState.OFFERED).interaction();
        assertThat(offered.agentId()).isEqualTo("alice");
        assertThat(offered.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(offered.queueId()).isNull();
        await().atMost(CoreHarness.WAIT).until(() -> popsFor("alice").stream()
                .anyMatch(p -> p.interaction().id() == call.interactionId()));
        ScreenPop pop = popsFor("alice").stream().filter(p -> p.interaction().id() == call.interactionId()).findFirst()
                .orElseThrow();
        assertThat(pop.customer().addresses()).extracting(a -> a.value()).containsExactly("+4930123126");
        assertThat(pop.history()).extracting(Interaction::id).contains(earlier.interactionId());
        assertThat(popsFor("bob")).noneMatch(p -> p.interaction().id() == call.interactionId());

        harness.core().interactionEvents().answered(call.interactionId(), "alice", Instant.now());
        harness.core().interactionEvents().ended(call.interactionId(), EndReason.COMPLETED, Instant.now());
        assertThat(harness.interaction(call.interactionId()).state()).isEqualTo(InteractionState.WRAP_UP);
    }

    @Test
    void aContactTheCoreRoutesGoesToItsTargetAgentRatherThanThroughTheQueue() {
        available("alice");
        Receipt r = harness.core().ingress().accept(Contacts.email("gina@example.org", "Our call").targetAgent("bob").build());

        Interaction offered = harness.awaitState(r.interactionId(), InteractionState.OFFERED).interaction();

        assertThat(offered.agentId()).isEqualTo("bob");
        assertThat(offered.queueId()).isEqualTo("support");
        assertThat(offered.direction()).isEqualTo(Direction.INBOUND);
    }
}
