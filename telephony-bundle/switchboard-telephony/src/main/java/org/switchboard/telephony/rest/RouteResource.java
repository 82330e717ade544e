package org.switchboard.telephony.rest;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.switchboard.api.Address;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Channel;
import org.switchboard.api.Customer;
import org.switchboard.api.Interaction;
import org.switchboard.api.Presence;
import org.switchboard.api.Queue;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.Customers;
import org.switchboard.api.service.Queues;
import org.switchboard.telephony.ConfigValues;
import org.switchboard.telephony.callback.PhoneNumbers;

/**
 * {@code GET /route?number=&did=}: what the dialplan asks before it rings anyone (with {@code CURL()} or an
 * AGI): the caller's display name (for {@code CALLERID(name)}), whether they are a VIP, the agent who
 * last answered them (and their device, to {@code Dial()} them first), and the queue of the DID. Reads
 * only the core's identity index and the customer's recent history: no CRM is asked, so it answers fast.
 */
@Component(service = Object.class, configurationPid = RouteConfig.PID, property = "switchboard.rest.resource=true")
@Designate(ocd = RouteConfig.class)
@Path("/route")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integration", "admin"})
public class RouteResource {
    private final Customers customers;
    private final Agents agents;
    private final Queues queues;
    private final Set<String> vips;
    private final int historyDepth;

    @Activate
    public RouteResource(@Reference Customers customers, @Reference Agents agents, @Reference Queues queues,
                         RouteConfig config) {
        this.customers = customers;
        this.agents = agents;
        this.queues = queues;
        this.vips = ConfigValues.split(config.vipNumbers()).stream()
                .map(n -> PhoneNumbers.dialable("vipNumbers", n)).collect(Collectors.toUnmodifiableSet());
        this.historyDepth = Math.max(1, Math.min(config.historyDepth(), 200));
    }

    @GET
    public RouteAnswer route(@QueryParam("number") String number, @QueryParam("did") String did) {
        String caller = PhoneNumbers.dialable("number", number);
        String queue = queueOf(did);
        Optional<Customer> customer = customers.findByAddress(Address.phone(caller));
        if (customer.isEmpty()) {
            return new RouteAnswer(caller, null, null, vips.contains(caller), null, null, false, queue);
        }
        Customer c = customer.get();
        boolean vip = vips.contains(caller) || c.addresses().stream()
                .anyMatch(a -> a.isPhone() && vips.contains(a.value()));
        Optional<AgentStatus> last = customers.history(c.id(), historyDepth).stream()
                .filter(i -> i.agentId() != null && i.answeredAt() != null)
                .map(Interaction::agentId)
                .findFirst()
                .flatMap(agents::find);
        return new RouteAnswer(caller, c.id(), c.displayName(), vip,
                last.map(a -> a.agent().id()).orElse(null),
                last.flatMap(a -> a.agent().extensions().stream().findFirst()).orElse(null),
                last.map(a -> a.presence() == Presence.AVAILABLE).orElse(false),
                queue);
    }

    private String queueOf(String did) {
        if (did == null || did.isBlank()) {
            return null;
        }
        String wanted = did.strip();
        return queues.list().stream().map(QueueStatus::queue)
                .filter(q -> q.matches(Channel.VOICE, wanted))
                .map(Queue::id)
                .findFirst().orElse(null);
    }
}
