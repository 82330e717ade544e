package org.switchboard.api.spi;

import java.time.Instant;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.EndReason;

/**
 * What a channel that routes by itself (a PBX's queues, see
 * {@link org.switchboard.api.RoutingMode#EXTERNAL}) reports about an interaction it handed in.
 * Provided by the core, which follows: it updates the interaction, puts the screen pop on the
 * agent's screen on {@link #offered}, and measures.
 *
 * <p><b>Contract.</b> Interactions are named by the id in the {@link org.switchboard.api.Receipt}
 * that {@link ContactIngress#accept} returned. Reports may arrive before the core finished
 * processing the contact; they are applied in the order given and each is idempotent (the same
 * report twice changes nothing). A report that does not fit the state (an interaction already
 * closed) is ignored and logged at DEBUG. Unknown ids raise {@link org.switchboard.api.NotFoundException}.
 *
 * <p><b>Threading.</b> Thread-safe; each call commits one small update and returns.
 */
@ProviderType
public interface InteractionEvents {

    /** The interaction entered the PBX's queue {@code queueId}. */
    void queued(long interactionId, String queueId, Instant at);

    /** The agent's device started ringing for this interaction: the screen pop goes out now. */
    void offered(long interactionId, String agentId, Instant at);

    /** The agent answered. */
    void answered(long interactionId, String agentId, Instant at);

    /** The interaction moved to another agent (a transfer); the new agent gets the pop. */
    void transferred(long interactionId, String toAgentId, Instant at);

    /** The customer part ended. {@code COMPLETED} moves an answered interaction to wrap-up. */
    void ended(long interactionId, EndReason reason, Instant at);

    /**
     * The channel learned more about the interaction, e.g. the choices the caller made in the PBX's
     * voice menu ({@code ivr.main = 2}). The details are added to the contact's metadata (a key given
     * again takes the new value; bounded as {@link org.switchboard.api.InboundContact#metadata}:
     * details beyond the limits are dropped and logged), so the screen pop and the interaction's
     * details show them; an agent whose phone rings already gets the pop again with them.
     */
    void annotated(long interactionId, Map<String, String> details, Instant at);
}
