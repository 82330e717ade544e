package org.switchboard.core.pipeline;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.InteractionState;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.core.events.Events;
import org.switchboard.core.identity.AddressNormalizer;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.identity.CrmLookup;
import org.switchboard.core.routing.QueueRegistry;
import org.switchboard.core.routing.QueuedItem;
import org.switchboard.core.routing.Router;
import org.switchboard.core.store.AcceptedContact;
import org.switchboard.core.store.ContactTable;
import org.switchboard.core.store.Database;
import org.switchboard.jdbc.Transactions;

/**
 * Processes stored contacts, asynchronously and exactly once: each batch is identified, threaded
 * and queued in one transaction that also marks its contacts done, so a crash at any point means
 * the batch is simply processed again after the restart. On start it first resumes every contact
 * that was stored but not processed.
 *
 * <p>Failures: a store outage is waited out (nothing is lost; the contacts stay pending); a
 * contact that cannot be processed at all (it breaks a rule the pipeline relies on) is set aside
 * as FAILED with the reason, announced, and shown to operators, and the others go on.
 */
public final class ContactProcessor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContactProcessor.class);
    private static final int QUEUE_CAPACITY = 50_000;
    private static final int CONFLICT_RETRIES = 5;
    private static final Duration MAX_OUTAGE_WAIT = Duration.ofSeconds(30);
    /** Under load (a batch at least this big), wait a moment for more: fewer, bigger transactions. */
    private static final int BUSY_BATCH = 100;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(3);

    private final Database database;
    private final Clock clock;
    private final Events events;
    private final BatchProcessing processing;
    private final Router routing;
    private final Runnable outbox;
    private final int batchSize;
    private final BlockingQueue<AcceptedContact> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean overflowed;
    private volatile boolean caughtUp;

    /**
     * @param routing reserves agents for contacts about to be queued, and receives the interactions that
     *                entered a queue or were offered (and the channel-routed ones), after their commit
     * @param outbox  is told that commands were written
     */
    public ContactProcessor(Database database, Clock clock, Events events, AddressNormalizer normalizer, CrmLookup crmLookup,
                            CrmDirectory crms, QueueRegistry queues, ProcessingSettings settings,
                            Router routing, Runnable outbox) {
        this.database = database;
        this.clock = clock;
        this.events = events;
        this.processing = new BatchProcessing(database, clock, normalizer, crmLookup, crms, queues, routing, settings);
        this.routing = routing;
        this.outbox = outbox;
        this.batchSize = settings.batchSize();
        this.thread = new Thread(this::run, "switchboard-processor");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Contacts just stored; called after their commit. Never blocks: if too many wait, they are read back later. */
    public void submit(List<AcceptedContact> stored) {
        for (AcceptedContact a : stored) {
            if (!queue.offer(a)) {
                overflowed = true;
            }
        }
    }

    /** Contacts processed since start. */
    public long processedCount() {
        return processed.get();
    }

    /** Contacts set aside as FAILED since start. */
    public long failedCount() {
        return failed.get();
    }

    /** Whether the contacts left pending by an earlier run have all been processed. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        resumePending();
        caughtUp = true;
        List<AcceptedContact> batch = new ArrayList<>(batchSize);
        boolean busy = false;
        while (stop.getCount() > 0) {
            try {
                AcceptedContact first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (overflowed) {
                        overflowed = false;
                        resumePending();
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                if (busy) {
                    gatherMore(batch);
                }
                busy = batch.size() >= BUSY_BATCH;
                processWithRetries(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void gatherMore(List<AcceptedContact> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < batchSize) {
            long left = deadline - System.nanoTime();
            AcceptedContact next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, batchSize - batch.size());
        }
    }

    /** Processes every contact the store holds as pending, oldest first. */
    private void resumePending() {
        List<Long> ids = null;
        while (ids == null && stop.getCount() > 0) {
            try {
                ids = database.read(ContactTable::pendingInteractions);
            } catch (SQLException e) {
                LOG.warn("Cannot read pending contacts from the store, retrying: {}", e.getMessage());
                if (await(MAX_OUTAGE_WAIT)) {
                    return;
                }
            }
        }
        int resumed = 0;
        for (int from = 0; ids != null && from < ids.size() && stop.getCount() > 0; ) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + batchSize));
            List<AcceptedContact> page;
            try {
                page = database.read(c -> ContactTable.pending(c, chunk));
            } catch (SQLException e) {
                LOG.warn("Cannot read pending contacts from the store, retrying: {}", e.getMessage());
                if (await(MAX_OUTAGE_WAIT)) {
                    return;
                }
                continue;
            }
            from += chunk.size();
            resumed += page.size();
            if (!page.isEmpty()) {
                processWithRetries(page);
            }
        }
        if (resumed > 0) {
            LOG.info("Resumed {} contact(s) that were stored but not yet processed", resumed);
        }
    }

    private void processWithRetries(List<AcceptedContact> batch) {
        List<AcceptedContact> unique = dedupe(batch);
        Duration wait = Duration.ofMillis(250);
        int conflicts = 0;
        while (stop.getCount() > 0) {
            try {
                publish(processing.process(unique));
                return;
            } catch (ProcessedElsewhere e) {
                // the rest again, without those: each time fewer, so this ends
                Set<Long> done = Set.copyOf(e.interactionIds());
                unique = unique.stream().filter(a -> !done.contains(a.interactionId())).toList();
                LOG.debug("{}; processing the rest of the batch again", e.getMessage());
                processing.clearCaches();
                if (unique.isEmpty()) {
                    return;
                }
            } catch (SQLException e) {
                if (Transactions.isUniqueViolation(e) && ++conflicts < CONFLICT_RETRIES) {
                    LOG.debug("Conflict with a concurrent writer; processing the batch again", e);
                    processing.clearCaches();
                    continue;
                }
                LOG.warn("The store failed while processing {} contact(s); retrying in {} ms: {}", unique.size(),
                        wait.toMillis(), e.getMessage());
                processing.clearCaches();
                if (await(wait)) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(MAX_OUTAGE_WAIT) > 0 ? MAX_OUTAGE_WAIT : wait.multipliedBy(2);
            } catch (RuntimeException e) {
                isolate(unique, e);
                return;
            }
        }
    }

    /** A batch failed on something other than the store: process one by one, and set aside what fails alone. */
    private void isolate(List<AcceptedContact> batch, RuntimeException failure) {
        processing.clearCaches();
        if (batch.size() == 1) {
            AcceptedContact a = batch.get(0);
            LOG.error("Contact {} (interaction {}) cannot be processed and is set aside as FAILED", a.contactId(),
                    a.interactionId(), failure);
            try {
                database.inTransaction(c -> {
                    ContactTable.markFailed(c, a.contactId(), failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                            clock.instant());
                    return null;
                });
                failed.incrementAndGet();
                Map<String, Object> props = new HashMap<>();
                props.put(EventProperties.CONTACT_ID, a.contactId());
                props.put(EventProperties.INTERACTION_ID, a.interactionId());
                props.put(EventProperties.ERROR, String.valueOf(failure.getMessage()));
                events.post(Topics.CONTACT_FAILED, props);
            } catch (SQLException e) {
                LOG.warn("Could not set contact {} aside: {}", a.contactId(), e.getMessage());
            }
            return;
        }
        for (AcceptedContact a : batch) {
            processWithRetries(List.of(a));
        }
    }

    private void publish(BatchProcessing.Processed batch) {
        List<BatchProcessing.Outcome> outcomes = batch.outcomes();
        if (outcomes.isEmpty()) {
            return;
        }
        processed.addAndGet(outcomes.size());
        List<QueuedItem> items = new ArrayList<>(outcomes.size());
        long now = System.currentTimeMillis();
        for (BatchProcessing.Outcome o : outcomes) {
            AcceptedContact a = o.accepted();
            if (o.newCustomer()) {
                events.post(Topics.CUSTOMER_CREATED, Map.of(EventProperties.CUSTOMER_ID, o.customerId(),
                        EventProperties.TIMESTAMP, now));
            }
            if (o.queued() || o.queueId() == null) {
                items.add(new QueuedItem(a.interactionId(), a.contact().channel(), a.contact().routing(), o.queueId(),
                        a.receivedAt(), a.originNanos(), a.contact().targetAgent(), o.offered()));
            }
            if (o.queued()) {
                Map<String, Object> props = new HashMap<>();
                props.put(EventProperties.INTERACTION_ID, a.interactionId());
                props.put(EventProperties.STATE, InteractionState.QUEUED.name());
                props.put(EventProperties.PREVIOUS_STATE, InteractionState.NEW.name());
                props.put(EventProperties.CHANNEL, a.contact().channel().id());
                props.put(EventProperties.QUEUE_ID, o.queueId());
                props.put(EventProperties.CUSTOMER_ID, o.customerId());
                props.put(EventProperties.CONVERSATION_ID, o.conversationId());
                props.put(EventProperties.TIMESTAMP, now);
                events.post(Topics.interaction(InteractionState.QUEUED), props);
            }
        }
        batch.opened().forEach(t -> events.postTicket(Topics.TICKET_OPENED, t.conversationId(), t.ticket(), now));
        routing.enqueued(items);
        if (batch.outboxCommands() > 0) {
            outbox.run();
        }
    }

    private static List<AcceptedContact> dedupe(List<AcceptedContact> batch) {
        Map<Long, AcceptedContact> byId = new LinkedHashMap<>();
        for (AcceptedContact a : batch) {
            byId.putIfAbsent(a.contactId(), a);
        }
        return byId.size() == batch.size() ? batch : List.copyOf(byId.values());
    }

    /** Waits, unless stopped first; returns whether it was stopped. */
    private boolean await(Duration duration) {
        try {
            return stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
