package org.switchboard.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One contact as a channel received it, normalized: a call, an email, a chat or messenger message.
 *
 * <p>{@code (channel, externalId)} identifies it: the core accepts each pair once, however often it
 * is handed in. Sizes are bounded so that one contact can never exhaust the store.
 *
 * @param channel     the channel it came in on
 * @param externalId  the source's own id (AMI Linkedid, Message-ID, Telegram update id, …),
 *                    at most 512 characters; the idempotency key
 * @param from        the customer's address
 * @param fromName    the name the customer gave, if any (email display name, messenger profile)
 * @param entryPoint  what it came in on: the dialled number, the mailbox, the bot; selects the queue
 * @param thread      hints that tie it to an earlier conversation
 * @param subject     subject line, at most {@value #MAX_SUBJECT} characters
 * @param body        the text, at most {@value #MAX_BODY} characters
 * @param attachments stored attachments, at most {@value #MAX_ATTACHMENTS}
 * @param occurredAt  when the customer made the contact (not when Switchboard saw it)
 * @param metadata    free key/value pairs the channel wants kept (IVR choices, user agent, …),
 *                    at most {@value #MAX_METADATA} entries
 * @param routing     who routes it to an agent
 * @param direction   who started it: {@link Direction#INBOUND} (the customer, the default) or
 *                    {@link Direction#OUTBOUND} (an agent placed a call, e.g. click-to-call)
 * @param targetAgent the agent it belongs to from the start, or {@code null}: the core offers it to
 *                    that agent directly (no queue, even when the agent is at capacity, since they
 *                    started it), and that agent gets the screen pop; an agent id (see {@link Agent#id()})
 */
public record InboundContact(
        Channel channel,
        String externalId,
        Address from,
        String fromName,
        String entryPoint,
        ThreadHints thread,
        String subject,
        String body,
        List<AttachmentRef> attachments,
        Instant occurredAt,
        Map<String, String> metadata,
        RoutingMode routing,
        Direction direction,
        String targetAgent) {

    public static final int MAX_EXTERNAL_ID = 512;
    public static final int MAX_SUBJECT = 998;
    public static final int MAX_BODY = 1_000_000;
    public static final int MAX_ATTACHMENTS = 100;
    public static final int MAX_METADATA = 64;
    public static final int MAX_METADATA_KEY = 64;
    public static final int MAX_METADATA_VALUE = 4096;

    public InboundContact {
        Checks.notNull("channel", channel);
        externalId = Checks.required("externalId", externalId, MAX_EXTERNAL_ID);
        Checks.notNull("from", from);
        fromName = Checks.optional("fromName", fromName, 200);
        entryPoint = Checks.optional("entryPoint", entryPoint, 320);
        thread = thread == null ? ThreadHints.NONE : thread;
        subject = Checks.optional("subject", subject, MAX_SUBJECT);
        body = Checks.bounded("body", body, MAX_BODY);
        attachments = Checks.list(attachments);
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new InvalidContactException("attachments", "has more than " + MAX_ATTACHMENTS + " entries");
        }
        Checks.notNull("occurredAt", occurredAt);
        metadata = Checks.map(metadata);
        if (metadata.size() > MAX_METADATA) {
            throw new InvalidContactException("metadata", "has more than " + MAX_METADATA + " entries");
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            Checks.required("metadata key", e.getKey(), MAX_METADATA_KEY);
            Checks.bounded("metadata." + e.getKey(), e.getValue(), MAX_METADATA_VALUE);
        }
        routing = routing == null ? RoutingMode.CORE : routing;
        direction = direction == null ? Direction.INBOUND : direction;
        targetAgent = targetAgent == null || targetAgent.isBlank() ? null : Checks.id("targetAgent", targetAgent.strip());
    }

    /** An inbound contact without a target agent (the form before {@code direction} and {@code targetAgent}). */
    public InboundContact(Channel channel, String externalId, Address from, String fromName, String entryPoint,
                          ThreadHints thread, String subject, String body, List<AttachmentRef> attachments,
                          Instant occurredAt, Map<String, String> metadata, RoutingMode routing) {
        this(channel, externalId, from, fromName, entryPoint, thread, subject, body, attachments, occurredAt, metadata,
                routing, Direction.INBOUND, null);
    }

    /**
     * Starts a contact; {@code occurredAt} defaults to now, routing to {@link RoutingMode#CORE}, direction to
     * {@link Direction#INBOUND}.
     */
    public static Builder builder(Channel channel, String externalId, Address from) {
        return new Builder(channel, externalId, from);
    }

    /** A copy with another {@code from}, e.g. after normalization. */
    public InboundContact withFrom(Address normalized) {
        return new InboundContact(channel, externalId, normalized, fromName, entryPoint, thread, subject, body,
                attachments, occurredAt, metadata, routing, direction, targetAgent);
    }

    /** The first line of the subject or, without one, of the body: what a list shows. */
    public String summary() {
        String text = subject != null ? subject : body;
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 159) + '…' : line;
    }

    /** Builds an {@link InboundContact}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final Channel channel;
        private final String externalId;
        private final Address from;
        private String fromName;
        private String entryPoint;
        private ThreadHints thread = ThreadHints.NONE;
        private String subject;
        private String body;
        private List<AttachmentRef> attachments = List.of();
        private Instant occurredAt;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private RoutingMode routing = RoutingMode.CORE;
        private Direction direction = Direction.INBOUND;
        private String targetAgent;

        private Builder(Channel channel, String externalId, Address from) {
            this.channel = channel;
            this.externalId = externalId;
            this.from = from;
        }

        public Builder fromName(String value) {
            this.fromName = value;
            return this;
        }

        public Builder entryPoint(String value) {
            this.entryPoint = value;
            return this;
        }

        public Builder thread(ThreadHints value) {
            this.thread = Objects.requireNonNullElse(value, ThreadHints.NONE);
            return this;
        }

        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        public Builder body(String value) {
            this.body = value;
            return this;
        }

        public Builder attachments(List<AttachmentRef> value) {
            this.attachments = value;
            return this;
        }

        public Builder occurredAt(Instant value) {
            this.occurredAt = value;
            return this;
        }

        public Builder metadata(String key, String value) {
            this.metadata.put(key, value);
            return this;
        }

        public Builder metadata(Map<String, String> values) {
            if (values != null) {
                this.metadata.putAll(values);
            }
            return this;
        }

        public Builder routing(RoutingMode value) {
            this.routing = value;
            return this;
        }

        public Builder direction(Direction value) {
            this.direction = value;
            return this;
        }

        /** The agent who started the contact (click-to-call): it is offered to them directly. */
        public Builder targetAgent(String agentId) {
            this.targetAgent = agentId;
            return this;
        }

        public InboundContact build() {
            return new InboundContact(channel, externalId, from, fromName, entryPoint, thread, subject, body,
                    attachments, occurredAt == null ? Instant.now() : occurredAt, metadata, routing, direction,
                    targetAgent);
        }
    }
}
