package org.switchboard.telephony.callback;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Address;
import org.switchboard.api.Agent;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.Agents;
import org.switchboard.api.spi.OriginateRequest;
import org.switchboard.api.spi.Telephony;
import org.switchboard.api.spi.TelephonyException;

/**
 * Places calls for agents through the PBX that rings their phone (click-to-call, callbacks), and closes the
 * number's open callback once the PBX took the call.
 */
@Component(service = Dialer.class)
public final class Dialer {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    private final Agents agents;
    private final CallbackStore store;
    private final List<Telephony> pbxs = new CopyOnWriteArrayList<>();

    @Activate
    public Dialer(@Reference Agents agents, @Reference CallbackStore store) {
        this.agents = agents;
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addTelephony(Telephony pbx, Map<String, Object> props) {
        pbxs.add(pbx);
    }

    public void removeTelephony(Telephony pbx, Map<String, Object> props) {
        pbxs.remove(pbx);
    }

    /**
     * Rings the agent's phone, then dials the number from it.
     *
     * @param number a dialable number (see {@link PhoneNumbers})
     * @return the PBX's id for the call
     * @throws NotFoundException  no such agent
     * @throws TelephonyException no PBX rings the agent's phone, or the PBX refused the call
     */
    public String call(String agentId, String number, String purpose, Map<String, String> variables)
            throws TelephonyException {
        Agent agent = agents.find(agentId).orElseThrow(() -> new NotFoundException("agent", agentId)).agent();
        Optional<Telephony> pbx = pbxs.stream().filter(p -> p.serves(agent)).findFirst();
        if (pbx.isEmpty()) {
            throw new TelephonyException("No PBX rings a phone of agent " + agentId
                    + ": give the agent an extension (and a branch that names a configured PBX)", null);
        }
        String callId = pbx.get().originate(new OriginateRequest(agentId, Address.phone(number), purpose, 0, variables));
        LOG.info("Call {} ({}) placed for agent {} through PBX {}", callId, purpose, agentId, pbx.get().id());
        store.closeFor(number, Callback.CALLED_BACK, agentId)
                .ifPresent(closed -> LOG.info("Callback {} closed: agent {} called back", closed.id(), agentId));
        return callId;
    }

    /** Whether some PBX rings this agent's phone. */
    public boolean reaches(Agent agent) {
        return pbxs.stream().anyMatch(p -> p.serves(agent));
    }
}
