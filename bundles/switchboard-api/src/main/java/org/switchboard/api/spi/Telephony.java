package org.switchboard.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.switchboard.api.Agent;

/**
 * A PBX Switchboard can place calls through. The telephony bundle registers one per configured PBX.
 *
 * <p><b>Threading.</b> Thread-safe; {@link #originate} blocks until the PBX accepted or refused
 * the request, not until the call is answered: what happens next arrives as interaction events.
 */
@ConsumerType
public interface Telephony {

    /** The PBX's configured id (a branch's name). */
    String id();

    /** Whether this PBX rings the agent's phone (one of their extensions is on it). */
    boolean serves(Agent agent);

    /**
     * Starts the call.
     *
     * @return the PBX's id for the call attempt
     * @throws TelephonyException the PBX refused it or is unreachable
     */
    String originate(OriginateRequest request) throws TelephonyException;
}
