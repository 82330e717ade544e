package org.switchboard.core.routing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.switchboard.api.Channel;
import org.switchboard.api.InteractionState;
import org.switchboard.api.RoutingMode;

/** A live interaction as routing sees it. Touched only on the routing thread. */
final class Tracked {
    final long id;
    final Channel channel;
    final RoutingMode routing;
    InteractionState state;
    String queueId;
    String agentId;
    Instant queuedAt;
    Instant offeredAt;
    long originNanos;
    final Set<String> declinedBy = new HashSet<>();
    ScheduledFuture<?> offerTimeout;

    Tracked(long id, Channel channel, RoutingMode routing, InteractionState state) {
        this.id = id;
        this.channel = channel;
        this.routing = routing;
        this.state = state;
    }

    /** The order in a queue: first come, first served. */
    WaitKey waitKey() {
        return new WaitKey(queuedAt == null ? 0 : queuedAt.toEpochMilli(), id);
    }

    void cancelOfferTimeout() {
        if (offerTimeout != null) {
            offerTimeout.cancel(false);
            offerTimeout = null;
        }
    }

    record WaitKey(long queuedAtMillis, long id) implements Comparable<WaitKey> {
        @Override
        public int compareTo(WaitKey o) {
            int c = Long.compare(queuedAtMillis, o.queuedAtMillis);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }
}
