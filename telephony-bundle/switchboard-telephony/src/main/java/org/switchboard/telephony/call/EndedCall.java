package org.switchboard.telephony.call;

import java.time.Duration;
import java.time.Instant;
import org.switchboard.api.EndReason;

/**
 * An inbound call that ended, as the callback worklist needs it.
 *
 * @param pbx           the PBX's id
 * @param interactionId the interaction the call became
 * @param number        the caller's number as the PBX gave it; personal data: DEBUG logs only
 * @param name          the caller's name as the PBX gave it, or {@code null}
 * @param did           the number the customer dialled
 * @param agent         the agent who answered, or {@code null}
 * @param reason        how it ended
 * @param startedAt     when the call came in
 * @param endedAt       when the customer's channel hung up
 * @param waited        how long the customer waited before an agent answered or they gave up
 */
public record EndedCall(String pbx, long interactionId, String number, String name, String did, String agent,
                        EndReason reason, Instant startedAt, Instant endedAt, Duration waited) {

    /** Whether nobody spoke with the customer: the call belongs on the callback worklist. */
    public boolean unanswered() {
        return reason == EndReason.MISSED || reason == EndReason.ABANDONED;
    }
}
