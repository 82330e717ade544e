package org.switchboard.core.events;

import java.util.Map;

/**
 * Where the core announces what happened. In Karaf it is OSGi EventAdmin (asynchronous,
 * in order per poster); tests record. Called only after the change is committed.
 */
@FunctionalInterface
public interface Events {
    Events NONE = (topic, properties) -> { };

    void post(String topic, Map<String, Object> properties);
}
