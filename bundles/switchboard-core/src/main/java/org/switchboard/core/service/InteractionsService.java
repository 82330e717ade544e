package org.switchboard.core.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.ConflictException;
import org.switchboard.api.Conversation;
import org.switchboard.api.Customer;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Interaction;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.TicketRef;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.core.outbox.OutboxCommands;
import org.switchboard.core.routing.RoutingEngine;
import org.switchboard.core.store.ContactTable;
import org.switchboard.core.store.ConversationTable;
import org.switchboard.core.store.CustomerTable;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.IdAllocator;
import org.switchboard.core.store.InteractionTable;
import org.switchboard.core.store.OutboxTable;
import org.switchboard.core.store.OutboxTable.NewCommand;
import org.switchboard.core.store.ReplyTable;
import org.switchboard.core.store.TicketTable;

/** {@link Interactions}: reads from the store, agents' actions through routing. */
public final class InteractionsService implements Interactions {
    private final Database database;
    private final RoutingEngine routing;
    private final List<String> ticketConnectors;
    private final Clock clock;
    private final Runnable outboxWritten;
    private final IdAllocator outboxIds = new IdAllocator("sb_outbox_seq");

    /**
     * @param outboxWritten told after a reply was stored, so that the outbox sends it at once
     */
    public InteractionsService(Database database, RoutingEngine routing, List<String> ticketConnectors, Clock clock,
                               Runnable outboxWritten) {
        this.database = database;
        this.routing = routing;
        this.ticketConnectors = List.copyOf(ticketConnectors);
        this.clock = clock;
        this.outboxWritten = outboxWritten;
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

    @Override
    public OutboxCommand reply(long id, String agentId, String body) {
        if (agentId == null || agentId.isBlank()) {
            throw new IllegalArgumentException("agentId: who replies is required");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body: the reply is empty");
        }
        if (body.length() > InboundContact.MAX_BODY) {
            throw new IllegalArgumentException("body: the reply is longer than " + InboundContact.MAX_BODY + " characters");
        }
        Instant now = clock.instant();
        OutboxCommand queued = StoreCalls.write(database, c -> {
            Interaction i = InteractionTable.find(c, id).orElseThrow(() -> new NotFoundException("interaction", id));
            if (!agentId.equals(i.agentId())) {
                throw new ConflictException("Interaction " + id + (i.agentId() == null ? " is not assigned to an agent"
                        : " is assigned to another agent") + "; only its agent replies to it");
            }
            if (i.conversationId() == null) {
                throw new ConflictException("Interaction " + id + " is not processed yet; reply once it is");
            }
            InboundContact contact = ContactTable.ofInteraction(c, id);
            NewCommand command = OutboxCommands.sendReply(i.channel(), i.conversationId(), id);
            long commandId = OutboxTable.insert(c, outboxIds, List.of(command), now).get(0);
            String subject = replySubject(contact, TicketTable.ofConversation(c, i.conversationId()));
            ReplyTable.insert(c, new ReplyTable.Reply(commandId, id, i.conversationId(), agentId, subject, body, now, null, null));
            return new OutboxCommand(commandId, command.target(), command.kind(), OutboxCommand.State.PENDING, 0, now, null,
                    i.conversationId(), now);
        });
        outboxWritten.run();
        return queued;
    }

    /**
     * "Re: " and the customer's subject, with the ticket's number when the subject does not carry it
     * yet, so that the customer's next answer finds the ticket even without threading headers;
     * {@code null} on channels without subjects.
     */
    private String replySubject(InboundContact contact, Map<String, TicketRef> tickets) {
        if (contact == null || contact.subject() == null) {
            return null;
        }
        String subject = contact.subject().strip();
        if (!subject.regionMatches(true, 0, "Re:", 0, 3)) {
            subject = "Re: " + subject;
        }
        for (String connector : ticketConnectors) {
            TicketRef ticket = tickets.get(connector);
            if (ticket != null && ticket.number() != null && !subject.contains(ticket.number())) {
                subject = subject + " [" + ticket.number() + "]";
                break;
            }
        }
        return subject.length() > InboundContact.MAX_SUBJECT ? subject.substring(0, InboundContact.MAX_SUBJECT) : subject;
    }
}
