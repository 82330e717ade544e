package org.switchboard.core.outbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.api.Channel;
import org.switchboard.api.spi.ChannelSender;

/**
 * The channel senders registered now. A reply goes out through the sender of its channel that was
 * registered for the conversation's entry point (the mailbox, the bot); when none was, through the
 * channel's sender registered for no entry point in particular, highest ranking first.
 */
public final class ChannelSenders {
    private record Entry(ChannelSender sender, String entryPoint, int ranking) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** @param entryPoint the service's {@link ChannelSender#ENTRY_POINT_PROPERTY}, or {@code null} */
    public void add(ChannelSender sender, String entryPoint, int ranking) {
        entries.add(new Entry(sender, entryPoint == null || entryPoint.isBlank() ? null : entryPoint.strip(), ranking));
        listeners.forEach(Runnable::run);
    }

    public void remove(ChannelSender sender) {
        entries.removeIf(e -> e.sender() == sender);
    }

    /** The sender for a reply on {@code channel} to a conversation that came in on {@code entryPoint}. */
    public Optional<ChannelSender> find(Channel channel, String entryPoint) {
        List<Entry> candidates = new ArrayList<>();
        for (Entry e : entries) {
            if (e.sender().channel().equals(channel)) {
                candidates.add(e);
            }
        }
        candidates.sort(Comparator.comparingInt(Entry::ranking).reversed());
        if (entryPoint != null) {
            for (Entry e : candidates) {
                if (entryPoint.equalsIgnoreCase(e.entryPoint())) {
                    return Optional.of(e.sender());
                }
            }
        }
        return candidates.stream().filter(e -> e.entryPoint() == null).map(Entry::sender).findFirst();
    }

    /** Runs {@code listener} whenever a sender arrives (to send the replies that waited for it). */
    public void onArrival(Runnable listener) {
        listeners.add(listener);
    }
}
