package org.switchboard.web.interactions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.switchboard.api.Channel;
import org.switchboard.api.Interaction;

/** An interaction as lists show it (and customer history). */
public record InteractionBody(long id, String state, @Schema(type = "string", example = "email") Channel channel,
                              String direction, String queue, String agent, Long customerId, Long conversationId,
                              String summary, Instant createdAt, Instant queuedAt, Instant offeredAt,
                              Instant answeredAt, Instant endedAt, Instant closedAt, String disposition,
                              String endReason) {

    public static InteractionBody of(Interaction i) {
        return new InteractionBody(i.id(), i.state().name(), i.channel(), i.direction().name(), i.queueId(),
                i.agentId(), i.customerId(), i.conversationId(), i.summary(), i.createdAt(), i.queuedAt(),
                i.offeredAt(), i.answeredAt(), i.endedAt(), i.closedAt(), i.disposition(),
                i.endReason() == null ? null : i.endReason().name());
    }
}
