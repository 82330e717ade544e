package org.switchboard.telephony.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.asterisk.AsteriskPbx;
import org.switchboard.telephony.asterisk.StartedPbx;
import org.switchboard.telephony.rest.CampaignRequest;
import org.switchboard.telephony.rest.CampaignsResource;
import org.switchboard.telephony.testing.DialingPbx;
import org.switchboard.telephony.testing.MutableClock;
import org.switchboard.telephony.testing.PbxHarness;
import org.switchboard.telephony.testing.TestDatabase;

/**
 * Reminder campaigns from {@code POST /campaigns} to the {@code Originate}s on the fake PBX's wire and back:
 * the PBX answers each with the {@code OriginateResponse}, key press and operator events the test scripts.
 */
class CampaignDialerTest {
    /** Monday 23 November 2026, 10:00 UTC: 11:00 in Berlin, 19:00 in Tokyo. */
    private static final Instant MORNING = Instant.parse("2026-11-23T10:00:00Z");
    private static final String BERLIN = "+49301234567";

    private final MutableClock clock = new MutableClock(MORNING);
    private FakeAmiServer server;
    private AsteriskPbx pbx;
    private CampaignStore store;
    private CampaignDialer dialer;
    private CampaignsResource rest;

    @BeforeEach
    void start() throws Exception {
        server = new FakeAmiServer(PbxHarness.USER, PbxHarness.SECRET);
        store = CampaignStore.onTables(TestDatabase.withSchema(), clock);
        rest = new CampaignsResource(store);
        dialer = new CampaignDialer(store, clock, Duration.ofMinutes(10));
        pbx = StartedPbx.start(DialingPbx.config(server.port()));
        dialer.addLine(pbx);
        await().atMost(Duration.ofSeconds(10)).until(pbx::connected);
    }

    @AfterEach
    void stop() throws Exception {
        dialer.stop();
        pbx.stop();
        server.close();
    }

    @Test
    void answeredCustomerWhoPressesOneIsConnectedToAnOperator() {
        server.afterOriginate(a -> List.of(FakeAmiServer.originateResponse(a, 4), FakeAmiServer.reminderKey(a, "1"),
                agentConnect(a)));
        long id = create(List.of(BERLIN), 10, 3, 30);

        assertThat(dialer.dialDue()).isEqualTo(1);

        AmiMessage originate = server.actions("Originate").get(0);
        String callId = originate.get("ChannelId");
        assertThat(callId).startsWith("sb-rem-");
        assertThat(originate.get("ActionID")).endsWith(callId);
        assertThat(originate.get("Channel")).isEqualTo("Local/" + BERLIN + "@from-internal");
        assertThat(originate.get("Context")).isEqualTo("switchboard-reminder");
        assertThat(originate.get("Exten")).isEqualTo("s");
        assertThat(originate.get("Async")).isEqualTo("true");
        assertThat(originate.lines()).contains("variable: SB_MESSAGE=Your appointment is tomorrow at 10:00",
                "variable: SB_OPERATOR=support", "variable: SB_CALL=" + callId, "variable: SB_CAMPAIGN=" + id);
        await().atMost(Duration.ofSeconds(10)).until(() -> only(id).result(), Campaign.CONNECTED::equals);
        Campaign.Number number = only(id);
        assertThat(number.keyPressed()).isTrue();
        assertThat(number.state()).isEqualTo("DONE");
        assertThat(number.attempts()).isEqualTo(1);

        dialer.dialDue();
        Campaign campaign = store.find(id).orElseThrow();
        assertThat(campaign.status()).isEqualTo(Campaign.DONE);
        assertThat(campaign.counts()).containsExactly(java.util.Map.entry(Campaign.CONNECTED, 1));
    }

    @Test
    void keyPressIsRecordedEvenWhenNoOperatorAnswersAndOnlyKeyOneCounts() {
        server.afterOriginate(a -> List.of(FakeAmiServer.originateResponse(a, 4),
                FakeAmiServer.reminderKey(a, a.get("Channel").contains("4567") ? "1" : "2")));
        // the PBX's events of both calls are applied in order on one thread: the key 2 before the key 1
        long id = create(List.of("+49307654321", BERLIN), 10, 3, 30);

        assertThat(dialer.dialDue()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> store.find(id).orElseThrow().numbers().stream()
                .filter(Campaign.Number::keyPressed).count() == 1);
        assertThat(store.find(id).orElseThrow().numbers())
                .extracting(Campaign.Number::number, Campaign.Number::result, Campaign.Number::keyPressed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+49307654321", Campaign.ANSWERED, false),
                        org.assertj.core.groups.Tuple.tuple(BERLIN, Campaign.ANSWERED, true));
    }

    @Test
    void noAnswerIsTriedAgainAfterThePauseAndThenAnswered() {
        AtomicInteger calls = new AtomicInteger();
        server.afterOriginate(a -> List.of(FakeAmiServer.originateResponse(a, calls.incrementAndGet() == 1 ? 3 : 4)));
        long id = create(List.of(BERLIN), 10, 3, 30);

        dialer.dialDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> only(id).result(), Campaign.NO_ANSWER::equals);
        assertThat(only(id).state()).isEqualTo(Campaign.WAITING);
        assertThat(only(id).nextAt()).isEqualTo(MORNING.plus(Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(29));
        assertThat(dialer.dialDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dialer.dialDue()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> only(id).result(), Campaign.ANSWERED::equals);
        assertThat(only(id).attempts()).isEqualTo(2);
        assertThat(only(id).keyPressed()).isFalse();
        assertThat(server.actions("Originate")).hasSize(2);
    }

    @Test
    void busyNumberIsCalledUntilItsAttemptsRunOut() {
        server.afterOriginate(a -> List.of(FakeAmiServer.originateResponse(a, 5)));
        long id = create(List.of(BERLIN), 10, 3, 5);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(dialer.dialDue()).isEqualTo(1);
            int n = attempt;
            await().atMost(Duration.ofSeconds(10)).until(() -> only(id).attempts() == n
                    && !only(id).state().equals(Campaign.DIALLING));
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(dialer.dialDue()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(dialer.dialDue()).isZero();

        assertThat(only(id).state()).isEqualTo("DONE");
        assertThat(only(id).result()).isEqualTo(Campaign.BUSY);
        assertThat(server.actions("Originate")).hasSize(3);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(Campaign.DONE);
    }

    @Test
    void numberIsCalledOnlyWithinTheWindowOfItsOwnTimeZone() {
        clock.set(Instant.parse("2026-11-23T05:00:00Z")); // 06:00 in Berlin, 14:00 in Tokyo
        long id = create(List.of(BERLIN, "+81312345678"), 10, 3, 30);

        assertThat(dialer.dialDue()).isEqualTo(1);
        assertThat(server.actions("Originate")).singleElement()
                .satisfies(o -> assertThat(o.get("Channel")).isEqualTo("Local/+81312345678@from-internal"));

        clock.set(Instant.parse("2026-11-23T07:59:00Z"));
        assertThat(dialer.dialDue()).isZero();
        clock.set(Instant.parse("2026-11-23T08:00:00Z")); // 09:00 in Berlin
        assertThat(dialer.dialDue()).isEqualTo(1);
        assertThat(server.actions("Originate")).hasSize(2);
        assertThat(server.actions("Originate").get(1).get("Channel")).isEqualTo("Local/" + BERLIN + "@from-internal");
        assertThat(store.find(id).orElseThrow().numbers()).extracting(Campaign.Number::timeZone)
                .containsExactly("Europe/Berlin", "Asia/Tokyo");
    }

    @Test
    void windowThatCrossesMidnightIsOpenInTheEveningAndAfterMidnightInTheCustomersZone() {
        clock.set(Instant.parse("2026-11-23T18:59:00Z")); // 19:59 in Berlin: before the window
        long id = create(List.of(BERLIN), new CampaignRequest.Window("20:00", "02:00"), 10, 3, 30);
        assertThat(dialer.dialDue()).isZero();

        clock.set(Instant.parse("2026-11-23T22:30:00Z")); // 23:30 in Berlin
        assertThat(dialer.dialDue()).isEqualTo(1);
        assertThat(server.actions("Originate")).singleElement()
                .satisfies(o -> assertThat(o.get("Channel")).isEqualTo("Local/" + BERLIN + "@from-internal"));
        assertThat(store.find(id).orElseThrow().windowTo()).isEqualTo("02:00");
    }

    @Test
    void windowThatCrossesMidnightClosesAtItsEndAndOpensAgainTheNextEvening() {
        clock.set(Instant.parse("2026-11-24T01:00:00Z")); // 02:00 in Berlin: just closed
        create(List.of(BERLIN, "+4930100000"), new CampaignRequest.Window("20:00", "02:00"), 10, 3, 30);
        assertThat(dialer.dialDue()).isZero();
        clock.set(Instant.parse("2026-11-24T12:00:00Z")); // 13:00
        assertThat(dialer.dialDue()).isZero();

        clock.set(Instant.parse("2026-11-25T00:59:00Z")); // 01:59 the next night
        assertThat(dialer.dialDue()).isEqualTo(2);
        assertThat(server.actions("Originate")).hasSize(2);
    }

    @Test
    void pacingLimitsTheCallsStartedPerMinute() {
        List<String> numbers = IntStream.range(0, 10).mapToObj(i -> "+4930100000" + i).toList();
        create(numbers, 3, 3, 30);

        assertThat(dialer.dialDue()).isEqualTo(3);
        assertThat(dialer.dialDue()).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(dialer.dialDue()).isZero();
        assertThat(server.actions("Originate")).hasSize(3);

        clock.advance(Duration.ofSeconds(1));
        assertThat(dialer.dialDue()).isEqualTo(3);
        assertThat(server.actions("Originate")).hasSize(6);
    }

    @Test
    void cancelledCampaignCallsNobodyElse() {
        List<String> numbers = IntStream.range(0, 5).mapToObj(i -> "+4930100000" + i).toList();
        long id = create(numbers, 2, 3, 30);
        assertThat(dialer.dialDue()).isEqualTo(2);

        Campaign cancelled = rest.cancel(id);
        clock.advance(Duration.ofMinutes(5));

        assertThat(dialer.dialDue()).isZero();
        assertThat(server.actions("Originate")).hasSize(2);
        assertThat(cancelled.status()).isEqualTo(Campaign.CANCELLED);
        assertThat(cancelled.counts()).containsEntry(Campaign.CANCELLED, 3).containsEntry(Campaign.DIALLING, 2);
    }

    @Test
    void attemptUnderWayIsNotPlacedAgainAfterARestart() {
        long id = create(List.of(BERLIN), 10, 3, 1);
        assertThat(dialer.dialDue()).isEqualTo(1);

        dialer.stop();
        CampaignDialer restarted = new CampaignDialer(store, clock, Duration.ofMinutes(10));
        restarted.addLine(pbx);
        clock.advance(Duration.ofMinutes(2));
        assertThat(restarted.dialDue()).isZero();
        clock.advance(Duration.ofMinutes(10));
        assertThat(restarted.dialDue()).isZero();
        restarted.stop();

        assertThat(server.actions("Originate")).hasSize(1);
        assertThat(only(id).result()).isEqualTo(Campaign.UNKNOWN);
    }

    private long create(List<String> numbers, int pacing, int maxAttempts, int retryAfterMinutes) {
        return create(numbers, new CampaignRequest.Window("09:00", "19:00"), pacing, maxAttempts, retryAfterMinutes);
    }

    private long create(List<String> numbers, CampaignRequest.Window window, int pacing, int maxAttempts,
                        int retryAfterMinutes) {
        CampaignRequest request = new CampaignRequest("Appointments", "Your appointment is tomorrow at 10:00",
                new ArrayList<>(numbers), window, pacing, maxAttempts,
                retryAfterMinutes, null, null, null);
        return ((Campaign) rest.create(request, null).getEntity()).id();
    }

    private Campaign.Number only(long id) {
        return store.find(id).orElseThrow().numbers().get(0);
    }

    /** The operator answers: the recorded queue call's AgentConnect, on the reminder call. */
    private static AmiMessage agentConnect(AmiMessage originate) {
        String callId = originate.get("ChannelId");
        Function<AmiMessage, AmiMessage> onTheCall = e -> e.with("Uniqueid", callId).with("Linkedid", callId);
        return onTheCall.apply(Transcript.load("inbound-queue-answered.txt").event("AgentConnect", 0));
    }
}
