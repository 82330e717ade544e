package org.switchboard.web.push;

import java.time.Instant;
import java.util.List;
import org.switchboard.api.ScreenPop;
import org.switchboard.web.customers.CustomerBody;
import org.switchboard.web.interactions.InteractionBody;
import org.switchboard.web.interactions.InteractionDetailsBody.ContactBody;
import org.switchboard.web.tickets.TicketRefBody;

/**
 * A screen pop as the agent's stream carries it ({@code event: pop}): {@code {"agentId","interaction",
 * "contact","customer","history":[…],"openTickets":[…],"script","createdAt"}}.
 */
public record PopBody(String agentId, InteractionBody interaction, ContactBody contact, CustomerBody customer,
                      List<InteractionBody> history, List<TicketRefBody> openTickets, String script,
                      Instant createdAt) {

    public static PopBody of(ScreenPop pop) {
        return new PopBody(pop.agentId(), InteractionBody.of(pop.interaction()), ContactBody.of(pop.contact()),
                CustomerBody.of(pop.customer()), pop.history().stream().map(InteractionBody::of).toList(),
                pop.openTickets().stream().map(TicketRefBody::of).toList(), pop.script(), pop.createdAt());
    }
}
