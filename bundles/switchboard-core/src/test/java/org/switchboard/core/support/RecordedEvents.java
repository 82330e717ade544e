package org.switchboard.core.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.switchboard.core.events.Events;

/** Records what the core announces. */
public final class RecordedEvents implements Events {
    /** One announcement. */
    public record Posted(String topic, Map<String, Object> properties) {
    }

    private final ConcurrentLinkedQueue<Posted> posted = new ConcurrentLinkedQueue<>();

    @Override
    public void post(String topic, Map<String, Object> properties) {
        posted.add(new Posted(topic, Map.copyOf(properties)));
    }

    public List<Posted> on(String topic) {
        return posted.stream().filter(p -> p.topic().equals(topic)).toList();
    }

    public void clear() {
        posted.clear();
    }
}
