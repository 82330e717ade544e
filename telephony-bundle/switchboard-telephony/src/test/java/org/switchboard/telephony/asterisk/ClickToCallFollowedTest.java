package org.switchboard.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.Direction;
import org.switchboard.api.InboundContact;
import org.switchboard.api.RoutingMode;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.call.EndedCall;
import org.switchboard.telephony.callback.Callback;
import org.switchboard.telephony.callback.CallbackWorklist;
import org.switchboard.telephony.rest.CallAnswer;
import org.switchboard.telephony.rest.CallRequest;
import org.switchboard.telephony.rest.CallsResource;
import org.switchboard.telephony.testing.Callers;
import org.switchboard.telephony.testing.DialingPbx;
import org.switchboard.telephony.testing.RecordingEvents;
import org.switchboard.telephony.testing.RecordingIngress;

/**
 * A click-to-call followed through the recorded call (click-to-call.txt, its ids replaced by the call's
 * {@code ChannelId} as Asterisk does): the agent's own outbound interaction, answered, ended, never on the
 * callback worklist.
 */
class ClickToCallFollowedTest {
    /** The recorded call's Uniqueid and Linkedid: Asterisk's own id, where the Originate gave none. */
    private static final String RECORDED_ID = "1795363697.0";

    private DialingPbx env;
    private final RecordingIngress ingress = new RecordingIngress();
    private final RecordingEvents events = new RecordingEvents();
    private final List<EndedCall> toldWorklist = new CopyOnWriteArrayList<>();
    private CallsResource calls;

    @BeforeEach
    void start() throws Exception {
        env = new DialingPbx();
        CallbackWorklist worklist = new CallbackWorklist(env.store);
        AsteriskPbx pbx = StartedPbx.start(env, ingress, events, call -> {
            toldWorklist.add(call);
            worklist.ended(call);
        });
        calls = new CallsResource(env.dialer, env.agents);
        await().atMost(Duration.ofSeconds(10)).until(pbx::connected);
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    private static List<AmiMessage> recordedCall(AmiMessage originate, boolean customerAnswers) {
        String callId = originate.get("ChannelId");
        return Transcript.load("click-to-call.txt").callEvents().stream()
                .filter(e -> customerAnswers || !"BridgeEnter".equals(e.get("Event")))
                .map(e -> new AmiMessage(e.lines().stream().map(l -> l.replace(RECORDED_ID, callId)).toList()))
                .toList();
    }

    private String clickToCall() {
        CallAnswer answer = (CallAnswer) calls.call(new CallRequest(null, "+7 (495) 123-45-67"), Callers.agent("anna"))
                .getEntity();
        return answer.callId();
    }

    @Test
    void theCallBecomesTheAgentsOutboundInteractionWithTheDialledNumberAnsweredThenEnded() {
        env.server.afterOriginate(originate -> recordedCall(originate, true));

        String callId = clickToCall();

        await().atMost(Duration.ofSeconds(10)).until(() -> events.reports(1).contains("ended COMPLETED"));
        InboundContact contact = ingress.accepted().get(0);
        assertThat(contact.channel().id()).isEqualTo("voice");
        assertThat(contact.externalId()).isEqualTo(callId);
        assertThat(contact.from()).isEqualTo(Address.phone("+74951234567"));
        assertThat(contact.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(contact.targetAgent()).isEqualTo("agent-1001");
        assertThat(contact.routing()).isEqualTo(RoutingMode.EXTERNAL);
        assertThat(ingress.accepted()).hasSize(1);
        assertThat(events.reports(1)).containsExactly("offered agent-1001", "answered agent-1001", "ended COMPLETED");
        assertThat(toldWorklist).isEmpty();
        assertThat(env.store.list(Callback.OPEN, 10)).isEmpty();
    }

    @Test
    void aCallTheCustomerDoesNotAnswerEndsMissedAndStaysOffTheCallbackWorklist() {
        env.server.afterOriginate(originate -> recordedCall(originate, false));

        clickToCall();

        await().atMost(Duration.ofSeconds(10)).until(() -> events.reports(1).contains("ended MISSED"));
        assertThat(events.reports(1)).containsExactly("offered agent-1001", "ended MISSED");
        assertThat(toldWorklist).isEmpty();
        assertThat(env.store.list(Callback.OPEN, 10)).isEmpty();
    }

    @Test
    void aCallPlacedBeforeARestartIsTakenUpFromThePbxsChannelsAndFollowedToItsEnd() {
        String callId = "sb-7d1f0c2e-placed-before-the-restart";
        List<AmiMessage> recorded = recordedCall(AmiMessage.of("ChannelId: " + callId), true);
        int bridged = (int) recorded.stream().takeWhile(e -> !"BridgeEnter".equals(e.get("Event"))).count();
        // what CoreShowChannels lists while alice talks with the customer (as in the recording, 4 s in)
        env.server.snapshot(List.of(
                channel("PJSIP/1001-00000000", callId, "from-internal", "+74951234567", "74957654321", "+74951234567"),
                channel("PJSIP/trunk-00000001", "1795363698.1", "from-trunk", "+74951234567", "+74951234567",
                        "74957654321").with("Linkedid", callId)));

        env.server.dropConnections(); // Switchboard comes back and knows nothing of the call but what the PBX says

        await().atMost(Duration.ofSeconds(10)).until(() -> events.reports(1).contains("answered agent-1001"));
        InboundContact contact = ingress.accepted().get(0);
        assertThat(contact.externalId()).isEqualTo(callId);
        assertThat(contact.from()).isEqualTo(Address.phone("+74951234567"));
        assertThat(contact.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(contact.targetAgent()).isEqualTo("agent-1001");

        env.server.play(recorded.subList(bridged, recorded.size()));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.reports(1).contains("ended COMPLETED"));
        assertThat(events.reports(1)).containsExactly("answered agent-1001", "ended COMPLETED");
        assertThat(toldWorklist).isEmpty();
    }

    /** A {@code CoreShowChannel} list item as Asterisk 22 writes it for a channel in a bridge. */
    private static AmiMessage channel(String name, String uniqueId, String context, String exten, String callerId,
                                      String connectedLine) {
        return AmiMessage.of("Event: CoreShowChannel", "Channel: " + name, "ChannelState: 6", "ChannelStateDesc: Up",
                "CallerIDNum: " + callerId, "CallerIDName: <unknown>", "ConnectedLineNum: " + connectedLine,
                "ConnectedLineName: <unknown>", "Language: en", "AccountCode: ", "Context: " + context,
                "Exten: " + exten, "Priority: 3", "Uniqueid: " + uniqueId, "Linkedid: " + uniqueId,
                "Application: Dial", "ApplicationData: PJSIP/+74951234567@trunk,60", "Duration: 00:00:04",
                "BridgeId: b46a8b2c-869c-4778-9ec3-52c391a43d69");
    }
}
