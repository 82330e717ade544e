package org.switchboard.crm.local.rest;

import org.switchboard.crm.local.store.LocalEntry;

/** One entry of a ticket's activity log, as the REST resource writes it. Times are ISO-8601 strings. */
public record EntryView(long id, String kind, String channel, String direction, String subject, String body,
                        String agentId, Long interactionId, String occurredAt, String createdAt) {

    static EntryView of(LocalEntry entry) {
        return new EntryView(entry.id(), entry.kind(), entry.channel(), entry.direction(), entry.subject(),
                entry.body(), entry.agentId(), entry.interactionId(), entry.occurredAt().toString(),
                entry.createdAt().toString());
    }
}
