package org.switchboard.telephony.asterisk;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
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
import org.switchboard.telephony.campaign.ReminderCall;
import org.switchboard.telephony.campaign.ReminderLine;
import org.switchboard.telephony.campaign.ReminderListener;

/**
 * One configured Asterisk PBX ({@code etc/org.switchboard.telephony.asterisk-<name>.cfg}): follows its
 * calls over AMI, places calls through it, and tells {@code /health} whether it is logged in
 * (health check {@code pbx:<name>}).
 */
@Component(service = {Telephony.class, HealthCheck.class, ReminderLine.class}, configurationPid = AsteriskConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AsteriskConfig.class, factory = true)
public final class AsteriskPbx implements Telephony, HealthCheck, ReminderLine {
    /** Channel variable on an originated call: why it was placed. */
    public static final String VAR_PURPOSE = "SWITCHBOARD_PURPOSE";
    /** Channel variable on an originated call: the interaction it belongs to. */
    public static final String VAR_INTERACTION = "SWITCHBOARD_INTERACTION";

    /** Channel variables of a reminder call, for the reminder context. */
    public static final String VAR_MESSAGE = "SB_MESSAGE";
    public static final String VAR_OPERATOR = "SB_OPERATOR";
    public static final String VAR_CALL = "SB_CALL";
    public static final String VAR_CAMPAIGN = "SB_CAMPAIGN";
    public static final String VAR_NUMBER = "SB_NUMBER_ID";
    /** The user event the reminder context reports a key press with. */
    public static final String REMINDER_EVENT = "SwitchboardReminder";

    private static final Logger LOG = LoggerFactory.getLogger(AsteriskPbx.class);

    private final String id;
    private final AmiSettings settings;
    private final AgentDevices devices;
    private final AmiSession session;
    private final CallLifecycle lifecycle;
    private final String originateContext;
    private final long originateTimeoutMillis;
    private final String reminderContext;
    private final String reminderOperator;
    private final long reminderTimeoutMillis;
    private final List<ReminderListener> reminderListeners = new CopyOnWriteArrayList<>();

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
        this.lifecycle = new CallLifecycle(id, ConfigValues.split(config.inboundContexts()), ConfigValues.split(config.inboundDids()),
                ingress, events, devices, worklist, clock);
        this.session = new AmiSession(settings, lifecycle, this::reminderEvent);
        this.originateContext = config.originateContext();
        this.originateTimeoutMillis = config.originateTimeoutSeconds() * 1000L;
        this.reminderContext = config.reminderContext();
        this.reminderOperator = config.reminderOperator();
        this.reminderTimeoutMillis = config.reminderTimeoutSeconds() * 1000L;
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
     * {@code originateContext}. The call's {@code ChannelId} (also its Linkedid) is the id returned. The call
     * is followed as the agent's own: an outbound interaction offered to them, with the customer's card.
     */
    @Override
    public String originate(OriginateRequest request) throws TelephonyException {
        Agent agent = agent(request.agentId());
        String device = devices.deviceOf(agent).orElseThrow(() -> new TelephonyException(
                "PBX " + id + " does not ring a phone of agent " + request.agentId(), null));
        String callId = CallLifecycle.PLACED_PREFIX + UUID.randomUUID();
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
        lifecycle.placed(callId, agent.id(), number);
        ManagerResponse response;
        try {
            response = session.send(action, settings.responseTimeout());
        } catch (IOException | TimeoutException | IllegalStateException e) {
            lifecycle.notPlaced(callId);
            throw new TelephonyException("PBX " + id + " could not be reached to place the call: " + e.getMessage(), e);
        }
        if (response instanceof ManagerError) {
            lifecycle.notPlaced(callId);
            throw new TelephonyException("PBX " + id + " refused the call: " + response.getMessage(), null);
        }
        LOG.debug("PBX {} originates {} from {} to {}", id, callId, device, number);
        return callId;
    }

    /**
     * Originates asynchronously from {@code Local/<number>@<originateContext>} (the PBX's outbound route dials
     * the customer); once they answer, the call runs {@code reminderContext,s,1} with the message, the operator
     * and the ids in channel variables. ActionID and ChannelId are the call's id, so the {@code OriginateResponse}
     * and the call's Linkedid name it.
     */
    @Override
    public void originateReminder(ReminderCall call) throws TelephonyException {
        OriginateAction action = new OriginateAction();
        action.setActionId(call.callId());
        action.setChannel("Local/" + call.number() + "@" + originateContext);
        action.setContext(reminderContext);
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(reminderTimeoutMillis);
        action.setAsync(true);
        action.setChannelId(call.callId());
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(VAR_PURPOSE, "reminder");
        variables.put(VAR_MESSAGE, call.message());
        variables.put(VAR_OPERATOR, reminderOperator);
        variables.put(VAR_CALL, call.callId());
        variables.put(VAR_CAMPAIGN, Long.toString(call.campaignId()));
        variables.put(VAR_NUMBER, Long.toString(call.numberId()));
        action.setVariables(variables);
        ManagerResponse response;
        try {
            response = session.send(action, settings.responseTimeout());
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new TelephonyException("PBX " + id + " could not be reached to place the reminder call: " + e.getMessage(), e);
        }
        if (response instanceof ManagerError) {
            throw new TelephonyException("PBX " + id + " refused the reminder call: " + response.getMessage(), null);
        }
        LOG.debug("PBX {} originates reminder call {} to {}", id, call.callId(), call.number());
    }

    @Override
    public void listen(ReminderListener listener) {
        reminderListeners.add(listener);
    }

    @Override
    public void unlisten(ReminderListener listener) {
        reminderListeners.remove(listener);
    }

    private void reminderEvent(ManagerEvent event) {
        if (reminderListeners.isEmpty()) {
            return;
        }
        if (event instanceof OriginateResponseEvent e) {
            String callId = e.getActionId() != null ? e.getActionId() : e.getUniqueId();
            int reason = e.getReason() == null ? 0 : e.getReason();
            reminderListeners.forEach(l -> l.originated(callId, e.isSuccess(), reason));
        } else if (event instanceof SwitchboardReminderEvent e && e.getCall() != null && e.getKey() != null) {
            reminderListeners.forEach(l -> l.keyPressed(e.getCall(), e.getKey().strip()));
        } else if (event instanceof AgentConnectEvent e && e.getLinkedId() != null) {
            reminderListeners.forEach(l -> l.operatorReached(e.getLinkedId()));
        }
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
