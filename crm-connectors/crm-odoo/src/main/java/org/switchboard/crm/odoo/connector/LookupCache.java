package org.switchboard.crm.odoo.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.Address;
import org.switchboard.api.spi.CrmMatch;

/** Lookup answers per address, for a while, at most {@value #MAX_ENTRIES} of them (least recently used go first). */
final class LookupCache {
    static final int MAX_ENTRIES = 20_000;

    private record Entry(List<CrmMatch> matches, Instant until) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<Address, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Address, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    LookupCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    synchronized Optional<List<CrmMatch>> get(Address address) {
        Entry e = entries.get(address);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.until().isAfter(clock.instant())) {
            entries.remove(address);
            return Optional.empty();
        }
        return Optional.of(e.matches());
    }

    synchronized void put(Address address, List<CrmMatch> matches) {
        if (!ttl.isZero()) {
            entries.put(address, new Entry(List.copyOf(matches), clock.instant().plus(ttl)));
        }
    }
}
