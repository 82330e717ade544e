package org.switchboard.crm.suitecrm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.Address;
import org.switchboard.api.spi.CrmMatch;

/** What lookups answered, per address, for a while; the least recently used entries go first when it is full. */
final class LookupCache {
    private record Entry(List<CrmMatch> matches, Instant until) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<Address, Entry> entries;

    LookupCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Address, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<List<CrmMatch>> get(Address address) {
        Entry entry = entries.get(address);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(address);
            return Optional.empty();
        }
        return Optional.of(entry.matches());
    }

    synchronized void put(Address address, List<CrmMatch> matches) {
        if (!ttl.isZero()) {
            entries.put(address, new Entry(List.copyOf(matches), clock.instant().plus(ttl)));
        }
    }
}
