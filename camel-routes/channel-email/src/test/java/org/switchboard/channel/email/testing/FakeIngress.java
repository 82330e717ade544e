package org.switchboard.channel.email.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Receipt;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.StoreUnavailableException;

/**
 * The core's ingress as its contract describes it: idempotent on (channel, externalId), the first
 * receipt again marked duplicate. Can fail before storing, "crash" after storing (the contact is
 * committed but the caller never hears so), or hold callers at a gate.
 */
public final class FakeIngress implements ContactIngress {
    private final Map<String, Receipt> receipts = new ConcurrentHashMap<>();
    private final List<InboundContact> stored = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger failBeforeStore = new AtomicInteger();
    public final AtomicInteger crashAfterStore = new AtomicInteger();
    private volatile CountDownLatch gate;
    private volatile CountDownLatch atGate;
    private volatile int gateAfter;

    @Override
    public Receipt accept(InboundContact contact) {
        int call = calls.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null && call > gateAfter) {
            atGate.countDown();
            try {
                if (!g.await(30, TimeUnit.SECONDS)) {
                    throw new StoreUnavailableException("gate never opened", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted", e);
            }
        }
        if (failBeforeStore.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("store down", null);
        }
        String key = contact.channel().id() + ':' + contact.externalId();
        boolean[] fresh = {false};
        Receipt receipt = receipts.computeIfAbsent(key, k -> {
            fresh[0] = true;
            long id = ids.incrementAndGet();
            synchronized (stored) {
                stored.add(contact);
            }
            return new Receipt(id, id, false, Instant.now());
        });
        if (crashAfterStore.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("crashed after commit", null);
        }
        return fresh[0] ? receipt : receipt.asDuplicate();
    }

    /** Holds every call after the first {@code after} at a gate until {@link #openGate()}. */
    public CountDownLatch closeGate(int after) {
        gateAfter = after;
        atGate = new CountDownLatch(1);
        gate = new CountDownLatch(1);
        return atGate;
    }

    public void openGate() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** The contacts stored, once each, in order. */
    public List<InboundContact> contacts() {
        synchronized (stored) {
            return List.copyOf(stored);
        }
    }

    public InboundContact only() {
        List<InboundContact> all = contacts();
        if (all.size() != 1) {
            throw new AssertionError("expected one contact, got " + all.size());
        }
        return all.get(0);
    }

    public List<String> externalIds() {
        List<String> ids = new ArrayList<>();
        contacts().forEach(c -> ids.add(c.externalId()));
        return ids;
    }
}
