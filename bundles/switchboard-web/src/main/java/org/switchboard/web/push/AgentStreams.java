package org.switchboard.web.push;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    private final int replay;
    private final AtomicLong ids;
    private final Map<String, Agent> agents = new ConcurrentHashMap<>();

    private record Sent(long id, byte[] frame) {
    }

    private static final class Agent {
        final Deque<Sent> recent = new ArrayDeque<>();
        final Set<SseConnection> open = new CopyOnWriteArraySet<>();
    }

    /**
     * @param replay  how many of an agent's latest events are kept for replay
     * @param firstId the id after which numbering starts (the start time keeps ids rising across restarts)
     */
    AgentStreams(int replay, long firstId) {
        this.replay = replay;
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
            agent.recent.addLast(new Sent(id, frame));
            while (agent.recent.size() > replay) {
                agent.recent.removeFirst();
            }
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
                for (Sent sent : agent.recent) {
                    if (sent.id() > lastEventId) {
                        connection.send(sent.frame());
                    }
                }
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
