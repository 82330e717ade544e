package org.switchboard.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.EndReason;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.testing.PbxHarness;

/**
 * The connection drops while calls are up: the session reconnects, asks the PBX what is up, and
 * neither leaves a call dangling nor counts one twice.
 */
class ConnectionDropTest {
    private static final Transcript ANSWERED = Transcript.load("inbound-queue-answered.txt");
    private static final Transcript RESYNC = Transcript.load("resync-coreshowchannels-queuestatus.txt");

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
    void callThatEndedWhileDisconnectedIsEndedAtTheResync() {
        pbx.server.play(untilFirst(ANSWERED, "AgentConnect"));
        pbx.awaitReports(3);
        assertThat(pbx.events.reports(1)).containsExactly("queued support", "offered agent-1001", "answered agent-1001");

        pbx.server.dropConnections();
        pbx.awaitResyncs(2);

        assertThat(pbx.events.reports(1)).containsExactly(
                "queued support", "offered agent-1001", "answered agent-1001", "ended COMPLETED");
        assertThat(pbx.ended).extracting(c -> c.reason()).containsExactly(EndReason.COMPLETED);
        assertThat(pbx.lifecycle.liveCalls()).isZero();
    }

    @Test
    void callsThatStartedWhileDisconnectedAreTakenFromTheResync() {
        pbx.server.snapshot(RESYNC);
        pbx.server.dropConnections();
        pbx.awaitResyncs(2);
        pbx.awaitReports(3);

        assertThat(pbx.ingress.accepted()).extracting(c -> c.externalId() + " " + c.from().value())
                .containsExactly("1795363806.0 +74951234567", "1795363807.2 +74959876543");
        assertThat(pbx.events.reports(1)).containsExactly("answered agent-1001");
        assertThat(pbx.events.reports(2)).containsExactly("queued support", "offered agent-1002");
    }

    @Test
    void callsStillUpAfterAReconnectAreNeitherStoredNorReportedTwice() {
        pbx.server.snapshot(RESYNC);
        pbx.server.dropConnections();
        pbx.awaitResyncs(2);
        List<String> before = pbx.events.reports();

        pbx.server.dropConnections();
        pbx.awaitResyncs(3);

        assertThat(pbx.ingress.accepted()).hasSize(2);
        assertThat(pbx.events.reports()).isEqualTo(before);
    }

    @Test
    void callsUpAtTheLastResyncAndGoneAtTheNextEndAsFarAsTheyGot() {
        pbx.server.snapshot(RESYNC);
        pbx.server.dropConnections();
        pbx.awaitResyncs(2);

        pbx.server.snapshotEmpty();
        pbx.server.dropConnections();
        pbx.awaitResyncs(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.ended.size() == 2);

        assertThat(pbx.events.reports(1)).endsWith("ended COMPLETED");
        assertThat(pbx.events.reports(2)).endsWith("ended MISSED");
    }

    private static List<AmiMessage> untilFirst(Transcript transcript, String eventType) {
        List<AmiMessage> all = transcript.callEvents();
        for (int i = 0; i < all.size(); i++) {
            if (eventType.equals(all.get(i).get("Event"))) {
                return all.subList(0, i + 1);
            }
        }
        throw new IllegalArgumentException(transcript + " has no " + eventType);
    }
}
