package org.switchboard.api.spi;

import java.util.Map;
import org.switchboard.api.Address;

/**
 * Place a call: ring the agent's phone, then dial the customer.
 *
 * @param agentId       the agent whose phone rings first
 * @param to            the number to dial
 * @param purpose       why: {@code click-to-call}, {@code callback}, {@code reminder}
 * @param interactionId the interaction the call belongs to, or 0
 * @param variables     channel variables handed to the PBX's dialplan
 */
public record OriginateRequest(String agentId, Address to, String purpose, long interactionId,
                               Map<String, String> variables) {
    public OriginateRequest {
        if (agentId == null || to == null || !to.isPhone()) {
            throw new IllegalArgumentException("agentId and a phone address are required");
        }
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
