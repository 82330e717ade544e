package org.switchboard.core.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Address;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;

/**
 * Asks the CRMs who an unknown address belongs to, all at once and within a time budget, and
 * remembers the answers for a while. A CRM that is slow or down costs the budget once per address
 * and cache period, never more: the contact goes on without it.
 */
public final class CrmLookup {
    private static final Logger LOG = LoggerFactory.getLogger(CrmLookup.class);
    private static final int CACHE_SIZE = 50_000;

    private record Cached(List<CrmMatch> matches, Instant until) {
    }

    private final CrmDirectory crms;
    private final ExecutorService executor;
    private final Clock clock;
    private final Duration budget;
    private final Duration ttl;
    private final Map<Address, Cached> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Address, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public CrmLookup(CrmDirectory crms, ExecutorService executor, Clock clock, Duration budget, Duration ttl) {
        this.crms = crms;
        this.executor = executor;
        this.clock = clock;
        this.budget = budget;
        this.ttl = ttl;
    }

    /**
     * Matches for each address (each asked on its own, all connectors in parallel), from every
     * connector that answered within the budget; an address nobody knows maps to an empty list.
     * Answers are cached only when every connector answered.
     */
    public Map<Address, List<CrmMatch>> find(List<Address> addresses) {
        Map<Address, List<CrmMatch>> result = new LinkedHashMap<>();
        List<Address> unknown = new ArrayList<>();
        Instant now = clock.instant();
        synchronized (cache) {
            for (Address a : addresses) {
                Cached c = cache.get(a);
                if (c != null && c.until().isAfter(now)) {
                    result.put(a, c.matches());
                } else {
                    unknown.add(a);
                }
            }
        }
        List<CrmConnector> connectors = crms.all();
        if (unknown.isEmpty() || connectors.isEmpty()) {
            unknown.forEach(a -> result.put(a, List.of()));
            return result;
        }
        Map<Address, List<CompletableFuture<List<CrmMatch>>>> calls = new LinkedHashMap<>();
        for (Address a : unknown) {
            List<CompletableFuture<List<CrmMatch>>> perConnector = new ArrayList<>();
            for (CrmConnector connector : connectors) {
                perConnector.add(CompletableFuture.supplyAsync(() -> ask(connector, a), executor)
                        .completeOnTimeout(null, budget.toMillis(), TimeUnit.MILLISECONDS));
            }
            calls.put(a, perConnector);
        }
        Instant until = now.plus(ttl);
        for (Map.Entry<Address, List<CompletableFuture<List<CrmMatch>>>> e : calls.entrySet()) {
            List<CrmMatch> matches = new ArrayList<>();
            boolean complete = true;
            for (CompletableFuture<List<CrmMatch>> call : e.getValue()) {
                List<CrmMatch> answer = call.join();
                if (answer == null) {
                    complete = false;
                } else {
                    matches.addAll(answer);
                }
            }
            result.put(e.getKey(), List.copyOf(matches));
            if (complete) {
                synchronized (cache) {
                    cache.put(e.getKey(), new Cached(List.copyOf(matches), until));
                }
            }
        }
        return result;
    }

    /** Forgets what was learnt about this address (e.g. after a customer was created for it). */
    public void forget(Address address) {
        synchronized (cache) {
            cache.remove(address);
        }
    }

    private static List<CrmMatch> ask(CrmConnector connector, Address address) {
        try {
            return connector.findCustomers(List.of(address));
        } catch (CrmException | RuntimeException e) {
            LOG.warn("CRM {} could not look up a {} address: {}", connector.id(), address.kind(), e.getMessage());
            return List.of();
        }
    }
}
