package org.switchboard.web.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.api.Address;
import org.switchboard.api.Agent;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Channel;
import org.switchboard.api.Direction;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Presence;
import org.switchboard.api.Queue;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.ServiceLevel;

/** Domain records for tests. */
public final class Samples {
    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private Samples() {
    }

    public static AgentStatus agent(String id, String login) {
        Agent agent = new Agent(id, "Agent " + id, login, List.of("PJSIP/1001"), Set.of("en", "billing"),
                Map.of("email", 3), "berlin");
        return new AgentStatus(agent, Presence.AVAILABLE, null, T0, T0.plusSeconds(60), List.of(7L));
    }

    public static Interaction interaction(long id, InteractionState state) {
        return new Interaction(id, 100 + id, Channel.EMAIL, Direction.INBOUND, state, null, null, "support", "a1",
                "Printer on fire", T0, T0.plusSeconds(1), T0.plusSeconds(2), null, null, null, null, null);
    }

    public static QueueStatus queue(String id) {
        Queue queue = new Queue(id, "Support", List.of("support@example.com"), Set.of(Channel.EMAIL, Channel.VOICE),
                Set.of("en"), 5, new ServiceLevel(80, Duration.ofSeconds(20)), "Greet the customer by name.");
        return new QueueStatus(queue, 3, 1, 2, Duration.ofSeconds(42), 4, 6);
    }

    public static Address phone() {
        return Address.phone("+4930123456");
    }
}
