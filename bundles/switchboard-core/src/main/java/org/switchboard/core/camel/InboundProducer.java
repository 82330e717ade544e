package org.switchboard.core.camel;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.Receipt;
import org.switchboard.api.RoutingMode;
import org.switchboard.api.ThreadHints;
import org.switchboard.core.ingress.IngressService;

/**
 * Hands one message to the core as a contact and returns once it is stored.
 *
 * <p>The body is either an {@link InboundContact} (taken as it is) or the contact's text; then the
 * headers say the rest: {@value #EXTERNAL_ID} (required: the source's own id, the idempotency key),
 * {@value #FROM} (required, {@code kind:value} such as {@code phone:+4930123456} or an
 * {@link Address}), {@value #FROM_NAME}, {@value #SUBJECT}, {@value #ENTRY_POINT} (overrides the
 * endpoint's), {@value #THREAD_KEY}, {@value #IN_REPLY_TO}, {@value #OCCURRED_AT} (an
 * {@link Instant} or ISO-8601 text) and {@value #METADATA} (a {@code Map}).
 *
 * <p>Afterwards {@value #INTERACTION_ID}, {@value #CONTACT_ID} and {@value #DUPLICATE} are set;
 * a contact that breaks a rule fails the exchange with {@link InvalidContactException}.
 */
final class InboundProducer extends DefaultProducer {
    static final String EXTERNAL_ID = "SwitchboardExternalId";
    static final String FROM = "SwitchboardFrom";
    static final String FROM_NAME = "SwitchboardFromName";
    static final String SUBJECT = "SwitchboardSubject";
    static final String ENTRY_POINT = "SwitchboardEntryPoint";
    static final String THREAD_KEY = "SwitchboardThreadKey";
    static final String IN_REPLY_TO = "SwitchboardInReplyTo";
    static final String OCCURRED_AT = "SwitchboardOccurredAt";
    static final String METADATA = "SwitchboardMetadata";
    static final String INTERACTION_ID = "SwitchboardInteractionId";
    static final String CONTACT_ID = "SwitchboardContactId";
    static final String DUPLICATE = "SwitchboardDuplicate";

    private final IngressService ingress;
    private final Channel channel;
    private final String entryPoint;
    private final RoutingMode routing;

    InboundProducer(InboundEndpoint endpoint, IngressService ingress, Channel channel, String entryPoint, RoutingMode routing) {
        super(endpoint);
        this.ingress = ingress;
        this.channel = channel;
        this.entryPoint = entryPoint;
        this.routing = routing;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        InboundContact contact = in.getBody() instanceof InboundContact given ? given : toContact(in);
        Receipt receipt = ingress.accept(contact, System.nanoTime());
        in.setHeader(INTERACTION_ID, receipt.interactionId());
        in.setHeader(CONTACT_ID, receipt.contactId());
        in.setHeader(DUPLICATE, receipt.duplicate());
    }

    private InboundContact toContact(Message in) {
        Object from = in.getHeader(FROM);
        if (from == null) {
            throw new InvalidContactException(FROM, "header is required (kind:value, e.g. phone:+4930123456)");
        }
        Address address = from instanceof Address a ? a : Address.parse(from.toString());
        String headerEntryPoint = in.getHeader(ENTRY_POINT, String.class);
        InboundContact.Builder b = InboundContact.builder(channel, in.getHeader(EXTERNAL_ID, String.class), address)
                .fromName(in.getHeader(FROM_NAME, String.class))
                .subject(in.getHeader(SUBJECT, String.class))
                .entryPoint(headerEntryPoint != null ? headerEntryPoint : entryPoint)
                .body(in.getBody(String.class))
                .thread(new ThreadHints(in.getHeader(THREAD_KEY, String.class), in.getHeader(IN_REPLY_TO, String.class), List.of()))
                .routing(routing)
                .occurredAt(occurredAt(in.getHeader(OCCURRED_AT)));
        if (in.getHeader(METADATA) instanceof Map<?, ?> metadata) {
            metadata.forEach((k, v) -> b.metadata(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return b.build();
    }

    private static Instant occurredAt(Object value) {
        if (value == null) {
            return Instant.now();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new InvalidContactException(OCCURRED_AT, "is not an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }
}
