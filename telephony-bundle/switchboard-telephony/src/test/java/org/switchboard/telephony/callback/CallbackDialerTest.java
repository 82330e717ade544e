package org.switchboard.telephony.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.EndReason;
import org.switchboard.api.Presence;
import org.switchboard.telephony.asterisk.AsteriskPbx;
import org.switchboard.telephony.asterisk.StartedPbx;
import org.switchboard.telephony.call.EndedCall;
import org.switchboard.telephony.rest.CallbackRequest;
import org.switchboard.telephony.rest.CallbacksResource;
import org.switchboard.telephony.testing.DialingPbx;

/** {@code POST /callbacks}, then the dialler rings a free agent's phone and dials the customer from it. */
class CallbackDialerTest {
    private DialingPbx env;
    private CallbacksResource rest;
    private CallbackDialer dialler;

    @BeforeEach
    void start() throws Exception {
        env = new DialingPbx();
        AsteriskPbx pbx = StartedPbx.start(env);
        rest = new CallbacksResource(env.store);
        dialler = new CallbackDialer(env.store, env.agents, env.dialer, Duration.ofMinutes(10), 3);
        await().atMost(Duration.ofSeconds(10)).until(pbx::connected);
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    @Test
    void requestedCallbackIsDialledFromAFreeAgentsPhoneAndClosed() {
        env.agents.setPresence("agent-1002", Presence.AWAY, "lunch");
        rest.request(new CallbackRequest("+49 30 1234567", "Ada Lovelace", null));

        assertThat(dialler.dialDue()).isEqualTo(1);

        assertThat(env.server.actions("Originate")).singleElement().satisfies(o -> {
            assertThat(o.get("Channel")).isEqualTo("PJSIP/1001");
            assertThat(o.get("Exten")).isEqualTo("+49301234567");
        });
        assertThat(rest.list("CLOSED", 10)).singleElement().satisfies(c -> {
            assertThat(c.closedReason()).isEqualTo(Callback.CALLED_BACK);
            assertThat(c.closedBy()).isEqualTo("agent-1001");
            assertThat(c.attempts()).isEqualTo(1);
        });
    }

    @Test
    void callbackWaitsForItsPreferredTime() {
        rest.request(new CallbackRequest("+49301234567", null, Instant.now().plusSeconds(3600).toString()));

        assertThat(dialler.dialDue()).isZero();
        assertThat(env.server.actions("Originate")).isEmpty();
        assertThat(rest.list("OPEN", 10)).hasSize(1);
    }

    @Test
    void callbackWaitsWhileNoAgentIsFree() {
        env.agents.setPresence("agent-1001", Presence.AWAY, null);
        env.agents.setPresence("agent-1002", Presence.OFFLINE, null);
        rest.request(new CallbackRequest("+49301234567", null, null));

        assertThat(dialler.dialDue()).isZero();
        assertThat(rest.list("OPEN", 10)).hasSize(1);
    }

    @Test
    void eachFreeAgentTakesOneCallback() {
        rest.request(new CallbackRequest("+49301111111", null, null));
        rest.request(new CallbackRequest("+49302222222", null, null));
        rest.request(new CallbackRequest("+49303333333", null, null));

        assertThat(dialler.dialDue()).isEqualTo(2);

        assertThat(env.server.actions("Originate")).extracting(o -> o.get("Channel"))
                .containsExactlyInAnyOrder("PJSIP/1001", "PJSIP/1002");
        assertThat(rest.list("OPEN", 10)).extracting(Callback::number).containsExactly("+49303333333");
    }

    @Test
    void missedCallsAreLeftToAgentsNotDialledAutomatically() {
        env.store.recordUnanswered(new EndedCall("pbx1", 5, "+49301234567", null, "74957654321", null,
                EndReason.MISSED, Instant.now(), Instant.now(), Duration.ZERO));

        assertThat(dialler.dialDue()).isZero();
        assertThat(env.server.actions("Originate")).isEmpty();
    }
}
