package org.switchboard.core.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.api.spi.CrmConnector;

/** The CRM connectors registered now, by id, in service ranking order. */
public final class CrmDirectory {
    private record Entry(CrmConnector connector, int ranking) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void add(CrmConnector connector, int ranking) {
        byId.put(connector.id(), new Entry(connector, ranking));
        listeners.forEach(Runnable::run);
    }

    public void remove(CrmConnector connector) {
        byId.computeIfPresent(connector.id(), (id, entry) -> entry.connector() == connector ? null : entry);
    }

    public Optional<CrmConnector> find(String id) {
        Entry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.connector());
    }

    /** Every connector, highest ranking first. */
    public List<CrmConnector> all() {
        List<Entry> entries = new ArrayList<>(byId.values());
        entries.sort(Comparator.comparingInt(Entry::ranking).reversed().thenComparing(e -> e.connector().id()));
        return entries.stream().map(Entry::connector).toList();
    }

    public Collection<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Runs {@code listener} whenever a connector arrives (e.g. to dispatch commands that waited for it). */
    public void onArrival(Runnable listener) {
        listeners.add(listener);
    }
}
