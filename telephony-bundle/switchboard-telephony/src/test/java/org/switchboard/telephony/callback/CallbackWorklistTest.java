package org.switchboard.telephony.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.rest.CallbacksResource;
import org.switchboard.telephony.testing.CoreNumbers;
import org.switchboard.telephony.testing.PbxHarness;
import org.switchboard.telephony.testing.TestDatabase;

/** Replayed calls fill and empty the callback worklist, as {@code GET /callbacks} shows it. */
class CallbackWorklistTest {
    private CallbackStore store;
    private CallbacksResource rest;
    private PbxHarness pbx;

    @BeforeEach
    void start() throws Exception {
        store = CallbackStore.onTables(TestDatabase.withSchema(), java.time.Clock.systemUTC(), CoreNumbers.inRegion("RU"));
        rest = new CallbacksResource(store);
        pbx = PbxHarness.connected(Set.of(), new CallbackWorklist(store));
    }

    @AfterEach
    void stop() throws Exception {
        pbx.close();
    }

    @Test
    void abandonedCallAppearsOnTheWorklistWithWhoWhenAndHowLongTheyWaited() {
        pbx.server.play(Transcript.load("inbound-queue-abandoned.txt"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !rest.list("OPEN", 100).isEmpty());

        assertThat(rest.list("OPEN", 100)).singleElement().satisfies(c -> {
            assertThat(c.number()).isEqualTo("+74951234567");
            assertThat(c.name()).isEqualTo("Ivan Petrov");
            assertThat(c.source()).isEqualTo("ABANDONED");
            assertThat(c.did()).isEqualTo("74957654321");
            assertThat(c.calls()).isEqualTo(1);
            assertThat(c.longestWaitSeconds()).isBetween(3, 6);
            assertThat(c.interactionId()).isEqualTo(1);
            assertThat(c.firstAt()).isNotNull();
        });
    }

    @Test
    void missedDirectCallAppearsOnTheWorklist() {
        pbx.server.play(Transcript.load("inbound-direct-missed.txt"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !rest.list("OPEN", 100).isEmpty());

        assertThat(rest.list("OPEN", 100)).extracting(Callback::source).containsExactly("MISSED");
    }

    @Test
    void secondUnansweredCallFromTheSameNumberCountsOnTheSameEntry() {
        pbx.server.play(Transcript.load("inbound-queue-abandoned.txt"));
        pbx.server.play(Transcript.load("inbound-queue-abandoned-ringall.txt"));
        pbx.awaitEnded(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> rest.list("OPEN", 100).get(0).calls() == 2);

        assertThat(rest.list("OPEN", 100)).singleElement().satisfies(c -> {
            assertThat(c.calls()).isEqualTo(2);
            assertThat(c.did()).isEqualTo("74957654322");
        });
    }

    @Test
    void callsFromOneNumberWrittenInternationallyAndNationallyCountOnOneEntryInE164() {
        pbx.server.play(Transcript.load("inbound-queue-abandoned.txt"));
        pbx.server.play(Transcript.load("inbound-queue-abandoned-ringall.txt").callEvents().stream()
                .map(e -> "Newchannel".equals(e.get("Event")) && "+74951234567".equals(e.get("CallerIDNum"))
                        ? e.with("CallerIDNum", "84951234567") : e).toList());
        pbx.awaitEnded(2);
        assertThat(pbx.ended.get(1).number()).as("the PBX's national form").isEqualTo("84951234567");
        await().atMost(Duration.ofSeconds(5)).until(() -> rest.list("OPEN", 100).get(0).calls() == 2);

        assertThat(rest.list("OPEN", 100)).singleElement().satisfies(c -> {
            assertThat(c.number()).isEqualTo("+74951234567");
            assertThat(c.calls()).isEqualTo(2);
        });
    }

    @Test
    void requestForACallbackInNationalFormJoinsTheCallersOpenEntry() {
        pbx.server.play(Transcript.load("inbound-queue-abandoned.txt"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !rest.list("OPEN", 100).isEmpty());

        long id = store.request("8 (495) 123-45-67", null, null);

        assertThat(rest.list("OPEN", 100)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.source()).isEqualTo("ABANDONED");
        });
        assertThat(store.closeFor("+7 495 123 45 67", Callback.CALLED_BACK, "agent-1001")).isPresent();
        assertThat(rest.list("OPEN", 100)).isEmpty();
    }

    @Test
    void callFromAWithheldNumberStaysOffTheWorklist() {
        Transcript abandoned = Transcript.load("inbound-queue-abandoned.txt");
        pbx.server.play(abandoned.callEvents().stream()
                .map(e -> "Newchannel".equals(e.get("Event")) ? e.with("CallerIDNum", "<unknown>") : e).toList());
        pbx.awaitEnded(1);

        assertThat(pbx.ended.get(0).number()).isEqualTo("anonymous");
        assertThat(rest.list("ALL", 100)).isEmpty();
    }

    @Test
    void theSameCallEndingTwiceCountsOnce() {
        pbx.server.play(Transcript.load("inbound-queue-abandoned.txt"));
        pbx.awaitEnded(1);
        new CallbackWorklist(store).ended(pbx.ended.get(0));

        assertThat(rest.list("OPEN", 100)).singleElement().satisfies(c -> assertThat(c.calls()).isEqualTo(1));
    }

    @Test
    void customerCallingAgainAndReachingAnAgentClosesTheEntry() {
        pbx.server.play(Transcript.load("inbound-queue-abandoned.txt"));
        pbx.server.play(Transcript.load("inbound-queue-answered.txt"));
        pbx.awaitEnded(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> rest.list("OPEN", 100).isEmpty());

        assertThat(rest.list("CLOSED", 100)).singleElement().satisfies(c -> {
            assertThat(c.closedReason()).isEqualTo("CALLED_AGAIN");
            assertThat(c.closedBy()).isEqualTo("agent-1001");
        });
    }
}
