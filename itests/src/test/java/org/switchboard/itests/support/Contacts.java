package org.switchboard.itests.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Contacts as an integrating system posts them, and what a fully processed one looks like. */
public final class Contacts {
    /** The demo users (demo/etc/users.properties): user name = password. */
    public static final String INTEGRATION = "integration";
    public static final String ADMIN = "admin";

    private Contacts() {
    }

    /** A contact from {@code phone} for the demo support queue; its own conversation. */
    public static Map<String, Object> fromPhone(String externalId, String phone) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("kind", "phone");
        from.put("value", phone);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("channel", "webhook");
        contact.put("externalId", externalId);
        contact.put("from", from);
        contact.put("fromName", "Test Customer " + externalId);
        contact.put("entryPoint", "support");
        contact.put("subject", "Printer on fire (" + externalId + ")");
        contact.put("body", "It started smoking after the last update.");
        contact.put("occurredAt", Instant.now().toString());
        return contact;
    }

    /** A contact from {@code phone} in the conversation {@code thread} (its {@code threadKey}), saying {@code body}. */
    public static Map<String, Object> inThread(String externalId, String phone, String thread, String body) {
        Map<String, Object> contact = fromPhone(externalId, phone);
        contact.put("threadKey", thread);
        contact.put("body", body);
        return contact;
    }

    /** A unique German mobile number for the n-th test customer. */
    public static String phone(long n) {
        return String.format("+49151%08d", n % 100_000_000L);
    }

    /**
     * Whether the core finished this interaction: a customer identified, a conversation, and a
     * ticket opened in the built-in CRM (number {@code SB-…}).
     */
    public static boolean isProcessed(JsonNode interaction) {
        return interaction.path("customer").isObject()
                && interaction.path("conversation").isObject()
                && interaction.path("ticket").path("number").asText("").startsWith("SB-");
    }
}
