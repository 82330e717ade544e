package org.switchboard.core.ingress;

import java.util.Map;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Receipt;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.core.events.Events;
import org.switchboard.core.identity.AddressNormalizer;

/** {@link ContactIngress}: normalizes, stores with {@link ContactWriter}, announces. */
public final class IngressService implements ContactIngress {
    private final AddressNormalizer normalizer;
    private final ContactWriter writer;
    private final Events events;

    public IngressService(AddressNormalizer normalizer, ContactWriter writer, Events events) {
        this.normalizer = normalizer;
        this.writer = writer;
        this.events = events;
    }

    @Override
    public Receipt accept(InboundContact contact) {
        return accept(contact, System.nanoTime());
    }

    /** As {@link #accept(InboundContact)}, for a contact that entered the JVM at {@code originNanos}. */
    public Receipt accept(InboundContact contact, long originNanos) {
        if (contact == null) {
            throw new org.switchboard.api.InvalidContactException("contact", "is required");
        }
        InboundContact normalized = contact.withFrom(normalizer.normalize(contact.from()));
        Receipt receipt = writer.write(normalized, originNanos);
        if (!receipt.duplicate()) {
            events.post(Topics.CONTACT_ACCEPTED, Map.of(
                    EventProperties.CONTACT_ID, receipt.contactId(),
                    EventProperties.INTERACTION_ID, receipt.interactionId(),
                    EventProperties.CHANNEL, contact.channel().id(),
                    EventProperties.TIMESTAMP, receipt.acceptedAt().toEpochMilli()));
        }
        return receipt;
    }
}
