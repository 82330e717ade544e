package org.switchboard.core.events;

import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** {@link Events} on OSGi EventAdmin's asynchronous delivery. */
public final class EventAdminEvents implements Events {
    private volatile EventAdmin eventAdmin;

    public void bind(EventAdmin admin) {
        this.eventAdmin = admin;
    }

    public void unbind(EventAdmin admin) {
        if (this.eventAdmin == admin) {
            this.eventAdmin = null;
        }
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }
}
