package org.switchboard.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.EndReason;
import org.switchboard.api.InboundContact;
import org.switchboard.api.RoutingMode;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.testing.PbxHarness;

/** Whole calls recorded on a real Asterisk 22, replayed over AMI, as Switchboard sees them. */
class CallScenariosTest {
    private PbxHarness pbx;

    @BeforeEach
    void connect() throws Exception {
        pbx = PbxHarness.connected();
    }

    @AfterEach
    void close() throws Exception {
        pbx.close();
    }

    @Test
    void answeredQueueCallBecomesAVoiceContactOfferedToTheRingingAgentBeforeTheyAnswer() {
        pbx.server.play(Transcript.load("inbound-queue-answered.txt"));
        pbx.awaitReports(4);

        InboundContact contact = pbx.ingress.accepted().get(0);
        assertThat(contact.channel().id()).isEqualTo("voice");
        assertThat(contact.externalId()).isEqualTo("1795363580.0");
        assertThat(contact.from()).isEqualTo(Address.phone("+74951234567"));
        assertThat(contact.fromName()).isEqualTo("Ivan Petrov");
        assertThat(contact.entryPoint()).isEqualTo("74957654321");
        assertThat(contact.routing()).isEqualTo(RoutingMode.EXTERNAL);
        assertThat(pbx.events.reports(1)).containsExactly(
                "queued support", "offered agent-1001", "answered agent-1001", "ended COMPLETED");
        // the pop goes out when the phone starts ringing: the AgentCalled event's time, 2 s before the answer
        Instant agentCalled = Instant.ofEpochSecond(1795363580L).plusMillis(
                Math.round((Double.parseDouble(Transcript.load("inbound-queue-answered.txt")
                        .event("AgentCalled", 0).get("Timestamp")) - 1795363580d) * 1000));
        assertThat(pbx.events.at("1 offered").toEpochMilli()).isEqualTo(agentCalled.toEpochMilli());
        assertThat(pbx.events.at("1 answered")).isAfter(pbx.events.at("1 offered").plusSeconds(1));
        assertThat(pbx.ended).singleElement().satisfies(call -> {
            assertThat(call.reason()).isEqualTo(EndReason.COMPLETED);
            assertThat(call.agent()).isEqualTo("agent-1001");
        });
    }

    @Test
    void callerWhoHangsUpInTheQueueWhileAPhoneRingsIsAbandoned() {
        pbx.server.play(Transcript.load("inbound-queue-abandoned.txt"));
        pbx.awaitEnded(1);

        assertThat(pbx.events.reports(1)).containsExactly("queued support", "offered agent-1001", "ended ABANDONED");
        assertThat(pbx.ended.get(0).unanswered()).isTrue();
        assertThat(pbx.ended.get(0).waited().toSeconds()).isBetween(3L, 6L);
    }

    @Test
    void ringallQueueOffersTheCallToEveryRingingAgentInTheOrderThePhonesRing() {
        pbx.server.play(Transcript.load("inbound-queue-abandoned-ringall.txt"));
        pbx.awaitEnded(1);

        assertThat(pbx.ingress.accepted().get(0).entryPoint()).isEqualTo("74957654322");
        assertThat(pbx.events.reports(1)).containsExactly(
                "queued sales", "offered agent-1002", "offered agent-1001", "ended ABANDONED");
    }

    @Test
    void unansweredRingMovesTheOfferToTheNextAgent() {
        pbx.server.play(Transcript.load("inbound-queue-ring-no-answer.txt"));
        pbx.awaitEnded(1);

        assertThat(pbx.events.reports(1)).containsExactly(
                "queued support", "offered agent-1001", "offered agent-1002", "ended ABANDONED");
    }

    @Test
    void directCallTheCallerCancelsWhileThePhoneRingsIsMissed() {
        pbx.server.play(Transcript.load("inbound-direct-missed.txt"));
        pbx.awaitEnded(1);

        assertThat(pbx.ingress.accepted().get(0).entryPoint()).isEqualTo("74957651001");
        assertThat(pbx.events.reports(1)).containsExactly("offered agent-1001", "ended MISSED");
    }

    @Test
    void directCallThatRingsOutIsMissed() {
        pbx.server.play(Transcript.load("inbound-direct-noanswer-timeout.txt"));
        pbx.awaitEnded(1);

        assertThat(pbx.events.reports(1)).containsExactly("offered agent-1001", "ended MISSED");
    }

    @Test
    void twoConcurrentCallsAreTwoInteractionsEachWithItsOwnAgent() {
        pbx.server.play(Transcript.load("two-concurrent-inbound.txt"));
        pbx.awaitEnded(2);

        assertThat(pbx.ingress.accepted()).extracting(c -> c.from().value())
                .containsExactly("+74951234567", "+74959876543");
        assertThat(pbx.events.reports(1)).containsExactly(
                "queued support", "offered agent-1001", "answered agent-1001", "ended COMPLETED");
        assertThat(pbx.events.reports(2)).containsExactly(
                "queued support", "offered agent-1002", "answered agent-1002", "ended COMPLETED");
    }

    @Test
    void blindTransferMovesTheCallToTheNewAgent() {
        pbx.server.play(Transcript.load("blind-transfer.txt"));
        pbx.awaitEnded(1);

        assertThat(pbx.events.reports(1)).containsExactly("queued support", "offered agent-1001",
                "answered agent-1001", "transferred agent-1002", "ended COMPLETED");
        assertThat(pbx.ended.get(0).agent()).isEqualTo("agent-1002");
    }

    @Test
    void redirectOfTheCustomerToAnotherPhoneIsATransfer() {
        pbx.server.play(Transcript.load("redirect-transfer.txt"));
        pbx.awaitEnded(1);

        assertThat(pbx.events.reports(1)).containsExactly("queued support", "offered agent-1001",
                "answered agent-1001", "transferred agent-1002", "ended COMPLETED");
    }

    @Test
    void clickToCallIsNoInboundContact() {
        pbx.server.play(Transcript.load("click-to-call.txt"));
        pbx.server.play(Transcript.load("inbound-queue-answered.txt"));
        pbx.awaitEnded(1);

        assertThat(pbx.ingress.accepted()).extracting(InboundContact::externalId).containsExactly("1795363580.0");
    }
}
