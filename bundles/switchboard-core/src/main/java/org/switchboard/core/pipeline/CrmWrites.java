package org.switchboard.core.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.api.Customer;
import org.switchboard.api.InboundContact;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityKind;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.InStoreCrm;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.outbox.OutboxCommands;
import org.switchboard.core.store.CustomerTable;
import org.switchboard.core.store.OutboxTable;
import org.switchboard.core.store.Rows;
import org.switchboard.core.store.TicketTable;

/**
 * What the CRMs must learn of a processed batch: a ticket for each new conversation, an activity
 * for each follow-up, for every ticket connector. A CRM kept in Switchboard's own store
 * ({@link InStoreCrm}, the built-in one) is written in the batch's transaction: its tickets are
 * committed with their conversations, or not at all. Everything else becomes an outbox command:
 * the other CRMs' writes, a follow-up whose ticket is not open yet or whose conversation still has
 * commands waiting (so that they keep their order), and a request the in-store CRM refused (so that
 * operators see it).
 *
 * <p>Used by the processing thread only.
 */
final class CrmWrites {

    /** A contact as the CRMs see it: whose, in which conversation, new or a follow-up. */
    record Work(InboundContact contact, long interactionId, long customerId, long conversationId, boolean newConversation,
                String subject) {
    }

    /** A ticket an in-store CRM opened in the transaction. */
    record Opened(long conversationId, TicketRef ticket) {
    }

    /** The result of {@link #write}: tickets opened in the transaction, and the commands left to the outbox. */
    record Result(List<Opened> opened, List<OutboxTable.NewCommand> commands) {
    }

    private final CrmDirectory crms;
    private final List<String> ticketConnectors;

    CrmWrites(CrmDirectory crms, List<String> ticketConnectors) {
        this.crms = crms;
        this.ticketConnectors = List.copyOf(ticketConnectors);
    }

    /**
     * Writes what in-store CRMs can take on {@code c}; returns it with the commands for the outbox.
     *
     * @param created the customers the batch created, as they were stored; the others are read
     */
    Result write(Connection c, List<Work> work, List<CustomerTable.NewCustomer> created, Instant now) throws SQLException {
        List<Opened> opened = new ArrayList<>();
        List<OutboxTable.NewCommand> commands = new ArrayList<>();
        Map<Long, Customer> customers = null;
        for (String connector : ticketConnectors) {
            Optional<InStoreCrm> inStore = crms.find(connector).filter(InStoreCrm.class::isInstance).map(InStoreCrm.class::cast);
            if (inStore.isEmpty()) {
                work.forEach(w -> commands.add(command(connector, w)));
                continue;
            }
            if (customers == null) {
                customers = customers(c, work, created);
            }
            opened.addAll(write(c, connector, inStore.get(), work, customers, commands, now));
        }
        return new Result(opened, commands);
    }

    private static Map<Long, Customer> customers(Connection c, List<Work> work, List<CustomerTable.NewCustomer> created)
            throws SQLException {
        Map<Long, Customer> customers = new HashMap<>();
        for (CustomerTable.NewCustomer n : created) {
            customers.put(n.id(), new Customer(n.id(), n.displayName(), n.addresses(), n.crmRefs(), n.at()));
        }
        List<Long> known = work.stream().map(Work::customerId).filter(id -> !customers.containsKey(id)).distinct().toList();
        if (!known.isEmpty()) {
            customers.putAll(CustomerTable.find(c, known));
        }
        return customers;
    }

    private static List<Opened> write(Connection c, String connector, InStoreCrm crm, List<Work> work,
                                      Map<Long, Customer> customers, List<OutboxTable.NewCommand> commands, Instant now)
            throws SQLException {
        // the batch's new conversations first: their follow-ups in the same batch need the ticket
        List<Work> opens = work.stream().filter(Work::newConversation).toList();
        List<Opened> opened = new ArrayList<>();
        Set<Long> toOutbox = new LinkedHashSet<>();
        if (!opens.isEmpty()) {
            List<TicketRequest> requests = opens.stream().map(w -> ticketRequest(connector, w, customers)).toList();
            List<CrmOutcome<TicketRef>> outcomes = crm.openTickets(c, requests);
            for (int i = 0; i < opens.size(); i++) {
                Work w = opens.get(i);
                if (outcomes.get(i).isSuccess()) {
                    opened.add(new Opened(w.conversationId(), outcomes.get(i).value()));
                } else {
                    commands.add(command(connector, w));
                    toOutbox.add(w.conversationId());
                }
            }
            TicketTable.putAll(c, opened.stream().map(o -> Map.entry(o.conversationId(), o.ticket())).toList(), now);
        }
        List<Work> followUps = work.stream().filter(w -> !w.newConversation()).toList();
        if (followUps.isEmpty()) {
            return opened;
        }
        Set<Long> conversations = new LinkedHashSet<>();
        followUps.forEach(w -> conversations.add(w.conversationId()));
        Map<Long, TicketRef> tickets = TicketTable.ofConversations(c, conversations, connector);
        Set<String> waiting = OutboxTable.unfinished(c, conversations.stream()
                .map(id -> OutboxCommands.sequenceKey(connector, id)).toList());
        List<Work> logged = new ArrayList<>();
        List<ActivityRequest> requests = new ArrayList<>();
        for (Work w : followUps) {
            TicketRef ticket = tickets.get(w.conversationId());
            if (ticket == null || toOutbox.contains(w.conversationId())
                    || waiting.contains(OutboxCommands.sequenceKey(connector, w.conversationId()))) {
                commands.add(command(connector, w));
                toOutbox.add(w.conversationId());
            } else {
                logged.add(w);
                requests.add(activityRequest(connector, w, ticket, customers));
            }
        }
        if (!requests.isEmpty()) {
            List<CrmOutcome<Void>> outcomes = crm.logActivities(c, requests);
            for (int i = 0; i < logged.size(); i++) {
                if (!outcomes.get(i).isSuccess()) {
                    commands.add(command(connector, logged.get(i)));
                }
            }
        }
        return opened;
    }

    private static OutboxTable.NewCommand command(String connector, Work w) {
        return w.newConversation()
                ? OutboxCommands.openTicket(connector, w.conversationId(), w.interactionId())
                : OutboxCommands.logActivity(connector, w.conversationId(), w.interactionId());
    }

    /** The request the outbox would send for {@link OutboxCommands#openTicket}, under the same key. */
    private static TicketRequest ticketRequest(String connector, Work w, Map<Long, Customer> customers) {
        InboundContact x = w.contact();
        String subject = w.subject() == null || w.subject().isBlank() ? "Conversation " + w.conversationId() : w.subject();
        return new TicketRequest(command(connector, w).idempotencyKey(), customer(w, customers), w.conversationId(),
                w.interactionId(), x.channel(), subject, x.body(), x.occurredAt(), x.direction());
    }

    /** The request the outbox would send for {@link OutboxCommands#logActivity}, under the same key. */
    private static ActivityRequest activityRequest(String connector, Work w, TicketRef ticket, Map<Long, Customer> customers) {
        InboundContact x = w.contact();
        return new ActivityRequest(command(connector, w).idempotencyKey(), ticket, customer(w, customers), w.interactionId(),
                ActivityKind.of(x.channel()), x.channel(), x.direction(), Rows.clip(x.summary(), 200), x.body(),
                x.targetAgent(), x.occurredAt());
    }

    private static Customer customer(Work w, Map<Long, Customer> customers) {
        Customer customer = customers.get(w.customerId());
        if (customer == null) {
            throw new IllegalStateException("customer " + w.customerId() + " of interaction " + w.interactionId()
                    + " is not in the store");
        }
        return customer;
    }
}
