package org.switchboard.core.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Channel;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Interaction;
import org.switchboard.api.ThreadHints;
import org.switchboard.api.TicketRef;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.spi.ActivityKind;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.ChannelSender;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.DeliveryException;
import org.switchboard.api.spi.OutboundMessage;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.core.Threads;
import org.switchboard.core.events.Events;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.store.ContactTable;
import org.switchboard.core.store.ConversationTable;
import org.switchboard.core.store.ReplyTable;
import org.switchboard.core.store.CustomerTable;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.IdAllocator;
import org.switchboard.core.store.InteractionTable;
import org.switchboard.core.store.OutboxTable;
import org.switchboard.core.store.TicketTable;

/**
 * Runs the outbox: picks due commands (the first in line of each conversation), runs them on the
 * connectors in parallel, and records each outcome: done (with the ticket the CRM opened), tried
 * again later with exponential backoff (passing faults), or failed for good (the CRM refused, or
 * attempts ran out) where operators see and retry it. A command whose connector is not installed
 * waits for it without using up attempts. A CRM outage delays tickets; it never loses them.
 * Tickets to open and activities to log go to their connector in bulk ({@link CrmConnector#openTickets}).
 * Agents' replies go out the same way through the {@link ChannelSender} of their channel; the id the
 * channel gave the sent message becomes a key of the conversation, so the customer's answer to it
 * threads there.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 500;
    private static final int MAX_BULK = 100;
    private static final int MIN_SHARE = 25;
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration GATHER = Duration.ofMillis(200);
    private static final Duration CONNECTOR_WAIT = Duration.ofSeconds(5);

    private final Database database;
    private final Clock clock;
    private final CrmDirectory crms;
    private final ChannelSenders senders;
    private final Events events;
    private final OutboxSettings settings;
    private final List<String> ticketConnectors;
    private final IdAllocator outboxIds = new IdAllocator("sb_outbox_seq");
    private final ExecutorService workers;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean running = true;

    /** @param ticketConnectors the connectors that keep the conversations' tickets: agents' replies are logged there */
    public OutboxDispatcher(Database database, Clock clock, CrmDirectory crms, ChannelSenders senders, Events events,
                            OutboxSettings settings, List<String> ticketConnectors) {
        this.ticketConnectors = List.copyOf(ticketConnectors);
        this.database = database;
        this.clock = clock;
        this.crms = crms;
        this.senders = senders;
        this.events = events;
        this.settings = settings;
        this.workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "switchboard-outbox-worker");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, "switchboard-outbox");
        this.thread.setDaemon(true);
        crms.onArrival(this::wake);
        senders.onArrival(this::wake);
    }

    public void start() {
        thread.start();
    }

    /** Something was written to the outbox or changed: look now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            int done;
            try {
                done = dispatchOnce();
            } catch (SQLException e) {
                LOG.warn("The outbox cannot read the store, retrying: {}", e.getMessage());
                done = 0;
            } catch (RuntimeException e) {
                LOG.error("The outbox failed on a batch", e);
                done = 0;
            }
            if (done < BATCH) {
                awaitWork();
                if (done > 0 && done < MAX_BULK) {
                    gather();
                }
            }
        }
    }

    /**
     * After a pass that found a little work (less than one bulk call), lets the commands written meanwhile
     * come together for a moment, so that a light steady stream goes to the connectors in a few bigger
     * calls and commits rather than many small ones (each commit holds the store for the contacts still
     * on their way to an agent). A busy outbox never waits: its passes are bigger than that.
     */
    private void gather() {
        lock.lock();
        try {
            long left = GATHER.toNanos();
            while (running && left > 0) {
                left = wake.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void awaitWork() {
        lock.lock();
        try {
            if (!woken && running) {
                wake.await(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Runs one batch of due commands; returns how many were due. */
    int dispatchOnce() throws SQLException {
        Instant now = clock.instant();
        List<OutboxTable.Row> due = database.read(c -> OutboxTable.due(c, now, BATCH));
        if (due.isEmpty()) {
            return 0;
        }
        Context context = database.read(c -> Context.load(c, due));
        List<CompletableFuture<List<Result>>> running = new ArrayList<>();
        for (List<OutboxTable.Row> chunk : chunks(due)) {
            running.add(CompletableFuture.supplyAsync(() -> isBulk(chunk.get(0).kind())
                    ? executeBulk(chunk, context) : List.of(execute(chunk.get(0), context)), workers));
        }
        List<Result> results = new ArrayList<>(due.size());
        running.forEach(f -> results.addAll(f.join()));
        record(results);
        return due.size();
    }

    private static boolean isBulk(String kind) {
        return OutboxCommands.OPEN_TICKET.equals(kind) || OutboxCommands.LOG_ACTIVITY.equals(kind);
    }

    /**
     * Commands that go to a connector together: tickets to open and activities to log, by connector,
     * cut so that the workers share a big group (no share under {@value #MIN_SHARE} commands, no call
     * with more than {@value #MAX_BULK}); every other command alone. A small group goes in one call:
     * each call costs the CRM a request and a commit, which a few commands do not repay.
     */
    private List<List<OutboxTable.Row>> chunks(List<OutboxTable.Row> due) {
        Map<String, List<OutboxTable.Row>> groups = new LinkedHashMap<>();
        List<List<OutboxTable.Row>> chunks = new ArrayList<>();
        for (OutboxTable.Row row : due) {
            if (isBulk(row.kind())) {
                groups.computeIfAbsent(row.target() + '\u0000' + row.kind(), k -> new ArrayList<>()).add(row);
            } else {
                chunks.add(List.of(row));
            }
        }
        for (List<OutboxTable.Row> group : groups.values()) {
            int shares = Math.max(1, Math.min(settings.workers(), group.size() / MIN_SHARE));
            int size = Math.min(MAX_BULK, (group.size() + shares - 1) / shares);
            for (int from = 0; from < group.size(); from += size) {
                chunks.add(group.subList(from, Math.min(group.size(), from + size)));
            }
        }
        return chunks;
    }

    /** Tickets to open, or activities to log, of one connector, in one call. */
    private List<Result> executeBulk(List<OutboxTable.Row> rows, Context context) {
        OutboxTable.Row first = rows.get(0);
        Optional<CrmConnector> found = crms.find(first.target());
        if (found.isEmpty()) {
            return rows.stream().<Result>map(r -> new Waiting(r, "waiting for CRM connector '" + r.target()
                    + "' to be installed and configured")).toList();
        }
        boolean tickets = OutboxCommands.OPEN_TICKET.equals(first.kind());
        List<Result> results = new ArrayList<>(rows.size());
        List<OutboxTable.Row> sent = new ArrayList<>(rows.size());
        List<TicketRequest> ticketRequests = new ArrayList<>();
        List<ActivityRequest> activityRequests = new ArrayList<>();
        for (OutboxTable.Row row : rows) {
            try {
                if (tickets) {
                    ticketRequests.add(ticketRequest(row, context));
                } else {
                    activityRequests.add(activityRequest(row, context));
                }
                sent.add(row);
            } catch (MissingDataException e) {
                results.add(new Failed(row, e.getMessage()));
            }
        }
        if (sent.isEmpty()) {
            return results;
        }
        List<? extends CrmOutcome<?>> outcomes;
        try {
            outcomes = tickets ? found.get().openTickets(ticketRequests) : found.get().logActivities(activityRequests);
        } catch (RuntimeException e) {
            LOG.warn("CRM connector {} failed on {} outbox command(s)", first.target(), sent.size(), e);
            sent.forEach(r -> results.add(new Retry(r, e.getClass().getSimpleName() + ": " + e.getMessage())));
            return results;
        }
        if (outcomes == null || outcomes.size() != sent.size()) {
            String error = "CRM connector " + first.target() + " answered " + (outcomes == null ? 0 : outcomes.size())
                    + " outcome(s) for " + sent.size() + " request(s)";
            LOG.warn(error);
            sent.forEach(r -> results.add(new Retry(r, error)));
            return results;
        }
        for (int i = 0; i < sent.size(); i++) {
            CrmOutcome<?> outcome = outcomes.get(i);
            OutboxTable.Row row = sent.get(i);
            if (outcome.isSuccess()) {
                results.add(new Done(row, outcome.value() instanceof TicketRef ticket ? ticket : null));
            } else {
                results.add(outcome.failure().isRetryable() ? new Retry(row, outcome.failure().getMessage())
                        : new Failed(row, outcome.failure().getMessage()));
            }
        }
        return results;
    }

    // ------------------------------------------------------------------ one command

    private sealed interface Result permits Done, Retry, Failed, Waiting {
        OutboxTable.Row row();
    }

    private record Done(OutboxTable.Row row, TicketRef ticket, Sent sent) implements Result {
        Done(OutboxTable.Row row, TicketRef ticket) {
            this(row, ticket, null);
        }
    }

    /** A reply that went out, and what its channel called it ({@code null} when it gave no id). */
    private record Sent(ReplyTable.Reply reply, Channel channel, String messageId) {
    }

    private record Retry(OutboxTable.Row row, String error) implements Result {
    }

    private record Failed(OutboxTable.Row row, String error) implements Result {
    }

    private record Waiting(OutboxTable.Row row, String why) implements Result {
    }

    /** A command that goes alone: a ticket status change, a reply. */
    private Result execute(OutboxTable.Row row, Context context) {
        if (OutboxCommands.SEND_REPLY.equals(row.kind())) {
            return sendReply(row, context);
        }
        Optional<CrmConnector> connector = crms.find(row.target());
        if (connector.isEmpty()) {
            return new Waiting(row, "waiting for CRM connector '" + row.target() + "' to be installed and configured");
        }
        if (!OutboxCommands.UPDATE_TICKET.equals(row.kind())) {
            return new Failed(row, "unknown command kind " + row.kind());
        }
        TicketRef ticket = context.ticket(row.conversationId(), row.target());
        if (ticket == null) {
            return new Failed(row, "the conversation has no ticket in " + row.target());
        }
        try {
            return new Done(row, connector.get().updateTicketStatus(ticket, row.argument(), row.idempotencyKey()));
        } catch (CrmException e) {
            return e.isRetryable() ? new Retry(row, e.getMessage()) : new Failed(row, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("CRM connector {} failed on outbox command {}", row.target(), row.id(), e);
            return new Retry(row, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Result sendReply(OutboxTable.Row row, Context context) {
        ReplyTable.Reply reply = context.replies.get(row.id());
        InboundContact contact = row.interactionId() == null ? null : context.contacts.get(row.interactionId());
        if (reply == null || contact == null) {
            return new Failed(row, "the reply or the contact it answers no longer exists");
        }
        Channel channel = contact.channel();
        Optional<ChannelSender> sender = senders.find(channel, contact.entryPoint());
        if (sender.isEmpty()) {
            return new Waiting(row, "waiting for a sender of channel '" + channel.id() + "'"
                    + (contact.entryPoint() == null ? "" : " for " + contact.entryPoint()) + " to be installed and configured");
        }
        List<String> references = new ArrayList<>(contact.thread().references());
        references.add(contact.externalId());
        OutboundMessage message = new OutboundMessage(row.idempotencyKey(), channel, contact.from(), contact.entryPoint(),
                reply.conversationId(), reply.interactionId(), reply.agentId(), reply.subject(), reply.body(),
                new ThreadHints(contact.thread().threadKey(), contact.externalId(), references), contact.metadata());
        try {
            String messageId = sender.get().send(message);
            return new Done(row, null, new Sent(reply, channel, messageId == null || messageId.isBlank() ? null : messageId));
        } catch (DeliveryException e) {
            return e.isRetryable() ? new Retry(row, e.getMessage()) : new Failed(row, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("The {} sender failed on outbox command {}", channel.id(), row.id(), e);
            return new Retry(row, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static TicketRequest ticketRequest(OutboxTable.Row row, Context context) {
        ConversationTable.Header conversation = context.conversation(row.conversationId());
        Customer customer = context.customer(conversation.customerId());
        InboundContact contact = context.contacts.get(row.interactionId());
        Instant occurredAt = contact != null ? contact.occurredAt() : row.createdAt();
        String subject = conversation.subject() == null || conversation.subject().isBlank()
                ? "Conversation " + conversation.id() : conversation.subject();
        return new TicketRequest(row.idempotencyKey(), customer, conversation.id(),
                row.interactionId() == null ? 0 : row.interactionId(), conversation.channel(), subject,
                contact == null ? null : contact.body(), occurredAt, contact == null ? Direction.INBOUND : contact.direction());
    }

    private static ActivityRequest activityRequest(OutboxTable.Row row, Context context) {
        Long replyId = OutboxCommands.replyOf(row.argument());
        if (replyId != null) {
            return replyActivity(row, replyId, context);
        }
        Interaction interaction = context.interaction(row.interactionId());
        Customer customer = context.customer(interaction.customerId());
        InboundContact contact = context.contacts.get(interaction.id());
        return new ActivityRequest(row.idempotencyKey(), context.ticket(row.conversationId(), row.target()), customer,
                interaction.id(), ActivityKind.of(interaction.channel()), interaction.channel(),
                interaction.direction() == null ? Direction.INBOUND : interaction.direction(),
                interaction.summary(), contact == null ? null : contact.body(), interaction.agentId(),
                contact != null ? contact.occurredAt() : interaction.createdAt());
    }

    /** An agent's reply that went out, as the CRM logs it: outgoing, by that agent, on the interaction's channel. */
    private static ActivityRequest replyActivity(OutboxTable.Row row, long replyId, Context context) {
        ReplyTable.Reply reply = context.replies.get(replyId);
        if (reply == null) {
            throw new MissingDataException("reply " + replyId + " does not exist");
        }
        Interaction interaction = context.interaction(reply.interactionId());
        Customer customer = context.customer(interaction.customerId());
        return new ActivityRequest(row.idempotencyKey(), context.ticket(row.conversationId(), row.target()), customer,
                interaction.id(), ActivityKind.of(interaction.channel()), interaction.channel(), Direction.OUTBOUND,
                reply.subject() == null || reply.subject().isBlank() ? "Reply to " + interaction.summary() : reply.subject(),
                reply.body(), reply.agentId(), reply.sentAt() != null ? reply.sentAt() : row.createdAt());
    }

    // ------------------------------------------------------------------ outcomes

    private void record(List<Result> results) throws SQLException {
        Instant now = clock.instant();
        List<Long> done = new ArrayList<>();
        List<Done> opened = new ArrayList<>();
        Map<String, Long> replyKeys = new LinkedHashMap<>();
        List<OutboxTable.NewCommand> replyLogs = new ArrayList<>();
        database.inTransaction(c -> {
            for (Result r : results) {
                if (r instanceof Done d) {
                    done.add(d.row().id());
                    if (d.ticket() != null) {
                        opened.add(d);
                    }
                    if (d.sent() != null) {
                        ReplyTable.Reply reply = d.sent().reply();
                        ReplyTable.markSent(c, reply.id(), d.sent().messageId(), now);
                        for (String connector : ticketConnectors) {
                            replyLogs.add(OutboxCommands.logReply(connector, reply.conversationId(), reply.interactionId(),
                                    reply.id()));
                        }
                        if (d.sent().messageId() != null) {
                            replyKeys.put(ConversationTable.messageKey(d.sent().channel(), d.sent().messageId()),
                                    d.sent().reply().conversationId());
                        }
                    }
                } else if (r instanceof Retry x) {
                    int attempts = x.row().attempts() + 1;
                    Instant next = attempts >= settings.maxAttempts() ? null : now.plus(settings.backoff(attempts));
                    OutboxTable.markAttemptFailed(c, x.row().id(), x.error(), next, now, true);
                } else if (r instanceof Failed f) {
                    OutboxTable.markAttemptFailed(c, f.row().id(), f.error(), null, now, true);
                } else if (r instanceof Waiting w) {
                    OutboxTable.markAttemptFailed(c, w.row().id(), w.why(), now.plus(CONNECTOR_WAIT), now, false);
                }
            }
            OutboxTable.markDone(c, done, now);
            if (!replyLogs.isEmpty()) {
                OutboxTable.insert(c, outboxIds, replyLogs, now);
            }
            ConversationTable.addMissingKeys(c, replyKeys);
            TicketTable.putAll(c, opened.stream().map(d -> Map.entry(d.row().conversationId(), d.ticket())).toList(), now);
            return null;
        });
        for (Result r : results) {
            announce(r, now);
        }
        if (!replyLogs.isEmpty()) {
            wake();
        }
    }

    private void announce(Result r, Instant now) {
        OutboxTable.Row row = r.row();
        if (r instanceof Done d && d.ticket() != null) {
            events.postTicket(OutboxCommands.OPEN_TICKET.equals(row.kind()) ? Topics.TICKET_OPENED : Topics.TICKET_UPDATED,
                    row.conversationId(), d.ticket(), now.toEpochMilli());
        } else if (r instanceof Done d && d.sent() != null) {
            Map<String, Object> props = new HashMap<>();
            props.put(EventProperties.OUTBOX_ID, row.id());
            props.put(EventProperties.INTERACTION_ID, d.sent().reply().interactionId());
            props.put(EventProperties.CONVERSATION_ID, d.sent().reply().conversationId());
            props.put(EventProperties.AGENT_ID, d.sent().reply().agentId());
            props.put(EventProperties.CHANNEL, d.sent().channel().id());
            props.put(EventProperties.TIMESTAMP, now.toEpochMilli());
            events.post(Topics.REPLY_SENT, props);
        } else if (r instanceof Failed || (r instanceof Retry && row.attempts() + 1 >= settings.maxAttempts())) {
            String error = r instanceof Failed f ? f.error() : ((Retry) r).error();
            LOG.warn("Outbox command {} ({} on {}) failed for good: {}; retry it with switchboard:outbox-retry {}",
                    row.id(), row.kind(), row.target(), error, row.id());
            Map<String, Object> props = new HashMap<>();
            props.put(EventProperties.OUTBOX_ID, row.id());
            props.put(EventProperties.ERROR, error);
            if (row.conversationId() != null) {
                props.put(EventProperties.CONVERSATION_ID, row.conversationId());
            }
            props.put(EventProperties.TIMESTAMP, now.toEpochMilli());
            events.post(Topics.OUTBOX_FAILED, props);
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Threads.stop(workers, Duration.ofSeconds(10));
    }

    // ------------------------------------------------------------------ what commands need to know

    /** A command refers to a record that does not exist (any more). */
    private static final class MissingDataException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingDataException(String message) {
            super(message);
        }
    }

    /** The records a batch of commands refers to, read in a few queries. */
    private static final class Context {
        final Map<Long, ConversationTable.Header> conversations;
        final Map<Long, Customer> customers;
        final Map<Long, Interaction> interactions = new HashMap<>();
        final Map<Long, InboundContact> contacts;
        final Map<Long, Map<String, TicketRef>> tickets = new HashMap<>();
        final Map<Long, ReplyTable.Reply> replies = new HashMap<>();

        private Context(Map<Long, ConversationTable.Header> conversations, Map<Long, Customer> customers,
                        Map<Long, InboundContact> contacts) {
            this.conversations = conversations;
            this.customers = customers;
            this.contacts = contacts;
        }

        static Context load(Connection c, List<OutboxTable.Row> rows) throws SQLException {
            Set<Long> conversationIds = new LinkedHashSet<>();
            Set<Long> interactionIds = new LinkedHashSet<>();
            List<Long> replyIds = new ArrayList<>();
            for (OutboxTable.Row r : rows) {
                if (OutboxCommands.SEND_REPLY.equals(r.kind())) {
                    replyIds.add(r.id());
                }
                Long logged = OutboxCommands.LOG_ACTIVITY.equals(r.kind()) ? OutboxCommands.replyOf(r.argument()) : null;
                if (logged != null) {
                    replyIds.add(logged);
                }
                if (r.conversationId() != null) {
                    conversationIds.add(r.conversationId());
                }
                if (r.interactionId() != null) {
                    interactionIds.add(r.interactionId());
                }
            }
            Map<Long, ConversationTable.Header> conversations = ConversationTable.headers(c, List.copyOf(conversationIds));
            Set<Long> customerIds = new LinkedHashSet<>();
            conversations.values().forEach(h -> customerIds.add(h.customerId()));
            Map<Long, Interaction> interactions = InteractionTable.find(c, List.copyOf(interactionIds));
            for (Interaction i : interactions.values()) {
                if (i.customerId() != null) {
                    customerIds.add(i.customerId());
                }
            }
            Context context = new Context(conversations, CustomerTable.find(c, List.copyOf(customerIds)),
                    ContactTable.ofInteractions(c, List.copyOf(interactionIds)));
            context.interactions.putAll(interactions);
            context.replies.putAll(ReplyTable.find(c, replyIds));
            for (OutboxTable.Row r : rows) {
                if (r.conversationId() != null && !OutboxCommands.OPEN_TICKET.equals(r.kind())
                        && !OutboxCommands.SEND_REPLY.equals(r.kind())) {
                    context.tickets.put(r.conversationId(), TicketTable.ofConversation(c, r.conversationId()));
                }
            }
            return context;
        }

        ConversationTable.Header conversation(Long id) {
            ConversationTable.Header h = id == null ? null : conversations.get(id);
            if (h == null) {
                throw new MissingDataException("conversation " + id + " does not exist");
            }
            return h;
        }

        Customer customer(Long id) {
            Customer customer = id == null ? null : customers.get(id);
            if (customer == null) {
                throw new MissingDataException("customer " + id + " does not exist");
            }
            return customer;
        }

        Interaction interaction(Long id) {
            Interaction i = id == null ? null : interactions.get(id);
            if (i == null) {
                throw new MissingDataException("interaction " + id + " does not exist");
            }
            return i;
        }

        TicketRef ticket(Long conversationId, String connector) {
            Map<String, TicketRef> byConnector = tickets.get(conversationId);
            return byConnector == null ? null : byConnector.get(connector);
        }
    }
}
