package org.switchboard.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.Receipt;
import org.switchboard.api.TicketRef;
import org.switchboard.api.ThreadHints;
import org.switchboard.api.InboundContact;
import org.switchboard.api.event.Topics;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.Health;
import org.switchboard.core.Core;
import org.switchboard.core.support.Contacts;
import org.switchboard.core.support.CoreHarness;
import org.switchboard.core.support.MutableClock;
import org.switchboard.core.support.RecordingCrm;
import org.switchboard.core.support.TestStore;

class OutboxTest {
    @TempDir
    Path folder;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    CoreHarness harness;

    @BeforeEach
    void start() throws Exception {
        Core.Settings d = Core.Settings.defaults();
        harness = new CoreHarness(TestStore.h2(folder), clock).start(new Core.Settings(d.defaultRegion(), true, d.processing(),
                new OutboxSettings(3, Duration.ofSeconds(2), Duration.ofSeconds(60), 2), d.offerTimeout(),
                d.crmLookupBudget(), d.crmLookupTtl()));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private List<OutboxCommand> commands(OutboxCommand.State state) {
        return harness.core().outbox().list(state, 100);
    }

    @Test
    void aPassingCrmFaultIsRetriedWithBackoffAndMakesOneTicket() {
        harness.crm.failNext(CrmException.retry("503 Service Unavailable", null));
        Receipt r = harness.core().ingress().accept(Contacts.webhook("+4930100200").build());

        await().atMost(CoreHarness.WAIT).until(() -> !commands(OutboxCommand.State.PENDING).isEmpty()
                && commands(OutboxCommand.State.PENDING).get(0).attempts() == 1);
        OutboxCommand waiting = commands(OutboxCommand.State.PENDING).get(0);
        assertThat(waiting.lastError()).isEqualTo("503 Service Unavailable");
        assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(2));

        clock.advance(Duration.ofSeconds(3));

        harness.awaitTicket(r.interactionId());
        assertThat(harness.crm.ticketCount()).isEqualTo(1);
        assertThat(commands(OutboxCommand.State.DONE)).singleElement()
                .satisfies(c -> assertThat(c.attempts()).isEqualTo(2));
    }

    @Test
    void aRefusedCommandFailsForGoodIsShownAndCanBeRetried() {
        harness.crm.failNext(CrmException.reject("422 subject too long"));
        Receipt r = harness.core().ingress().accept(Contacts.webhook("+4930100201").build());

        await().atMost(CoreHarness.WAIT).until(() -> commands(OutboxCommand.State.FAILED).size() == 1);
        OutboxCommand failed = commands(OutboxCommand.State.FAILED).get(0);
        assertThat(failed.kind()).isEqualTo(OutboxCommands.OPEN_TICKET);
        assertThat(failed.target()).isEqualTo("local");
        assertThat(failed.lastError()).isEqualTo("422 subject too long");
        assertThat(harness.core().health().report().checks().get("outbox").status()).isEqualTo(Health.Status.DEGRADED);
        await().atMost(CoreHarness.WAIT).until(() -> harness.events.on(Topics.OUTBOX_FAILED).size() == 1);

        assertThat(harness.core().outbox().retry(failed.id())).isTrue();

        harness.awaitTicket(r.interactionId());
        assertThat(harness.core().health().report().checks().get("outbox").status()).isEqualTo(Health.Status.UP);
    }

    @Test
    void afterTheLastAttemptACommandFailsForGood() {
        harness.crm.failNext(CrmException.retry("timeout", null), CrmException.retry("timeout", null),
                CrmException.retry("timeout", null));
        harness.core().ingress().accept(Contacts.webhook("+4930100202").build());

        await().atMost(CoreHarness.WAIT).until(() -> harness.crm.calls() == 1);
        clock.advance(Duration.ofSeconds(3));
        await().atMost(CoreHarness.WAIT).until(() -> harness.crm.calls() == 2);
        clock.advance(Duration.ofSeconds(5));
        await().atMost(CoreHarness.WAIT).until(() -> commands(OutboxCommand.State.FAILED).size() == 1);

        assertThat(commands(OutboxCommand.State.FAILED).get(0).attempts()).isEqualTo(3);
        assertThat(harness.crm.ticketCount()).isZero();
    }

    @Test
    void aFollowUpWaitsForItsTicketAndIsLoggedAfterIt() {
        harness.crm.failNext(CrmException.retry("connection refused", null));
        InboundContact first = Contacts.email("lou@example.org", "Delivery").build();
        harness.core().ingress().accept(first);
        Receipt followUp = harness.core().ingress().accept(Contacts.email("lou@example.org", "Re: Delivery")
                .thread(new ThreadHints(null, first.externalId(), List.of())).build());

        await().atMost(CoreHarness.WAIT).until(() -> commands(OutboxCommand.State.PENDING).size() == 2);
        assertThat(harness.crm.logged()).isEmpty();

        clock.advance(Duration.ofSeconds(3));

        await().atMost(CoreHarness.WAIT).until(() -> harness.crm.logged().size() == 1);
        assertThat(harness.crm.logged().get(0).interactionId()).isEqualTo(followUp.interactionId());
        assertThat(harness.crm.logged().get(0).ticket()).isNotNull();
    }

    @Test
    void commandsForACrmThatIsNotInstalledWaitForItWithoutUsingUpAttempts() {
        harness.crms.remove(harness.crm);
        Receipt r = harness.core().ingress().accept(Contacts.webhook("+4930100203").build());

        await().atMost(CoreHarness.WAIT).until(() -> !commands(OutboxCommand.State.PENDING).isEmpty()
                && commands(OutboxCommand.State.PENDING).get(0).lastError() != null);
        OutboxCommand waiting = commands(OutboxCommand.State.PENDING).get(0);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.lastError()).contains("waiting for CRM connector 'local'");

        RecordingCrm arrived = new RecordingCrm("local");
        harness.crms.add(arrived, 0);
        clock.advance(Duration.ofSeconds(6));

        harness.awaitTicket(r.interactionId());
        assertThat(arrived.ticketCount()).isEqualTo(1);
    }

    @Test
    void aBacklogOfNewConversationsReachesTheCrmInBulkAndEachGetsItsTicket() {
        RecordingCrm arrived = backlogForACrmThatArrivesLate(30, "+49301005");

        assertThat(arrived.ticketCount()).isEqualTo(30);
        assertThat(arrived.bulkSizes()).hasSizeLessThan(30).allMatch(size -> size > 1);
        assertThat(arrived.bulkSizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
    }

    @Test
    void aFewNewConversationsReachTheCrmInOneCallNotOnePerWorker() {
        RecordingCrm arrived = backlogForACrmThatArrivesLate(12, "+49301006");

        assertThat(arrived.bulkSizes()).containsExactly(12);
    }

    /**
     * {@code count} new conversations wait while the ticket CRM is not installed; then it comes, and
     * this returns once every conversation has its ticket in it.
     */
    private RecordingCrm backlogForACrmThatArrivesLate(int count, String phonePrefix) {
        harness.crms.remove(harness.crm);
        List<Receipt> receipts = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            receipts.add(harness.core().ingress().accept(Contacts.webhook(phonePrefix + (100 + i)).build()));
        }
        await().atMost(CoreHarness.WAIT).until(() -> commands(OutboxCommand.State.PENDING).size() == count);

        RecordingCrm arrived = new RecordingCrm("local");
        harness.crms.add(arrived, 0);
        clock.advance(Duration.ofSeconds(6));

        receipts.forEach(r -> harness.awaitTicket(r.interactionId()));
        return arrived;
    }

    @Test
    void aTicketStatusChangeReachesTheCrmAndShowsOnTheTicket() {
        Receipt r = harness.core().ingress().accept(Contacts.webhook("+4930100204").build());
        TicketRef ticket = harness.awaitTicket(r.interactionId()).conversation().ticket();

        harness.core().tickets().changeStatus(ticket.number(), TicketRef.CLOSED);

        await().atMost(CoreHarness.WAIT).until(() -> TicketRef.CLOSED.equals(
                harness.core().tickets().findByNumber(ticket.number()).orElseThrow().ref().status()));
        assertThat(harness.crm.statusChanges()).containsExactly(ticket.number() + "=closed");
        assertThat(harness.core().tickets().ofCustomer(harness.interaction(r.interactionId()).customerId(), true)).isEmpty();
        await().atMost(CoreHarness.WAIT).until(() -> harness.events.on(Topics.TICKET_UPDATED).size() == 1);
    }
}
