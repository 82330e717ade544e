package org.switchboard.channel.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.ThreadHints;

/**
 * Turns a {@link ContactRequest} into an {@link InboundContact}. Every refusal is an
 * {@link InvalidContactException} naming the field as the request spells it ({@code from.kind},
 * {@code occurredAt}, {@code threadKey}).
 */
final class ContactMapper {
    private final Channel defaultChannel;
    private final Clock clock;

    ContactMapper(Channel defaultChannel, Clock clock) {
        this.defaultChannel = defaultChannel;
        this.clock = clock;
    }

    InboundContact toContact(ContactRequest request) {
        try {
            return InboundContact.builder(channel(request.channel()), request.externalId(), from(request.from()))
                    .fromName(request.fromName())
                    .entryPoint(request.entryPoint())
                    .subject(request.subject())
                    .body(request.body())
                    .occurredAt(occurredAt(request.occurredAt()))
                    .thread(new ThreadHints(request.threadKey(), request.inReplyTo(), request.references()))
                    .metadata(request.metadata())
                    .build();
        } catch (InvalidContactException e) {
            throw renamed(e);
        }
    }

    private Channel channel(String id) {
        return id == null || id.isBlank() ? defaultChannel : Channel.of(id.strip().toLowerCase(Locale.ROOT));
    }

    private static Address from(ContactRequest.From from) {
        if (from == null) {
            throw new InvalidContactException("from", "is required");
        }
        if (from.kind() == null || from.kind().isBlank()) {
            throw new InvalidContactException("from.kind", "is required");
        }
        if (from.value() == null || from.value().isBlank()) {
            throw new InvalidContactException("from.value", "is required");
        }
        return new Address(from.kind().strip().toLowerCase(Locale.ROOT), from.value());
    }

    private Instant occurredAt(String text) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidContactException("occurredAt", "is not an ISO-8601 instant, e.g. 2026-11-22T10:00:00Z");
        }
    }

    /** The API names some fields after its records ({@code address.kind}, {@code thread.threadKey}). */
    private static InvalidContactException renamed(InvalidContactException e) {
        String field = e.field();
        String requestField;
        if (field.startsWith("address.")) {
            requestField = "from." + field.substring("address.".length());
        } else if (field.startsWith("thread.")) {
            requestField = field.substring("thread.".length());
        } else {
            return e;
        }
        InvalidContactException renamed = new InvalidContactException(requestField,
                e.getMessage().substring(field.length() + 1));
        renamed.initCause(e);
        return renamed;
    }
}
