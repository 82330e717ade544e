package org.switchboard.core.ingress;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Receipt;
import org.switchboard.api.spi.StoreUnavailableException;
import org.switchboard.core.store.AcceptedContact;
import org.switchboard.core.store.ContactTable;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.IdAllocator;
import org.switchboard.jdbc.Transactions;

/**
 * Stores accepted contacts with group commit: callers from any thread queue their contact and
 * wait; one writer thread stores everything that queued up meanwhile in one transaction and then
 * releases all of them. One caller alone waits for one commit; a thousand concurrent callers
 * share a few. A contact is handed on for processing only after its commit. A batch is inserted
 * without reading its keys first, since the unique key checks them anyway; when it meets a key
 * stored before, it is written again with its keys looked up, and so is the next batch.
 */
public final class ContactWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContactWriter.class);
    private static final int MAX_BATCH = 500;
    private static final int QUEUE_CAPACITY = 20_000;
    private static final long ENQUEUE_TIMEOUT_SECONDS = 10;
    private static final long COMMIT_TIMEOUT_SECONDS = 30;
    private static final int CONFLICT_RETRIES = 4;

    private record Request(InboundContact contact, long originNanos, CompletableFuture<Receipt> receipt) {
    }

    private final Database database;
    private final Clock clock;
    private final Consumer<List<AcceptedContact>> committed;
    private final IdAllocator contactIds = new IdAllocator("sb_contact_seq");
    private final IdAllocator interactionIds = new IdAllocator("sb_interaction_seq");
    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean running = true;
    /** Whether the last batch met a key stored before: then the next one looks its keys up first. */
    private boolean keysSeenLately;

    /**
     * @param committed receives every newly stored contact, after its commit, on the writer thread;
     *                  it must not block
     */
    public ContactWriter(Database database, Clock clock, Consumer<List<AcceptedContact>> committed) {
        this.database = database;
        this.clock = clock;
        this.committed = committed;
        this.writer = new Thread(this::run, "switchboard-contact-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Stores the contact, or finds the one stored before under its key; blocks until committed. */
    public Receipt write(InboundContact contact, long originNanos) {
        if (!running) {
            throw new StoreUnavailableException("Switchboard is stopping; try again shortly", null);
        }
        Request request = new Request(contact, originNanos, new CompletableFuture<>());
        try {
            if (!queue.offer(request, ENQUEUE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreUnavailableException("the store is overloaded; try again shortly", null);
            }
            return request.receipt().get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while storing the contact", e);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("the store did not commit within " + COMMIT_TIMEOUT_SECONDS
                    + " s; try again (a retry is safe: the contact is stored at most once)", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreUnavailableException("the store failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** How many contacts wait to be written now. */
    public int backlog() {
        return queue.size();
    }

    private void run() {
        List<Request> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("The contact writer failed on a batch of {} contacts", batch.size(), e);
                fail(batch, new StoreUnavailableException("the store failed: " + e.getMessage(), e));
            } finally {
                batch.clear();
            }
        }
        Request left;
        while ((left = queue.poll()) != null) {
            left.receipt().completeExceptionally(new StoreUnavailableException("Switchboard is stopping; try again shortly", null));
        }
    }

    private void write(List<Request> batch) {
        boolean lookUp = keysSeenLately;
        for (int attempt = 1; ; attempt++) {
            try {
                keysSeenLately = writeOnce(batch, lookUp);
                return;
            } catch (SQLException e) {
                if (Transactions.isUniqueViolation(e) && attempt < CONFLICT_RETRIES) {
                    // a key stored before (a source delivering again), or by another node a moment ago:
                    // look the keys up this time, and answer those as duplicates
                    LOG.debug("Contact key conflict, writing the batch again with its keys looked up", e);
                    lookUp = true;
                    continue;
                }
                LOG.error("Could not store {} contact(s): {}", batch.size(), e.getMessage(), e);
                fail(batch, new StoreUnavailableException("the store could not commit: " + e.getMessage(), e));
                return;
            }
        }
    }

    /**
     * Writes the batch in one transaction. With {@code lookUp}, the keys stored before are read
     * first and answered as duplicates; without, the batch is inserted straight away (the unique key
     * refuses a key stored before, and the caller writes again with {@code lookUp}).
     *
     * @return whether a key of the batch was stored before
     */
    private boolean writeOnce(List<Request> batch, boolean lookUp) throws SQLException {
        Instant now = clock.instant();
        Map<String, Request> firstByKey = new LinkedHashMap<>();
        for (Request r : batch) {
            firstByKey.putIfAbsent(ContactTable.key(r.contact().channel(), r.contact().externalId()), r);
        }
        Map<String, Receipt> receipts = new LinkedHashMap<>();
        Map<String, Receipt> existing = new LinkedHashMap<>();
        List<AcceptedContact> stored = database.inTransaction(c -> {
            if (lookUp) {
                existing.putAll(ContactTable.findReceipts(c, firstByKey.values().stream().map(Request::contact).toList()));
            }
            List<AcceptedContact> fresh = new ArrayList<>();
            for (Map.Entry<String, Request> e : firstByKey.entrySet()) {
                Receipt before = existing.get(e.getKey());
                if (before != null) {
                    receipts.put(e.getKey(), before);
                    continue;
                }
                AcceptedContact a = new AcceptedContact(contactIds.next(c), interactionIds.next(c), e.getValue().contact(),
                        now, e.getValue().originNanos());
                fresh.add(a);
                receipts.put(e.getKey(), new Receipt(a.interactionId(), a.contactId(), false, now));
            }
            if (!fresh.isEmpty()) {
                ContactTable.insert(c, fresh);
            }
            return fresh;
        });
        for (Request r : batch) {
            String key = ContactTable.key(r.contact().channel(), r.contact().externalId());
            Receipt receipt = receipts.get(key);
            r.receipt().complete(firstByKey.get(key) == r ? receipt : receipt.asDuplicate());
        }
        if (!stored.isEmpty()) {
            committed.accept(stored);
        }
        return !existing.isEmpty();
    }

    private static void fail(List<Request> batch, RuntimeException failure) {
        for (Request r : batch) {
            r.receipt().completeExceptionally(failure);
        }
    }

    /** Stops taking contacts, writes what is queued, and waits for the writer to finish. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(COMMIT_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
