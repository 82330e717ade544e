package org.switchboard.core.support;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.InboundContact;

/** Contacts for tests. */
public final class Contacts {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Contacts() {
    }

    public static String nextId(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    }

    public static InboundContact.Builder email(String from, String subject) {
        return InboundContact.builder(Channel.EMAIL, "<" + nextId("msg") + "@mail.example>", Address.email(from))
                .entryPoint("support@acme.example").subject(subject).body("Hello, " + subject)
                .occurredAt(Instant.parse("2026-11-22T10:00:00Z"));
    }

    public static InboundContact.Builder webhook(String phone) {
        return InboundContact.builder(Channel.WEBHOOK, nextId("hook"), Address.phone(phone))
                .entryPoint("+4930555000").body("Please call me back").occurredAt(Instant.parse("2026-11-22T10:00:00Z"));
    }
}
