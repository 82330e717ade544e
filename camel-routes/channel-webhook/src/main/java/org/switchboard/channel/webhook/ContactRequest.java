package org.switchboard.channel.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /contacts}. Fields not listed here are ignored, so a sender may post a
 * richer payload than Switchboard uses.
 */
@Schema(description = "A contact from another system")
public record ContactRequest(
        @Schema(description = "the channel id; the configured default (webhook) when absent", example = "webhook")
        String channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the sender's own id for the contact; the same id again is a duplicate")
        String externalId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) From from,
        String fromName,
        @Schema(description = "what it came in on (a number, a mailbox, a form); selects the queue")
        String entryPoint,
        String subject,
        String body,
        @Schema(description = "ISO-8601 instant; now when absent", example = "2026-11-22T10:00:00Z")
        String occurredAt,
        @Schema(description = "shared by every contact of one conversation") String threadKey,
        String inReplyTo,
        List<String> references,
        Map<String, String> metadata) {

    /** The customer's address: {@code {"kind":"phone","value":"+4930123456"}}. */
    @Schema(name = "ContactFrom")
    public record From(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "phone") String kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "+4930123456") String value) {
    }
}
