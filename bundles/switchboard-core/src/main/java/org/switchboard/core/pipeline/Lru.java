package org.switchboard.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded map that forgets the least recently used entry; not thread-safe. */
final class Lru<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    Lru(int capacity) {
        super(Math.min(capacity, 1 << 16), 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
