package org.switchboard.api;

import java.time.Instant;
import java.util.List;

/**
 * What an agent sees the moment a contact is offered to them.
 *
 * @param agentId     the one agent it is for
 * @param interaction the interaction offered
 * @param contact     its content (who wrote, subject, text)
 * @param customer    who it is, with CRM links; {@code null} only for an unidentified caller
 * @param history     the customer's latest interactions on every channel, newest first
 * @param openTickets the customer's tickets that are not closed
 * @param script      the queue's script, or {@code null}
 * @param createdAt   when the pop was made
 */
public record ScreenPop(String agentId, Interaction interaction, InboundContact contact, Customer customer,
                        List<Interaction> history, List<TicketRef> openTickets, String script, Instant createdAt) {
    public ScreenPop {
        Checks.notNull("agentId", agentId);
        Checks.notNull("interaction", interaction);
        history = Checks.list(history);
        openTickets = Checks.list(openTickets);
        Checks.notNull("createdAt", createdAt);
    }
}
