package org.switchboard.core.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Direction;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Interaction;
import org.switchboard.api.RoutingMode;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.core.identity.AddressNormalizer;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.identity.CrmLookup;
import org.switchboard.core.routing.QueueRegistry;
import org.switchboard.core.routing.QueuedItem;
import org.switchboard.core.routing.Router;
import org.switchboard.core.store.AcceptedContact;
import org.switchboard.core.store.ConversationTable;
import org.switchboard.core.store.CustomerTable;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.IdAllocator;
import org.switchboard.core.store.InteractionTable;
import org.switchboard.core.store.OutboxTable;

/**
 * Processes one batch of stored contacts in one transaction: identify the customer, thread the
 * contact into a conversation, pick its queue, write the built-in CRM's tickets and the outbox's
 * commands for the other CRMs ({@link CrmWrites}), mark it done. Reads that
 * may be slow (CRM lookups) happen before the transaction opens. Caches are updated only after
 * the commit, so a rolled-back batch leaves nothing behind and is simply done again.
 *
 * <p>Used by one thread only.
 */
final class BatchProcessing {
    private static final int CACHE_SIZE = 100_000;

    private final Database database;
    private final Clock clock;
    private final AddressNormalizer normalizer;
    private final CrmLookup crmLookup;
    private final QueueRegistry queues;
    private final Router router;
    private final ProcessingSettings settings;
    private final CrmWrites crmWrites;
    private final IdAllocator customerIds = new IdAllocator("sb_customer_seq");
    private final IdAllocator conversationIds = new IdAllocator("sb_conversation_seq");
    private final IdAllocator outboxIds = new IdAllocator("sb_outbox_seq");
    private final Lru<Address, Long> customerByAddress = new Lru<>(CACHE_SIZE);
    private final Lru<String, Long> conversationByKey = new Lru<>(CACHE_SIZE);

    BatchProcessing(Database database, Clock clock, AddressNormalizer normalizer, CrmLookup crmLookup, CrmDirectory crms,
                    QueueRegistry queues, Router router, ProcessingSettings settings) {
        this.database = database;
        this.clock = clock;
        this.normalizer = normalizer;
        this.crmLookup = crmLookup;
        this.queues = queues;
        this.router = router;
        this.settings = settings;
        this.crmWrites = new CrmWrites(crms, settings.ticketConnectors());
    }

    /**
     * What one processed contact became.
     *
     * @param queued  whether its interaction entered its queue (or was offered from there at once)
     * @param offered the interaction as offered to an agent in the same transaction, or {@code null}
     */
    record Outcome(AcceptedContact accepted, long customerId, boolean newCustomer, long conversationId,
                   boolean newConversation, String queueId, boolean queued, Interaction offered) {
    }

    /** Forgets cached lookups; after a conflict with another writer the store is read afresh. */
    void clearCaches() {
        customerByAddress.clear();
        conversationByKey.clear();
    }

    /**
     * What a batch became.
     *
     * @param outcomes       one per contact, but for those another node processed meanwhile
     * @param opened         the tickets in-store CRMs opened in the transaction
     * @param outboxCommands how many commands it left to the outbox
     */
    record Processed(List<Outcome> outcomes, List<CrmWrites.Opened> opened, int outboxCommands) {
    }

    /** Processes the batch. */
    Processed process(List<AcceptedContact> batch) throws SQLException {
        Instant now = clock.instant();
        Lookups lookups = database.read(c -> lookUp(c, batch));
        Map<Long, String> queueOf = new HashMap<>();
        Map<Long, String> agents = reserveAgents(batch, now, queueOf);
        Plan plan = new Plan(now, queueOf, agents);
        List<Outcome> outcomes;
        try {
            outcomes = database.inTransaction(c -> {
                List<Outcome> result = new ArrayList<>();
                for (AcceptedContact a : batch) {
                    result.add(plan.add(c, a, lookups));
                }
                plan.write(c, result);
                return result;
            });
        } catch (SQLException | RuntimeException | Error e) {
            router.release(agents.keySet());
            throw e;
        }
        Set<Long> unused = new HashSet<>(agents.keySet());
        outcomes.stream().filter(o -> o.offered() != null).forEach(o -> unused.remove(o.accepted().interactionId()));
        router.release(unused);
        customerByAddress.putAll(plan.newAddresses);
        conversationByKey.putAll(plan.newKeys);
        conversationByKey.putAll(plan.ownKeys);
        outcomes.stream().filter(Outcome::newCustomer).map(o -> o.accepted().contact().from()).forEach(crmLookup::forget);
        return new Processed(outcomes, plan.crm.opened(), plan.crm.commands().size());
    }

    // ------------------------------------------------------------------ before the transaction

    /**
     * Chooses the queue of each core-routed contact (into {@code queueOf}) and asks routing for agents
     * free for them now; those are offered in the transaction.
     */
    private Map<Long, String> reserveAgents(List<AcceptedContact> batch, Instant now, Map<Long, String> queueOf) {
        List<QueuedItem> candidates = new ArrayList<>();
        for (AcceptedContact a : batch) {
            InboundContact x = a.contact();
            if (x.routing() == RoutingMode.CORE) {
                String queueId = queues.select(x.channel(), x.entryPoint());
                queueOf.put(a.interactionId(), queueId);
                if (x.targetAgent() == null) {
                    candidates.add(new QueuedItem(a.interactionId(), x.channel(), x.routing(), queueId, now, a.originNanos()));
                }
            }
        }
        return router.reserve(candidates);
    }

    /** What the store and the CRMs know about the batch's addresses and thread keys. */
    private record Lookups(Map<Address, Long> customers, Map<Address, List<CrmMatch>> crmMatches,
                           Map<String, Long> conversations, Map<String, Long> tickets) {
    }

    private Lookups lookUp(Connection c, List<AcceptedContact> batch) throws SQLException {
        Map<Address, Long> customers = new HashMap<>();
        Set<Address> unknown = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        Map<Channel, Set<String>> messages = new HashMap<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (AcceptedContact a : batch) {
            InboundContact x = a.contact();
            if (normalizer.identifies(x.from())) {
                Long known = customerByAddress.get(x.from());
                if (known != null) {
                    customers.put(x.from(), known);
                } else {
                    unknown.add(x.from());
                }
            }
            keys.addAll(candidateKeys(x));
            messages.computeIfAbsent(x.channel(), ch -> new LinkedHashSet<>()).addAll(repliedTo(x));
            ticketNumber(x).ifPresent(numbers::add);
        }
        if (!unknown.isEmpty()) {
            Map<Address, Long> stored = CustomerTable.findByAddresses(c, unknown);
            customers.putAll(stored);
            unknown.removeAll(stored.keySet());
        }
        Map<Address, List<CrmMatch>> matches = unknown.isEmpty() ? Map.of() : crmLookup.find(List.copyOf(unknown));
        Map<String, Long> conversations = new HashMap<>();
        Set<String> unknownKeys = new LinkedHashSet<>();
        for (String k : keys) {
            Long known = conversationByKey.get(k);
            if (known != null) {
                conversations.put(k, known);
            } else {
                unknownKeys.add(k);
            }
        }
        if (!unknownKeys.isEmpty()) {
            conversations.putAll(ConversationTable.findByKeys(c, unknownKeys));
            findRepliedTo(c, messages, conversations);
        }
        Map<String, Long> tickets = new HashMap<>();
        for (String number : numbers) {
            ConversationTable.findByTicketNumber(c, number).ifPresent(id -> tickets.put(number, id));
        }
        return new Lookups(customers, matches, conversations, tickets);
    }

    /** Adds the conversations of the messages replied to that no key named: contacts received before, found by their own id. */
    private static void findRepliedTo(Connection c, Map<Channel, Set<String>> messages, Map<String, Long> conversations)
            throws SQLException {
        for (Map.Entry<Channel, Set<String>> e : messages.entrySet()) {
            List<String> ids = e.getValue().stream().filter(id -> !conversations.containsKey(messageKey(e.getKey(), id))).toList();
            if (!ids.isEmpty()) {
                ConversationTable.findByMessages(c, e.getKey(), ids).forEach(conversations::putIfAbsent);
            }
        }
    }

    /** The source ids of the messages this contact answers, nearest first. */
    private static List<String> repliedTo(InboundContact x) {
        List<String> ids = new ArrayList<>();
        if (x.thread().inReplyTo() != null) {
            ids.add(x.thread().inReplyTo());
        }
        List<String> refs = x.thread().references();
        for (int i = refs.size() - 1; i >= 0; i--) {
            ids.add(refs.get(i));
        }
        return ids;
    }

    /** Keys that tie this contact to an earlier conversation, strongest first. */
    private static List<String> candidateKeys(InboundContact x) {
        List<String> keys = new ArrayList<>();
        if (x.thread().threadKey() != null) {
            keys.add(threadKey(x.channel(), x.thread().threadKey()));
        }
        for (String id : repliedTo(x)) {
            keys.add(messageKey(x.channel(), id));
        }
        return keys;
    }

    private static String threadKey(Channel channel, String key) {
        return ConversationTable.threadKey(channel, key);
    }

    private static String messageKey(Channel channel, String sourceId) {
        return ConversationTable.messageKey(channel, sourceId);
    }

    /**
     * The key under which replies to this contact (naming its source id) find its conversation: kept
     * in memory for the batch and the cache only, since the store finds it by the contact's own key.
     */
    private static String ownKey(InboundContact x) {
        return messageKey(x.channel(), x.externalId());
    }

    private Optional<String> ticketNumber(InboundContact x) {
        if (x.subject() == null) {
            return Optional.empty();
        }
        Matcher m = settings.ticketPattern().matcher(x.subject());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    // ------------------------------------------------------------------ in the transaction

    /** The batch's decisions and the rows they need, written together. */
    private final class Plan {
        final Instant now;
        /** The queue each core-routed contact enters, chosen before the transaction. */
        final Map<Long, String> queueOf;
        /** The agents routing reserved, by interaction: these are offered in the transaction. */
        final Map<Long, String> agents;
        final Map<Address, Long> newAddresses = new LinkedHashMap<>();
        /** Thread keys to store. */
        final Map<String, Long> newKeys = new LinkedHashMap<>();
        /** The batch's own message keys: for later contacts of the batch and the cache, not stored. */
        final Map<String, Long> ownKeys = new HashMap<>();
        final List<CustomerTable.NewCustomer> customers = new ArrayList<>();
        final List<Map.Entry<Address, Long>> addressLinks = new ArrayList<>();
        final Map<Long, String> names = new LinkedHashMap<>();
        final List<ConversationTable.NewConversation> conversations = new ArrayList<>();
        final Set<Long> touched = new LinkedHashSet<>();
        final List<InteractionTable.Processed> interactions = new ArrayList<>();
        final List<CrmWrites.Work> crmWork = new ArrayList<>();
        CrmWrites.Result crm = new CrmWrites.Result(List.of(), List.of());
        /** CRM records claimed by customers created in this batch, not yet in the store. */
        final Map<CrmRef, Long> newRefs = new HashMap<>();

        Plan(Instant now, Map<Long, String> queueOf, Map<Long, String> agents) {
            this.now = now;
            this.queueOf = queueOf;
            this.agents = agents;
        }

        Outcome add(Connection c, AcceptedContact a, Lookups lookups) throws SQLException {
            InboundContact x = a.contact();
            // who
            boolean newCustomer = false;
            Long customerId = null;
            boolean identifies = normalizer.identifies(x.from());
            if (identifies) {
                customerId = newAddresses.containsKey(x.from()) ? newAddresses.get(x.from()) : lookups.customers().get(x.from());
            }
            if (customerId == null && identifies) {
                customerId = customerOfMatches(c, lookups.crmMatches().getOrDefault(x.from(), List.of()));
                if (customerId != null) {
                    addressLinks.add(Map.entry(x.from(), customerId));
                    newAddresses.put(x.from(), customerId);
                }
            }
            if (customerId == null) {
                newCustomer = true;
                customerId = customerIds.next(c);
                List<CrmMatch> matches = identifies ? lookups.crmMatches().getOrDefault(x.from(), List.of()) : List.of();
                String name = matches.stream().map(CrmMatch::displayName).filter(n -> n != null && !n.isBlank())
                        .findFirst().orElse(x.fromName());
                long created = customerId;
                List<CrmRef> refs = matches.stream().map(CrmMatch::ref)
                        .filter(ref -> newRefs.putIfAbsent(ref, created) == null).toList();
                customers.add(new CustomerTable.NewCustomer(customerId, name, identifies ? List.of(x.from()) : List.of(), refs, now));
                if (identifies) {
                    newAddresses.put(x.from(), customerId);
                }
            } else if (x.fromName() != null) {
                names.putIfAbsent(customerId, x.fromName());
            }
            // which conversation
            Long conversationId = null;
            for (String key : candidateKeys(x)) {
                conversationId = newKeys.containsKey(key) ? newKeys.get(key)
                        : lookups.conversations().containsKey(key) ? lookups.conversations().get(key) : ownKeys.get(key);
                if (conversationId != null) {
                    break;
                }
            }
            if (conversationId == null) {
                conversationId = ticketNumber(x).map(lookups.tickets()::get).orElse(null);
            }
            boolean newConversation = conversationId == null;
            if (newConversation) {
                conversationId = conversationIds.next(c);
                conversations.add(new ConversationTable.NewConversation(conversationId, customerId, x.channel(), x.entryPoint(),
                        subjectOf(x), now));
            } else {
                touched.add(conversationId);
            }
            if (x.thread().threadKey() != null) {
                String key = threadKey(x.channel(), x.thread().threadKey());
                if (!lookups.conversations().containsKey(key) && !newKeys.containsKey(key)) {
                    newKeys.put(key, conversationId);
                }
            }
            ownKeys.putIfAbsent(ownKey(x), conversationId);
            // where it waits
            String queueId = queueOf.get(a.interactionId());
            interactions.add(new InteractionTable.Processed(a.interactionId(), x.routing(), customerId, conversationId, queueId,
                    agents.get(a.interactionId()), now));
            // what the CRMs must learn
            crmWork.add(new CrmWrites.Work(x, a.interactionId(), customerId, conversationId, newConversation,
                    newConversation ? subjectOf(x) : null));
            return new Outcome(a, customerId, newCustomer, conversationId, newConversation, queueId, false, null);
        }

        /** A customer that already holds one of the matched CRM records, if any (in this batch or stored). */
        private Long customerOfMatches(Connection c, List<CrmMatch> matches) throws SQLException {
            for (CrmMatch m : matches) {
                if (newRefs.containsKey(m.ref())) {
                    return newRefs.get(m.ref());
                }
            }
            for (CrmMatch m : matches) {
                Optional<Long> holder = CustomerTable.findByCrmRef(c, m.ref());
                if (holder.isPresent()) {
                    return holder.get();
                }
            }
            return null;
        }

        void write(Connection c, List<Outcome> outcomes) throws SQLException {
            if (outcomes.isEmpty()) {
                return;
            }
            // first, as it is what takes the contacts off the pending list: the rows tell whether one was
            // processed meanwhile (resumed twice, or by another node), and then the batch is done again without it
            InteractionTable.ProcessedResult result = InteractionTable.processed(c, interactions);
            if (!result.missing().isEmpty()) {
                throw new ProcessedElsewhere(result.missing());
            }
            Set<Long> queued = new HashSet<>(result.queued());
            if (!customers.isEmpty()) {
                CustomerTable.insert(c, customers);
            }
            Map<Long, Instant> at = new HashMap<>();
            addressLinks.forEach(e -> at.put(e.getValue(), now));
            CustomerTable.addAddresses(c, addressLinks, at);
            CustomerTable.nameIfUnnamed(c, names, now);
            if (!conversations.isEmpty()) {
                ConversationTable.insert(c, conversations);
            }
            ConversationTable.addKeys(c, newKeys);
            ConversationTable.touch(c, touched, now);
            crm = crmWrites.write(c, crmWork, customers, now);
            OutboxTable.insert(c, outboxIds, crm.commands(), now);
            List<Long> offeredIds = result.queued().stream().filter(agents::containsKey).toList();
            Map<Long, Interaction> offered = offeredIds.isEmpty() ? Map.of() : InteractionTable.find(c, offeredIds);
            outcomes.replaceAll(o -> new Outcome(o.accepted(), o.customerId(), o.newCustomer(), o.conversationId(),
                    o.newConversation(), o.queueId(), queued.contains(o.accepted().interactionId()),
                    offered.get(o.accepted().interactionId())));
        }
    }

    /** A conversation's subject: the contact's subject, else the first line of its text, else who called. */
    static String subjectOf(InboundContact x) {
        String summary = x.summary();
        if (!summary.isEmpty()) {
            return summary;
        }
        String who = x.fromName() != null ? x.fromName() : x.from().value();
        if (x.direction() == Direction.OUTBOUND) {
            return Channel.VOICE.equals(x.channel()) ? "Call to " + who : "Contact to " + who + " (" + x.channel().id() + ")";
        }
        return Channel.VOICE.equals(x.channel()) ? "Call from " + who : "Contact from " + who + " (" + x.channel().id() + ")";
    }
}
