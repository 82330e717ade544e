package org.switchboard.shell.commands;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.api.Agent;
import org.switchboard.api.Channel;
import org.switchboard.api.Direction;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Queue;

/** Domain values for command tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Agent alice() {
        return new Agent("alice", "Alice Smith", "alice", List.of("PJSIP/1001"), Set.of("billing"), Map.of(), null);
    }

    static Queue billing() {
        return new Queue("billing", "Billing", List.of("+4930100*"), Set.of(), Set.of("billing"), 1, null, null);
    }

    static Interaction interaction(long id, InteractionState state, Instant createdAt) {
        return new Interaction(id, id * 10, Channel.EMAIL, Direction.INBOUND, state, 42L, 7L, "billing", "alice",
                "Invoice 2026-11 is wrong", createdAt, null, null, null, null, null, null, null);
    }
}
