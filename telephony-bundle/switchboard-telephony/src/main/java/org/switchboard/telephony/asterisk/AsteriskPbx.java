package org.switchboard.telephony.asterisk;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Agent;
import org.switchboard.api.service.Agents;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.api.spi.InteractionEvents;
import org.switchboard.api.spi.OriginateRequest;
import org.switchboard.api.spi.Telephony;
import org.switchboard.api.spi.TelephonyException;
import org.switchboard.telephony.ConfigValues;
import org.switchboard.telephony.call.AgentDevices;
import org.switchboard.telephony.call.CallLifecycle;
import org.switchboard.telephony.call.CallListener;

/**
 * One configured Asterisk PBX ({@code etc/org.switchboard.telephony.asterisk-<name>.cfg}): follows its
 * calls over AMI, places calls through it, and tells {@code /health} whether it is logged in
 * (health check {@code pbx:<name>}).
 */
@Component(service = {Telephony.class, HealthCheck.class}, configurationPid = AsteriskConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AsteriskConfig.class, factory = true)
public final class AsteriskPbx implements Telephony, HealthCheck {
    /** Channel variable on an originated call: why it was placed. */
    public static final String VAR_PURPOSE = "SWITCHBOARD_PURPOSE";
    /** Channel variable on an originated call: the interaction it belongs to. */
    public static final String VAR_INTERACTION = "SWITCHBOARD_INTERACTION";

    private static final Logger LOG = LoggerFactory.getLogger(AsteriskPbx.class);

    private final String id;
    private final AmiSettings settings;
    private final AgentDevices devices;
    private final AmiSession session;
    private final String originateContext;
    private final long originateTimeoutMillis;

    @Activate
    public AsteriskPbx(AsteriskConfig config, @Reference ContactIngress ingress, @Reference InteractionEvents events,
                       @Reference Agents agents, @Reference CallListener worklist) {
        this(config, ingress, events, agents, worklist, Clock.systemUTC());
        session.start();
    }

    AsteriskPbx(AsteriskConfig config, ContactIngress ingress, InteractionEvents events, Agents agents,
                CallListener worklist, Clock clock) {
        this.id = config.name();
        this.settings = AmiSettings.of(config);
        this.devices = new AgentDevices(id, config.defaultTechnology(), agents, clock);
        CallLifecycle lifecycle = new CallLifecycle(id, ConfigValues.split(config.inboundContexts()), ConfigValues.split(config.inboundDids()),
                ingress, events, devices, worklist, clock);
        this.session = new AmiSession(settings, lifecycle);
        this.originateContext = config.originateContext();
        this.originateTimeoutMillis = config.originateTimeoutSeconds() * 1000L;
    }

    /** Starts following the PBX (the constructor DS calls does it itself). */
    void start() {
        session.start();
    }

    @Deactivate
    public void stop() {
        session.close();
        LOG.info("PBX {} disconnected", id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean serves(Agent agent) {
        return devices.servedHere(agent);
    }

    /**
     * Originates asynchronously: rings the agent's device, and once they answer, dials the number from
     * {@code originateContext}. The call's {@code ChannelId} (also its Linkedid) is the id returned.
     */
    @Override
    public String originate(OriginateRequest request) throws TelephonyException {
        Agent agent = agent(request.agentId());
        String device = devices.deviceOf(agent).orElseThrow(() -> new TelephonyException(
                "PBX " + id + " does not ring a phone of agent " + request.agentId(), null));
        String callId = "sb-" + UUID.randomUUID();
        String number = request.to().value();
        OriginateAction action = new OriginateAction();
        action.setChannel(device);
        action.setContext(originateContext);
        action.setExten(number);
        action.setPriority(1);
        action.setCallerId("\"" + number + "\" <" + number + ">");
        action.setTimeout(originateTimeoutMillis);
        action.setAsync(true);
        action.setChannelId(callId);
        Map<String, String> variables = new LinkedHashMap<>(request.variables());
        variables.put(VAR_PURPOSE, request.purpose() == null ? "call" : request.purpose());
        if (request.interactionId() > 0) {
            variables.put(VAR_INTERACTION, Long.toString(request.interactionId()));
        }
        action.setVariables(variables);
        ManagerResponse response;
        try {
            response = session.send(action, settings.responseTimeout());
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new TelephonyException("PBX " + id + " could not be reached to place the call: " + e.getMessage(), e);
        }
        if (response instanceof ManagerError) {
            throw new TelephonyException("PBX " + id + " refused the call: " + response.getMessage(), null);
        }
        LOG.debug("PBX {} originates {} from {} to {}", id, callId, device, number);
        return callId;
    }

    @Override
    public String name() {
        return "pbx:" + id;
    }

    @Override
    public Health check() {
        Map<String, Object> details = Map.of("host", settings.host() + ":" + settings.port(),
                "eventsApplied", session.eventsApplied(), "resyncs", session.resyncs());
        if (session.connected()) {
            return new Health(Health.Status.UP, "logged in to AMI at " + settings.host() + ":" + settings.port(), details);
        }
        if (session.loginRefused()) {
            return new Health(Health.Status.DOWN, "the PBX refuses the login of user '" + settings.username()
                    + "': check username and password in etc/" + AsteriskConfig.PID + "-" + id + ".cfg", details);
        }
        return new Health(Health.Status.DOWN, "not connected to AMI at " + settings.host() + ":" + settings.port()
                + "; reconnecting", details);
    }

    /** Whether the AMI connection is logged in. */
    public boolean connected() {
        return session.connected();
    }

    private Agent agent(String agentId) throws TelephonyException {
        return devices.agent(agentId).orElseThrow(() -> new TelephonyException("No agent " + agentId, null));
    }

    @Override
    public String toString() {
        return "Asterisk PBX " + id + " (" + settings + ")";
    }
}
