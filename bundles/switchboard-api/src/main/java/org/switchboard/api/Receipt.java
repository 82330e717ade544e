package org.switchboard.api;

import java.time.Instant;

/**
 * What {@link org.switchboard.api.spi.ContactIngress#accept} answers once a contact is stored.
 *
 * @param interactionId the interaction the contact became
 * @param contactId     the stored contact
 * @param duplicate     {@code true} when this {@code (channel, externalId)} had been accepted
 *                      before: the receipt is the first one's and nothing changed
 * @param acceptedAt    when the contact was first stored
 */
public record Receipt(long interactionId, long contactId, boolean duplicate, Instant acceptedAt) {
    public Receipt {
        if (interactionId <= 0 || contactId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Checks.notNull("acceptedAt", acceptedAt);
    }

    /** This receipt as given to a caller that handed the same contact in again. */
    public Receipt asDuplicate() {
        return duplicate ? this : new Receipt(interactionId, contactId, true, acceptedAt);
    }
}
