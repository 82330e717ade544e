package org.switchboard.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.InvalidContactException;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.callback.Callback;
import org.switchboard.telephony.rest.CallAnswer;
import org.switchboard.telephony.rest.CallRequest;
import org.switchboard.telephony.rest.CallsResource;
import org.switchboard.telephony.testing.Callers;
import org.switchboard.telephony.testing.DialingPbx;

/** {@code POST /calls} through the {@code AsteriskPbx} component to the fake PBX's wire. */
class ClickToCallTest {
    private DialingPbx env;
    private AsteriskPbx pbx;
    private CallsResource calls;

    @BeforeEach
    void start() throws Exception {
        env = new DialingPbx();
        pbx = StartedPbx.start(env);
        calls = new CallsResource(env.dialer, env.agents);
        await().atMost(Duration.ofSeconds(10)).until(pbx::connected);
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    @Test
    void clickToCallOriginatesFromTheAgentsPhoneToTheNumber() {
        Response response = calls.call(new CallRequest(null, "+7 (495) 123-45-67"), Callers.agent("anna"));

        assertThat(response.getStatus()).isEqualTo(202);
        CallAnswer answer = (CallAnswer) response.getEntity();
        assertThat(answer.agent()).isEqualTo("agent-1001");
        assertThat(answer.number()).isEqualTo("+74951234567");
        AmiMessage originate = env.server.actions("Originate").get(0);
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/1001");
        assertThat(originate.get("Context")).isEqualTo("from-internal");
        assertThat(originate.get("Exten")).isEqualTo("+74951234567");
        assertThat(originate.get("Priority")).isEqualTo("1");
        assertThat(originate.get("Async")).isEqualTo("true");
        assertThat(originate.get("Timeout")).isEqualTo("30000");
        assertThat(originate.get("ChannelId")).isEqualTo(answer.callId());
        assertThat(originate.get("CallerID")).isEqualTo("\"+74951234567\" <+74951234567>");
        assertThat(originate.get("Variable")).isEqualTo("SWITCHBOARD_PURPOSE=click-to-call");
    }

    @Test
    void bareExtensionRingsOnTheDefaultTechnology() {
        calls.call(new CallRequest("agent-1002", "+74951234567"), Callers.supervisor());

        assertThat(env.server.actions("Originate").get(0).get("Channel")).isEqualTo("PJSIP/1002");
    }

    @Test
    void clickToCallClosesTheNumbersOpenCallback() {
        long id = env.store.request("+74951234567", "Ivan Petrov", null);
        calls.call(new CallRequest("agent-1001", "+74951234567"), Callers.supervisor());

        Callback closed = env.store.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(Callback.CLOSED);
        assertThat(closed.closedReason()).isEqualTo(Callback.CALLED_BACK);
        assertThat(closed.closedBy()).isEqualTo("agent-1001");
    }

    @Test
    void agentCannotRingAnotherAgentsPhone() {
        assertThatThrownBy(() -> calls.call(new CallRequest("agent-1002", "+74951234567"), Callers.agent("anna")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(env.server.actions("Originate")).isEmpty();
    }

    @Test
    void agentWhosePhoneIsOnNoConfiguredPbxGetsABadGatewayNamingTheFix() {
        assertThatThrownBy(() -> calls.call(new CallRequest("agent-9", "+74951234567"), Callers.supervisor()))
                .isInstanceOfSatisfying(WebApplicationException.class, e -> {
                    assertThat(e.getResponse().getStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("agent-9").contains("extension");
                });
    }

    @Test
    void numberThatCannotBeDialledIsRefusedNamingTheField() {
        assertThatThrownBy(() -> calls.call(new CallRequest("agent-1001", "call me"), Callers.supervisor()))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("number"));
    }

    @Test
    void pbxThatIsDownGivesABadGateway() throws Exception {
        env.server.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !pbx.connected());

        assertThatThrownBy(() -> calls.call(new CallRequest("agent-1001", "+74951234567"), Callers.supervisor()))
                .isInstanceOfSatisfying(WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(502));
    }
}
