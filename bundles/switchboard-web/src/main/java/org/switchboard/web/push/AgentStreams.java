package org.switchboard.web.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every agent's event stream: what is published for an agent goes to that agent's open streams only,
 * each event with an id, and the latest ones are kept so that a stream reopened with
 * {@code Last-Event-ID} gets what it missed, in order, before anything new.
 */
final class AgentStreams {
    private final int replayFrames;
    private final int replayBytes;
    private final AtomicLong ids;
    private final Map<String, Agent> agents = new ConcurrentHashMap<>();

    private final class Agent {
        final FrameRing recent = new FrameRing(replayFrames, replayBytes);
        final Set<SseConnection> open = new CopyOnWriteArraySet<>();
    }

    /**
     * @param replayFrames how many of an agent's latest events are kept for replay
     * @param replayBytes  how many bytes of them at most
     * @param firstId      the id after which numbering starts (the start time keeps ids rising across restarts)
     */
    AgentStreams(int replayFrames, int replayBytes, long firstId) {
        this.replayFrames = replayFrames;
        this.replayBytes = replayBytes;
        this.ids = new AtomicLong(firstId);
    }

    /** Sends an event that is not measured to the agent's open streams and keeps it for replay; returns its id. */
    long publish(String agentId, String event, byte[] json) {
        return publish(agentId, event, json, 0, 0);
    }

    /**
     * Sends an event to the agent's open streams and keeps it for replay; returns its id.
     *
     * @param originNanos   when the request that caused it entered the JVM, 0 when unknown
     * @param receivedNanos when its event reached this bundle
     */
    long publish(String agentId, String event, byte[] json, long originNanos, long receivedNanos) {
        Agent agent = agents.computeIfAbsent(agentId, id -> new Agent());
        long id;
        byte[] frame;
        synchronized (agent) {
            id = ids.incrementAndGet();
            frame = SseFrames.frame(id, event, json);
            agent.recent.add(id, frame);
            for (SseConnection connection : agent.open) {
                connection.send(frame, originNanos, receivedNanos);
            }
        }
        return id;
    }

    /**
     * Adds a stream of the agent; first it gets the kept events newer than {@code lastEventId}
     * ({@code null}: a fresh stream, nothing replayed).
     */
    void open(String agentId, SseConnection connection, Long lastEventId) {
        Agent agent = agents.computeIfAbsent(agentId, id -> new Agent());
        synchronized (agent) {
            agent.open.add(connection);
            connection.send(SseFrames.opening());
            if (lastEventId != null) {
                agent.recent.forEachAfter(lastEventId, connection::send);
            }
        }
        connection.onClose(() -> agent.open.remove(connection));
        if (connection.isClosed()) {
            agent.open.remove(connection);
        }
    }

    int openStreams() {
        return agents.values().stream().mapToInt(a -> a.open.size()).sum();
    }

    List<SseConnection> all() {
        List<SseConnection> all = new ArrayList<>();
        agents.values().forEach(a -> all.addAll(a.open));
        return all;
    }
}
