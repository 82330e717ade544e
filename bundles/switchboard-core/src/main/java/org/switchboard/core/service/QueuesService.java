package org.switchboard.core.service;

import java.util.List;
import java.util.Optional;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.service.Queues;
import org.switchboard.core.routing.RoutingEngine;

/** {@link Queues}, as routing knows them. */
public final class QueuesService implements Queues {
    private final RoutingEngine routing;

    public QueuesService(RoutingEngine routing) {
        this.routing = routing;
    }

    @Override
    public List<QueueStatus> list() {
        return routing.queueStatuses();
    }

    @Override
    public Optional<QueueStatus> find(String queueId) {
        return list().stream().filter(q -> q.queue().id().equals(queueId)).findFirst();
    }
}
