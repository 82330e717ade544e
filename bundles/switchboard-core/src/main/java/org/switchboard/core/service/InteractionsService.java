package org.switchboard.core.service;

import java.util.List;
import java.util.Optional;
import org.switchboard.api.Conversation;
import org.switchboard.api.Customer;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Interaction;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.api.service.Interactions;
import org.switchboard.core.routing.RoutingEngine;
import org.switchboard.core.store.ContactTable;
import org.switchboard.core.store.ConversationTable;
import org.switchboard.core.store.CustomerTable;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.InteractionTable;

/** {@link Interactions}: reads from the store, agents' actions through routing. */
public final class InteractionsService implements Interactions {
    private final Database database;
    private final RoutingEngine routing;
    private final List<String> ticketConnectors;

    public InteractionsService(Database database, RoutingEngine routing, List<String> ticketConnectors) {
        this.database = database;
        this.routing = routing;
        this.ticketConnectors = List.copyOf(ticketConnectors);
    }

    @Override
    public Optional<InteractionDetails> find(long id) {
        return StoreCalls.read(database, c -> {
            Optional<Interaction> found = InteractionTable.find(c, id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Interaction i = found.get();
            InboundContact contact = ContactTable.ofInteraction(c, id);
            Customer customer = i.customerId() == null ? null : CustomerTable.find(c, i.customerId()).orElse(null);
            Conversation conversation = i.conversationId() == null ? null
                    : ConversationTable.find(c, i.conversationId(), ticketConnectors).orElse(null);
            return Optional.of(new InteractionDetails(i, contact, customer, conversation));
        });
    }

    @Override
    public List<Interaction> list(InteractionFilter filter) {
        return StoreCalls.read(database, c -> InteractionTable.list(c, filter));
    }

    @Override
    public Interaction accept(long id, String agentId) {
        return routing.accept(id, agentId);
    }

    @Override
    public Interaction decline(long id, String agentId) {
        return routing.decline(id, agentId);
    }

    @Override
    public Interaction finish(long id, String agentId) {
        return routing.finish(id, agentId);
    }

    @Override
    public Interaction close(long id, String agentId, String disposition) {
        return routing.close(id, agentId, disposition);
    }
}
