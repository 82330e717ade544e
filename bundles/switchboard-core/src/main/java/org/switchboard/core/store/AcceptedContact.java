package org.switchboard.core.store;

import java.time.Instant;
import org.switchboard.api.InboundContact;

/**
 * A contact that is stored and waits to be processed.
 *
 * @param contactId     its row
 * @param interactionId the interaction it became
 * @param contact       what the channel handed in (normalized)
 * @param receivedAt    when it was stored
 * @param originNanos   {@code System.nanoTime()} when it entered this JVM, or 0 if it was read back from the store
 */
public record AcceptedContact(long contactId, long interactionId, InboundContact contact, Instant receivedAt,
                              long originNanos) {
}
