package org.switchboard.itests.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.itests.distribution.SwitchboardInstance;
import org.switchboard.itests.support.FakePbx;
import org.switchboard.itests.support.KarafLog;
import org.switchboard.itests.support.PopStream;
import org.switchboard.itests.support.SwitchboardClient;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.ami.Transcript;

/**
 * The distribution with the {@code switchboard-telephony} feature, logged in over AMI to the fake
 * Asterisk of the telephony bundle's tests (a TCP server in this JVM replaying the calls a real
 * Asterisk 22 recorded): the demo agents alice ({@code PJSIP/1001}) and bob ({@code PJSIP/1002}) of
 * branch {@code berlin} watch their console streams. One Karaf serves the whole class: each test plays
 * its own recorded call (its own {@code Linkedid}) and looks only at what belongs to it.
 */
class TelephonyInKarafIT {
    private static final String PBX = "berlin";
    private static final String AMI_USER = "switchboard";
    private static final String AMI_SECRET = "s3cr3t-ami-" + Long.toHexString(System.nanoTime());
    private static final String CALLER = "+74951234567";
    private static final String DID = "74957654321";
    private static final Duration READY = Duration.ofMinutes(2);
    private static final Duration SEEN = Duration.ofSeconds(30);

    private static FakeAmiServer ami;
    private static SwitchboardInstance karaf;

    @BeforeAll
    static void start() throws Exception {
        ami = new FakeAmiServer(AMI_USER, AMI_SECRET);
        Path distribution = Path.of(System.getProperty("switchboard.distribution"));
        Path home = Path.of(System.getProperty("switchboard.itest.work", "target/it-work"), "telephony",
                TelephonyInKarafIT.class.getSimpleName());
        karaf = SwitchboardInstance.unpack(distribution, home);
        karaf.installDemo();
        FakePbx.connect(karaf, PBX, ami, AMI_USER, AMI_SECRET);
        karaf.start();
        await("GET /health answers 200").atMost(READY).pollInterval(Duration.ofMillis(250)).until(karaf::isReady);
        await("Switchboard logged in to the PBX").atMost(READY).pollInterval(Duration.ofMillis(250))
                .until(() -> ami.loggedIn() == 1
                        && "UP".equals(health().path("checks").path("pbx:" + PBX).path("status").asText()));
        await("POST /calls is there").atMost(READY).pollInterval(Duration.ofMillis(250))
                .until(() -> as("alice").post("/calls", Map.of()).status() != 404);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (karaf != null) {
                karaf.stop();
                List<String> errors = new KarafLog(karaf.log()).unexpectedErrors(List.of());
                assertThat(errors).as("ERROR lines in " + karaf.log()).isEmpty();
                assertThat(Files.readString(karaf.log(), StandardCharsets.ISO_8859_1)).as("the AMI password in the log")
                        .doesNotContain(AMI_SECRET);
            }
        } finally {
            if (karaf != null) {
                karaf.close();
            }
            if (ami != null) {
                ami.close();
            }
        }
    }

    @Test
    void queueCallPopsOnTheRingingAgentsConsoleWhileThePhoneRingsAndOnNobodyElses() {
        Transcript call = Transcript.load("inbound-queue-answered.txt");
        List<AmiMessage> events = call.callEvents();
        int answer = indexOf(events, "AgentConnect");
        assertThat(events.subList(0, answer)).as("the recorded ring").anyMatch(e -> "AgentCalled".equals(e.get("Event")));
        String linkedId = call.event("AgentCalled", 0).get("Linkedid");

        try (PopStream alice = PopStream.open(karaf.api(), "alice"); PopStream bob = PopStream.open(karaf.api(), "bob")) {
            ami.play(events.subList(0, answer));

            // alice's phone (PJSIP/1001) rings: her pop is there, and the PBX has not said she answered
            JsonNode pop = alice.awaitFrame("pop", p -> linkedId.equals(p.path("contact").path("externalId").asText()), SEEN);
            long interactionId = pop.path("interaction").path("id").asLong();
            assertThat(pop.path("agentId").asText()).isEqualTo("alice");
            assertThat(pop.path("contact").path("from").path("value").asText()).isEqualTo(CALLER);
            assertThat(pop.path("contact").path("entryPoint").asText()).isEqualTo(DID);
            assertThat(pop.path("interaction").path("channel").asText()).isEqualTo("voice");
            assertThat(pop.path("interaction").path("state").asText()).isEqualTo("OFFERED");
            assertThat(admin().get("/interactions/" + interactionId).json().path("state").asText())
                    .as("the call's state while the phone rings").isEqualTo("OFFERED");

            ami.play(events.subList(answer, events.size()));

            alice.awaitFrame("interaction", i -> i.path("id").asLong() == interactionId
                    && "ACTIVE".equals(i.path("state").asText()), SEEN);
            JsonNode ended = alice.awaitFrame("interaction", i -> i.path("id").asLong() == interactionId
                    && Set.of("WRAP_UP", "CLOSED").contains(i.path("state").asText()), SEEN);
            assertThat(ended.path("agent").asText()).isEqualTo("alice");
            // bob's stream carries the same kinds of events, in order: by now it would have had them
            assertThat(bob.frames()).as("bob's stream")
                    .noneMatch(f -> f.data().toString().contains(linkedId)
                            || f.data().path("id").asLong() == interactionId
                            || f.data().path("interaction").path("id").asLong() == interactionId);
        }
    }

    @Test
    void abandonedQueueCallLandsOnTheCallbackWorklist() {
        Transcript call = Transcript.load("inbound-queue-abandoned.txt");
        assertThat(call.events("QueueCallerAbandon")).as("the recorded abandon").hasSize(1);
        AmiMessage abandon = call.event("QueueCallerAbandon", 0);

        ami.play(call);

        JsonNode entry = await("the caller on the callback worklist").atMost(SEEN).pollInterval(Duration.ofMillis(250))
                .until(() -> openCallback(CALLER), e -> e != null);
        assertThat(entry.path("source").asText()).isEqualTo("ABANDONED");
        assertThat(entry.path("pbx").asText()).isEqualTo(PBX);
        assertThat(entry.path("did").asText()).isEqualTo(DID);
        assertThat(entry.path("calls").asInt()).isEqualTo(1);
        assertThat(entry.path("longestWaitSeconds").asInt()).as("how long the caller waited")
                .isEqualTo(Integer.parseInt(abandon.get("HoldTime")));
        JsonNode interaction = admin().get("/interactions/" + entry.path("interactionId").asLong()).json();
        assertThat(interaction.path("state").asText()).isEqualTo("ABANDONED");
        assertThat(interaction.path("contact").path("externalId").asText()).isEqualTo(abandon.get("Linkedid"));
    }

    @Test
    void clickToCallOriginatesFromTheAgentsPhoneToTheNumber() {
        SwitchboardClient.Response response = as("bob").post("/calls", Map.of("agent", "bob", "number", "+49 (30) 901-820"));

        assertThat(response.status()).as("POST /calls: %s", response.body()).isEqualTo(202);
        String callId = response.json().path("callId").asText();
        assertThat(response.json().path("agent").asText()).isEqualTo("bob");
        assertThat(response.json().path("number").asText()).isEqualTo("+4930901820");
        AmiMessage originate = await("the PBX receives the Originate").atMost(SEEN).pollInterval(Duration.ofMillis(100))
                .until(() -> ami.actions("Originate").stream().filter(a -> callId.equals(a.get("ChannelId"))).findFirst(),
                        o -> o.isPresent())
                .orElseThrow();
        assertThat(originate.get("Channel")).as("bob's phone").isEqualTo("PJSIP/1002");
        assertThat(originate.get("Context")).isEqualTo("from-internal");
        assertThat(originate.get("Exten")).isEqualTo("+4930901820");
        assertThat(originate.get("Priority")).isEqualTo("1");
        assertThat(originate.get("Async")).isEqualTo("true");
        assertThat(originate.get("Variable")).isEqualTo("SWITCHBOARD_PURPOSE=click-to-call");
    }

    @Test
    void clickToCallPutsTheCustomersCardOnTheCallingAgentsConsoleAndStaysOffTheWorklist() {
        // the PBX places alice's call as recorded (click-to-call.txt), its ids being the Originate's ChannelId:
        // first her phone rings and she picks up, the customer's phone rings; the rest once the test says so
        List<AmiMessage> recorded = Transcript.load("click-to-call.txt").callEvents();
        int bridged = indexOf(recorded, "BridgeEnter");
        ami.afterOriginate(originate -> "PJSIP/1001".equals(originate.get("Channel"))
                ? asCall(recorded.subList(0, bridged), originate.get("ChannelId")) : List.of());

        try (PopStream alice = PopStream.open(karaf.api(), "alice"); PopStream bob = PopStream.open(karaf.api(), "bob")) {
            SwitchboardClient.Response response = as("alice").post("/calls", Map.of("number", "+7 495 123-45-67"));
            assertThat(response.status()).as("POST /calls: %s", response.body()).isEqualTo(202);
            String callId = response.json().path("callId").asText();

            JsonNode pop = alice.awaitFrame("pop", p -> callId.equals(p.path("contact").path("externalId").asText())
                    && p.path("customer").path("addresses").size() > 0, SEEN);
            long interactionId = pop.path("interaction").path("id").asLong();
            assertThat(pop.path("agentId").asText()).isEqualTo("alice");
            assertThat(pop.path("interaction").path("direction").asText()).isEqualTo("OUTBOUND");
            assertThat(pop.path("contact").path("from").path("value").asText()).isEqualTo(CALLER);
            assertThat(pop.path("customer").path("addresses").toString()).contains(CALLER);

            ami.play(asCall(recorded.subList(bridged, recorded.size()), callId));

            alice.awaitFrame("interaction", i -> i.path("id").asLong() == interactionId
                    && "ACTIVE".equals(i.path("state").asText()), SEEN);
            alice.awaitFrame("interaction", i -> i.path("id").asLong() == interactionId
                    && "WRAP_UP".equals(i.path("state").asText()), SEEN);
            assertThat(bob.frames()).as("bob's stream")
                    .noneMatch(f -> f.data().toString().contains(callId));
            assertThat(as("alice").get("/callbacks?status=ALL").json()).as("the callback worklist")
                    .noneMatch(entry -> entry.path("interactionId").asLong() == interactionId);
        }
    }

    /** Recorded events of the click-to-call as the PBX writes them for a call placed with this ChannelId. */
    private static List<AmiMessage> asCall(List<AmiMessage> recorded, String callId) {
        return recorded.stream()
                .map(e -> new AmiMessage(e.lines().stream().map(l -> l.replace("1795363697.0", callId)).toList()))
                .toList();
    }

    private static JsonNode openCallback(String number) {
        for (JsonNode entry : as("alice").get("/callbacks?status=OPEN").json()) {
            if (number.equals(entry.path("number").asText())) {
                return entry;
            }
        }
        return null;
    }

    private static int indexOf(List<AmiMessage> events, String type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.equals(events.get(i).get("Event"))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + type + " event");
    }

    private static JsonNode health() {
        return admin().get("/health").json();
    }

    private static SwitchboardClient admin() {
        return as("admin");
    }

    private static SwitchboardClient as(String user) {
        return new SwitchboardClient(karaf.api()).as(user, user);
    }
}
