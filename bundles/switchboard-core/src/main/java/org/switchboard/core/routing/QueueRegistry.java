package org.switchboard.core.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.Channel;
import org.switchboard.api.Queue;
import org.switchboard.api.ServiceLevel;

/**
 * The configured queues, and the rule that picks one for a contact: the first queue (highest
 * priority first, then by id) whose entry points and channels match; otherwise the default queue.
 * The default queue ({@value #DEFAULT_ID}) always exists and takes everything; configuring a
 * queue with that id replaces its settings.
 */
public final class QueueRegistry {
    public static final String DEFAULT_ID = "default";
    static final Queue BUILT_IN_DEFAULT = new Queue(DEFAULT_ID, "Default", List.of(), java.util.Set.of(), java.util.Set.of(),
            0, ServiceLevel.DEFAULT, null);

    private volatile Map<String, Queue> byId = Map.of(DEFAULT_ID, BUILT_IN_DEFAULT);
    private volatile List<Queue> matchOrder = List.of();

    /** Replaces the configured queues. */
    public synchronized void configure(Collection<Queue> queues) {
        Map<String, Queue> map = new LinkedHashMap<>();
        map.put(DEFAULT_ID, BUILT_IN_DEFAULT);
        for (Queue q : queues) {
            map.put(q.id(), q);
        }
        List<Queue> order = new ArrayList<>(map.values());
        order.removeIf(q -> q.entryPoints().isEmpty());
        order.sort(Comparator.comparingInt(Queue::priority).reversed().thenComparing(Queue::id));
        this.byId = Map.copyOf(map);
        this.matchOrder = List.copyOf(order);
    }

    /** The queue a contact of this channel, come in on this entry point, waits in. */
    public String select(Channel channel, String entryPoint) {
        for (Queue q : matchOrder) {
            if (q.matches(channel, entryPoint)) {
                return q.id();
            }
        }
        return DEFAULT_ID;
    }

    public Optional<Queue> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every queue, the default one included, highest priority first. */
    public List<Queue> all() {
        List<Queue> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingInt(Queue::priority).reversed().thenComparing(Queue::id));
        return all;
    }
}
