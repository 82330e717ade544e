package org.switchboard.core.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.api.Channel;
import org.switchboard.api.spi.ChannelSender;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.DeliveryException;
import org.switchboard.api.spi.OutboundMessage;

/**
 * A channel that records what it was asked to send, refuses the first attempts when told to, and
 * delivers each idempotency key once (as a mail server that knows its Message-IDs would).
 */
public final class RecordingSender implements ChannelSender {
    private final Channel channel;
    private final List<OutboundMessage> delivered = new ArrayList<>();
    private final Map<String, String> sentIds = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private volatile boolean refuse;

    public RecordingSender(Channel channel) {
        this.channel = channel;
    }

    /** The next {@code n} attempts fail as a server that is down would. */
    public void failNext(int n) {
        failuresToCome.set(n);
    }

    /** Every attempt is refused for good, as a mailbox that does not exist would be. */
    public void refuseAll() {
        refuse = true;
    }

    public synchronized List<OutboundMessage> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public synchronized String send(OutboundMessage message) throws DeliveryException {
        if (refuse) {
            throw new DeliveryException(CrmException.Disposition.REJECT, "550 no such mailbox", null);
        }
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DeliveryException(CrmException.Disposition.RETRY, "421 service not available", null);
        }
        return sentIds.computeIfAbsent(message.idempotencyKey(), key -> {
            delivered.add(message);
            return "<reply-" + delivered.size() + "@" + (message.entryPoint() == null ? "switchboard" : message.entryPoint()) + ">";
        });
    }
}
