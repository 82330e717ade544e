package org.switchboard.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.EndReason;
import org.switchboard.api.InboundContact;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.testing.PbxHarness;

/**
 * One mapped AMI event at a time, each taken from a real recording and sent over the wire after the
 * events it needs; the last event of each test is the one under test.
 */
class CallLifecycleEventsTest {
    private static final Transcript ANSWERED = Transcript.load("inbound-queue-answered.txt");
    private static final Transcript DIRECT = Transcript.load("inbound-direct-noanswer-timeout.txt");
    private static final Transcript ABANDONED = Transcript.load("inbound-queue-abandoned.txt");
    private static final Transcript BLIND = Transcript.load("blind-transfer.txt");
    private static final AmiMessage CUSTOMER = ANSWERED.event("Newchannel", 0);

    private PbxHarness pbx;

    @AfterEach
    void close() throws Exception {
        pbx.close();
    }

    @Test
    void newchannelOfATrunkCallInAnInboundContextIsAccepted() throws Exception {
        sendAndSettle(CUSTOMER);

        assertThat(accepted()).singleElement().satisfies(c -> {
            assertThat(c.externalId()).isEqualTo("1795363580.0");
            assertThat(c.entryPoint()).isEqualTo("74957654321");
            assertThat(c.metadata()).containsEntry("pbx", "pbx1").containsEntry("channel", "PJSIP/trunk-00000000");
        });
    }

    @Test
    void newchannelOfAnAgentLegIsNoNewCall() throws Exception {
        sendAndSettle(CUSTOMER, ANSWERED.event("Newchannel", 1));

        assertThat(accepted()).hasSize(1);
    }

    @Test
    void newchannelOutsideTheInboundContextsIsIgnored() throws Exception {
        sendAndSettle(CUSTOMER.with("Context", "from-internal"));

        assertThat(accepted()).isEmpty();
    }

    @Test
    void newchannelOnADidThatIsNotInboundIsIgnored() throws Exception {
        pbx = PbxHarness.connected(Set.of("74957654322"));
        pbx.server.play(List.of(CUSTOMER));
        pbx.server.play(List.of(Transcript.load("inbound-queue-abandoned-ringall.txt").event("Newchannel", 0)));
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.ingress.accepted().size() == 1);

        assertThat(pbx.ingress.accepted().get(0).entryPoint()).isEqualTo("74957654322");
    }

    @Test
    void theCallersMenuChoiceIsReportedOnTheInteraction() throws Exception {
        send(CUSTOMER, FakeAmiServer.ivrChoice(CUSTOMER, "language", "2"));

        assertThat(pbx.events.reports(1)).containsExactly("annotated {ivr.language=2}");
    }

    @Test
    void queueCallerJoinReportsQueued() throws Exception {
        send(CUSTOMER, ANSWERED.event("QueueCallerJoin", 0));

        assertThat(pbx.events.reports(1)).containsExactly("queued support");
    }

    @Test
    void agentCalledOffersTheCallToTheAgentOfTheRingingDevice() throws Exception {
        send(CUSTOMER, ANSWERED.event("AgentCalled", 0));

        assertThat(pbx.events.reports(1)).containsExactly("offered agent-1001");
    }

    @Test
    void dialBeginToAnAgentsPhoneOffersTheCall() throws Exception {
        send(DIRECT.event("Newchannel", 0), DIRECT.event("DialBegin", 0));

        assertThat(pbx.events.reports(1)).containsExactly("offered agent-1001");
    }

    @Test
    void dialBeginToADeviceOfNoAgentOffersNothing() throws Exception {
        AmiMessage dial = DIRECT.event("DialBegin", 0).with("DestChannel", "PJSIP/3000-00000001");
        sendAndSettle(DIRECT.event("Newchannel", 0), dial);

        assertThat(pbx.events.reports()).isEmpty();
    }

    @Test
    void dialEndEndsTheRingSoTheNextRingOffersAgain() throws Exception {
        AmiMessage dialBegin = ANSWERED.event("DialBegin", 0);
        send(CUSTOMER, dialBegin, ANSWERED.event("DialEnd", 0).with("DialStatus", "NOANSWER"),
                ANSWERED.event("AgentCalled", 0).with("Interface", "PJSIP/1002").with("DestChannel", "PJSIP/1002-00000002"),
                dialBegin);

        assertThat(pbx.events.reports(1)).containsExactly("offered agent-1001", "offered agent-1002", "offered agent-1001");
    }

    @Test
    void agentConnectReportsAnswered() throws Exception {
        send(CUSTOMER, ANSWERED.event("AgentConnect", 0));

        assertThat(pbx.events.reports(1)).containsExactly("answered agent-1001");
    }

    @Test
    void bridgeEnterOfTheAgentsChannelReportsAnswered() throws Exception {
        send(DIRECT.event("Newchannel", 0), first(ANSWERED, "BridgeEnter", m -> m.get("Channel").startsWith("PJSIP/1001"))
                .with("Linkedid", DIRECT.event("Newchannel", 0).get("Linkedid")));

        assertThat(pbx.events.reports(1)).containsExactly("answered agent-1001");
    }

    @Test
    void bridgeEnterOfTheCustomerReportsNothing() throws Exception {
        sendAndSettle(CUSTOMER, first(ANSWERED, "BridgeEnter", m -> m.get("Channel").startsWith("PJSIP/trunk")));

        assertThat(pbx.events.reports()).isEmpty();
    }

    @Test
    void dialBeginToAnotherAgentAfterTheAnswerReportsATransfer() throws Exception {
        send(BLIND.event("Newchannel", 0), BLIND.event("AgentConnect", 0),
                first(BLIND, "DialBegin", m -> "1002".equals(m.get("DialString"))));

        assertThat(pbx.events.reports(1)).containsExactly("answered agent-1001", "transferred agent-1002");
    }

    @Test
    void hangupOfTheCustomerAfterTheAnswerEndsCompleted() throws Exception {
        send(CUSTOMER, ANSWERED.event("AgentConnect", 0), customerHangup(ANSWERED));

        assertThat(pbx.events.reports(1)).containsExactly("answered agent-1001", "ended COMPLETED");
    }

    @Test
    void hangupOfTheAgentLegEndsNothing() throws Exception {
        sendAndSettle(CUSTOMER, ANSWERED.event("AgentConnect", 0),
                first(ANSWERED, "Hangup", m -> m.get("Channel").startsWith("PJSIP/1001")));

        assertThat(pbx.events.reports(1)).containsExactly("answered agent-1001");
        assertThat(pbx.ended).isEmpty();
    }

    @Test
    void queueCallerAbandonMakesTheEndAbandoned() throws Exception {
        send(ABANDONED.event("Newchannel", 0), ABANDONED.event("QueueCallerAbandon", 0), customerHangup(ABANDONED));

        assertThat(pbx.events.reports(1)).containsExactly("ended ABANDONED");
        assertThat(pbx.ended.get(0).reason()).isEqualTo(EndReason.ABANDONED);
    }

    @Test
    void hangupAfterAnUnansweredRingIsMissed() throws Exception {
        send(DIRECT.event("Newchannel", 0), DIRECT.event("DialBegin", 0), customerHangup(DIRECT));

        assertThat(pbx.events.reports(1)).containsExactly("offered agent-1001", "ended MISSED");
    }

    @Test
    void acceptRefusedByAStoreOutageIsTriedAgainOnTheCallsNextEvent() throws Exception {
        pbx = PbxHarness.connected();
        pbx.ingress.down(true);
        pbx.server.play(List.of(CUSTOMER));
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.ingress.calls() == 1);
        pbx.ingress.down(false);
        pbx.server.play(List.of(ANSWERED.event("QueueCallerJoin", 0)));
        pbx.awaitReports(1);

        assertThat(pbx.ingress.accepted()).hasSize(1);
        assertThat(pbx.events.reports(1)).containsExactly("queued support");
    }

    /** Sends the events and waits for the last one's report. */
    private void send(AmiMessage... events) throws Exception {
        pbx = PbxHarness.connected();
        int before = pbx.events.reports().size();
        pbx.server.play(List.of(events));
        pbx.awaitReports(before + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.server.eventsWritten() >= events.length);
    }

    /** Sends the events, then a marker call, and waits until the marker was applied: everything before it was too. */
    private void sendAndSettle(AmiMessage... events) throws Exception {
        pbx = PbxHarness.connected();
        pbx.server.play(List.of(events));
        AmiMessage marker = Transcript.load("two-concurrent-inbound.txt").event("Newchannel", 0)
                .with("Uniqueid", "marker.1").with("Linkedid", "marker.1");
        pbx.server.play(List.of(marker));
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.ingress.accepted().stream()
                .anyMatch(c -> c.externalId().equals("marker.1")));
    }

    /** The contacts accepted, the marker call left out. */
    private List<InboundContact> accepted() {
        return pbx.ingress.accepted().stream().filter(c -> !c.externalId().equals("marker.1")).toList();
    }

    private static AmiMessage first(Transcript t, String type, Predicate<AmiMessage> which) {
        return t.events(type).stream().filter(which).findFirst().orElseThrow();
    }

    private static AmiMessage customerHangup(Transcript t) {
        return first(t, "Hangup", m -> m.get("Channel").startsWith("PJSIP/trunk"));
    }
}
