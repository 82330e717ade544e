package org.switchboard.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.testing.PbxHarness;

/** Logging in, the event mask, reconnecting and resynchronising, against the fake PBX over TCP. */
class AmiConnectionTest {

    @Test
    void logsInAskingOnlyForCallAgentAndUserEvents() throws Exception {
        try (PbxHarness pbx = PbxHarness.connected()) {
            AmiMessage login = pbx.server.actions("Login").get(0);
            assertThat(login.get("Events")).isEqualTo("call,agent,user");
            assertThat(login.get("AuthType")).isEqualToIgnoringCase("MD5");
            assertThat(login.get("Secret")).as("the secret never crosses the wire").isNull();

            Transcript answered = Transcript.load("inbound-queue-answered.txt");
            int before = pbx.server.eventsWritten();
            pbx.server.play(answered);
            pbx.awaitEnded(1);
            long wanted = answered.callEvents().stream()
                    .filter(e -> e.classes().contains("call") || e.classes().contains("agent")).count();
            assertThat(pbx.server.eventsWritten() - before).isEqualTo((int) wanted)
                    .isLessThan(answered.callEvents().size() / 2);
        }
    }

    @Test
    void resynchronisesWithCoreShowChannelsAndQueueStatusAfterLogin() throws Exception {
        try (PbxHarness pbx = PbxHarness.connected()) {
            assertThat(pbx.server.actions()).extracting(a -> a.get("Action"))
                    .containsSubsequence("Login", "CoreShowChannels", "QueueStatus");
        }
    }

    @Test
    void wrongPasswordIsRefusedAndTriedAgainWithGrowingPauses() throws Exception {
        try (PbxHarness pbx = PbxHarness.withWrongPassword()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> pbx.server.loginAttempts() >= 3);
            assertThat(pbx.session.loginRefused()).isTrue();
            assertThat(pbx.session.connected()).isFalse();
            assertThat(pbx.server.loggedIn()).isZero();
        }
    }

    @Test
    void backoffDoublesUpToItsCeilingAndStartsAgainAfterASuccess() {
        Backoff backoff = new Backoff(100, 1000);
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1000));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void settingsNeverShowThePassword() {
        AmiSettings settings = PbxHarness.settings(5038, "top-secret-pw");
        assertThat(settings.toString()).doesNotContain("top-secret-pw").contains("switchboard@127.0.0.1:5038");
    }
}
