package org.switchboard.core.routing;

import static org.switchboard.core.store.InteractionTable.values;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Agent;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Channel;
import org.switchboard.api.ConflictException;
import org.switchboard.api.EndReason;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.Presence;
import org.switchboard.api.Queue;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.RoutingMode;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.spi.StoreUnavailableException;
import org.switchboard.core.Threads;
import org.switchboard.core.events.Events;
import org.switchboard.core.store.ContactTable;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.InteractionTable;
import org.switchboard.core.store.PresenceTable;
import org.switchboard.core.store.SqlWork;

/**
 * The automatic call distributor. It owns every live interaction (queued, offered, active, in
 * wrap-up) and every agent's presence and load, on one thread, so that no two decisions race.
 * Whenever something changes (a contact queued, an agent became available, an interaction
 * closed) it offers waiting contacts to agents: highest queue priority first, then the longest
 * waiting; to an agent who is available, has the queue's skills and room on that channel, least
 * busy first and then the one idle the longest. An offer not taken within the offer timeout goes
 * back to the queue and the agent is set away (redirect on no answer).
 *
 * <p>A contact an agent is free for is offered by processing, in the transaction that queues it
 * ({@link Router}): routing picks the agent as above, holds the room until that commit, and then
 * follows, announces and pops the offer as if it had made it itself.
 *
 * <p>Every change is committed before it is announced; if the store fails, the change is not made
 * and a periodic pass tries again. Interactions that the channel routes itself
 * ({@link RoutingMode#EXTERNAL}) are followed, counted and popped, never offered.
 */
public final class RoutingEngine implements Router, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingEngine.class);
    private static final int SCAN_LIMIT = 200;
    private static final long CALL_TIMEOUT_SECONDS = 15;
    /** How long processing waits for agents before it queues its contacts the usual way. */
    private static final long RESERVE_TIMEOUT_MILLIS = 200;
    private static final Duration SAFETY_PASS = Duration.ofSeconds(5);
    static final String MISSED_OFFER_REASON = "Did not answer an offer";
    static final String DEFAULT_AWAY_REASON = "Away";

    private final Database database;
    private final Clock clock;
    private final Events events;
    private final QueueRegistry queues;
    private final PopPublisher pops;
    private final Duration offerTimeout;
    private final ScheduledExecutorService actor;

    // routing-thread state
    private final Map<String, AgentState> agents = new LinkedHashMap<>();
    private final Map<String, PresenceTable.Row> storedPresence = new HashMap<>();
    private final Map<Long, Tracked> live = new HashMap<>();
    private final Map<String, NavigableMap<Tracked.WaitKey, Tracked>> waiting = new HashMap<>();
    /** Agents held for interactions that processing is offering in its own transaction, by interaction. */
    private final Map<Long, Reservation> reserved = new HashMap<>();
    private boolean recovered;
    /**
     * Whether an agent was available at the last routing pass, read by processing's threads: with
     * nobody available they do not wait for the routing thread to reserve no one.
     */
    private volatile boolean anyoneAvailable;

    /**
     * @param offerTimeout how long an agent may leave an offer unanswered; zero for no limit
     */
    public RoutingEngine(Database database, Clock clock, Events events, QueueRegistry queues, PopPublisher pops,
                         Duration offerTimeout) {
        this.database = database;
        this.clock = clock;
        this.events = events;
        this.queues = queues;
        this.pops = pops;
        this.offerTimeout = offerTimeout;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, Threads.daemon("switchboard-routing"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        this.actor = executor;
    }

    /** Loads presence and live interactions from the store, then routes. */
    public void start() {
        actor.execute(this::recover);
        actor.scheduleWithFixedDelay(this::safetyPass, SAFETY_PASS.toMillis(), SAFETY_PASS.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- configuration

    /** Replaces the configured agents; presence is kept for agents that stay. */
    public void configureAgents(Collection<Agent> configured) {
        actor.execute(() -> {
            Map<String, Agent> byId = new LinkedHashMap<>();
            configured.forEach(a -> byId.put(a.id(), a));
            agents.keySet().removeIf(id -> !byId.containsKey(id));
            for (Agent a : byId.values()) {
                AgentState state = agents.get(a.id());
                if (state != null) {
                    state.agent = a;
                } else {
                    agents.put(a.id(), newAgentState(a));
                }
            }
            if (recovered) {
                reattachLoads();
                dispatch();
            }
        });
    }

    /** The queue configuration changed (see {@link QueueRegistry}). */
    public void queuesChanged() {
        actor.execute(this::dispatch);
    }

    // ---------------------------------------------------------------- from the pipeline

    private record Reservation(String agentId, Channel channel) {
    }

    @Override
    public Map<Long, String> reserve(List<QueuedItem> candidates) {
        if (candidates.isEmpty() || !anyoneAvailable) {
            return Map.of();
        }
        Future<Map<Long, String>> future;
        try {
            future = actor.submit(() -> reserveNow(candidates));
        } catch (RejectedExecutionException e) {
            return Map.of(); // stopping
        }
        try {
            return future.get(RESERVE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.debug("Routing was busy; {} contact(s) are queued the usual way", candidates.size());
        } catch (ExecutionException e) {
            LOG.warn("Routing could not reserve agents; the contacts are queued the usual way", e.getCause());
        }
        // if it runs after all, this runs after it and gives the agents back
        future.cancel(false);
        release(candidates.stream().map(QueuedItem::interactionId).toList());
        return Map.of();
    }

    private Map<Long, String> reserveNow(List<QueuedItem> candidates) {
        if (!recovered) {
            return Map.of();
        }
        Map<Long, String> result = new HashMap<>();
        for (QueuedItem item : candidates) {
            long id = item.interactionId();
            if (item.routing() != RoutingMode.CORE || item.targetAgent() != null || item.queueId() == null
                    || live.containsKey(id) || reserved.containsKey(id) || othersWaitIn(item.queueId())) {
                continue;
            }
            Optional<Queue> queue = queues.find(item.queueId());
            AgentState best = queue.isEmpty() ? null : bestAgent(item.channel(), queue.get(), Set.of());
            if (best != null) {
                best.assign(id, item.channel());
                reserved.put(id, new Reservation(best.agent.id(), item.channel()));
                result.put(id, best.agent.id());
            }
        }
        return result;
    }

    private boolean othersWaitIn(String queueId) {
        NavigableMap<Tracked.WaitKey, Tracked> w = waiting.get(queueId);
        return w != null && w.values().stream().anyMatch(t -> t.routing == RoutingMode.CORE);
    }

    @Override
    public void release(Collection<Long> interactionIds) {
        if (interactionIds.isEmpty()) {
            return;
        }
        try {
            actor.execute(() -> {
                boolean freed = false;
                for (long id : interactionIds) {
                    freed |= unreserve(id);
                }
                if (freed) {
                    dispatch();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Routing has stopped; nothing to give back");
        }
    }

    /** Gives an unused reservation's room back; returns whether there was one. */
    private boolean unreserve(long id) {
        Reservation r = reserved.remove(id);
        if (r == null) {
            return false;
        }
        AgentState a = agents.get(r.agentId());
        if (a != null && !live.containsKey(id)) {
            a.release(id, r.channel(), a.idleSince);
        }
        return true;
    }

    /** Interactions that processing put in a queue or offered (or identified, for channel-routed ones). */
    @Override
    public void enqueued(List<QueuedItem> items) {
        actor.execute(() -> {
            Instant now = clock.instant();
            for (QueuedItem item : items) {
                if (item.offered() != null) {
                    reserved.remove(item.interactionId());
                    offeredInProcessing(item, now);
                    continue;
                }
                Tracked known = live.get(item.interactionId());
                if (item.targetAgent() != null && offerToTarget(item, known)) {
                    continue;
                }
                if (item.routing() == RoutingMode.EXTERNAL) {
                    if (known != null && known.agentId != null
                            && (known.state == InteractionState.OFFERED || known.state == InteractionState.ACTIVE)) {
                        // the channel rang an agent before the customer was identified: pop again, complete
                        pops.publish(known.agentId, known.id, item.originNanos());
                    }
                    continue;
                }
                if (known != null) {
                    continue;
                }
                Tracked t = new Tracked(item.interactionId(), item.channel(), RoutingMode.CORE, InteractionState.QUEUED);
                t.queueId = item.queueId();
                t.queuedAt = item.queuedAt();
                t.originNanos = item.originNanos();
                live.put(t.id, t);
                waitIn(t);
            }
            dispatch();
        });
    }

    /** Follows an offer that the processing transaction committed to the agent reserved for it, and pops it. */
    private void offeredInProcessing(QueuedItem item, Instant now) {
        Interaction offered = item.offered();
        Tracked t = new Tracked(item.interactionId(), item.channel(), RoutingMode.CORE, InteractionState.OFFERED);
        t.queueId = offered.queueId();
        t.queuedAt = item.queuedAt();
        t.agentId = offered.agentId();
        t.offeredAt = offered.offeredAt();
        t.originNanos = item.originNanos();
        live.put(t.id, t);
        AgentState a = agents.get(t.agentId);
        if (a != null) {
            a.assign(t.id, t.channel);
        }
        announce(offered, InteractionState.QUEUED);
        if (a == null || a.presence == Presence.OFFLINE) {
            // signed off (or removed) since the reservation: back to the queue, as for their other offers
            requeue(t, a, now);
            return;
        }
        scheduleOfferTimeout(t, t.offeredAt);
        pops.publish(t.agentId, t.id, t.originNanos);
    }

    /**
     * Offers an interaction its agent started (an outbound call) to that agent directly: no queue, even at
     * capacity. Returns whether it was dealt with; a core-routed one whose agent routing does not know waits
     * in its queue instead.
     */
    private boolean offerToTarget(QueuedItem item, Tracked known) {
        if (known != null && known.state != InteractionState.NEW && known.state != InteractionState.QUEUED) {
            return false;
        }
        AgentState a = agents.get(item.targetAgent());
        if (a == null && item.routing() == RoutingMode.CORE) {
            return false;
        }
        Tracked t = known;
        if (t == null) {
            t = new Tracked(item.interactionId(), item.channel(), item.routing(),
                    item.routing() == RoutingMode.CORE ? InteractionState.QUEUED : InteractionState.NEW);
            t.queueId = item.queueId();
            t.queuedAt = item.queuedAt();
            t.originNanos = item.originNanos();
            live.put(t.id, t);
        }
        Instant now = clock.instant();
        Interaction after = transition(t, EnumSet.of(InteractionState.NEW, InteractionState.QUEUED), InteractionState.OFFERED,
                values("state", InteractionState.OFFERED, "agent_id", item.targetAgent(), "offered_at", now));
        if (after == null) {
            return true;
        }
        t.offeredAt = now;
        if (a != null) {
            a.assign(t.id, t.channel);
        }
        if (t.routing == RoutingMode.CORE) {
            scheduleOfferTimeout(t, now);
        }
        pops.publish(item.targetAgent(), t.id, t.originNanos);
        return true;
    }

    // ---------------------------------------------------------------- agents' actions

    public AgentStatus setPresence(String agentId, Presence presence, String reason) {
        return call(() -> {
            AgentState a = agent(agentId);
            Instant now = clock.instant();
            String why = presence == Presence.AWAY ? (reason == null || reason.isBlank() ? DEFAULT_AWAY_REASON : reason.strip()) : null;
            if (a.presence == presence && java.util.Objects.equals(a.reason, why)) {
                return a.status();
            }
            changePresence(a, presence, why, now);
            if (presence == Presence.OFFLINE) {
                for (Tracked t : new ArrayList<>(live.values())) {
                    if (t.state == InteractionState.OFFERED && agentId.equals(t.agentId) && t.routing == RoutingMode.CORE) {
                        requeue(t, a, now);
                    }
                }
            }
            dispatch();
            return a.status();
        });
    }

    public Interaction accept(long id, String agentId) {
        return call(() -> {
            Tracked t = trackedFor(id, agentId, EnumSet.of(InteractionState.OFFERED), "accept");
            Instant now = clock.instant();
            Interaction after = transition(t, EnumSet.of(InteractionState.OFFERED), InteractionState.ACTIVE,
                    values("state", InteractionState.ACTIVE, "answered_at", now));
            t.cancelOfferTimeout();
            return after;
        });
    }

    public Interaction decline(long id, String agentId) {
        return call(() -> {
            Tracked t = trackedFor(id, agentId, EnumSet.of(InteractionState.OFFERED), "decline");
            if (t.routing != RoutingMode.CORE) {
                throw new ConflictException("Interaction " + id + " is routed by its channel; it cannot be declined here");
            }
            Interaction after = requeue(t, agents.get(agentId), clock.instant());
            dispatch();
            return after;
        });
    }

    public Interaction finish(long id, String agentId) {
        return call(() -> {
            Tracked t = trackedFor(id, agentId, EnumSet.of(InteractionState.ACTIVE), "finish");
            Instant now = clock.instant();
            return transition(t, EnumSet.of(InteractionState.ACTIVE), InteractionState.WRAP_UP,
                    values("state", InteractionState.WRAP_UP, "ended_at", now, "end_reason", EndReason.COMPLETED));
        });
    }

    public Interaction close(long id, String agentId, String disposition) {
        return call(() -> {
            Tracked t = trackedFor(id, agentId, EnumSet.of(InteractionState.ACTIVE, InteractionState.WRAP_UP), "close");
            Instant now = clock.instant();
            Map<String, Object> values = values("state", InteractionState.CLOSED, "closed_at", now, "disposition",
                    disposition == null || disposition.isBlank() ? null : disposition.strip());
            if (t.state == InteractionState.ACTIVE) {
                values.put("ended_at", now);
                values.put("end_reason", EndReason.COMPLETED);
            }
            Interaction after = transition(t, EnumSet.of(InteractionState.ACTIVE, InteractionState.WRAP_UP),
                    InteractionState.CLOSED, values);
            dispatch();
            return after;
        });
    }

    // ---------------------------------------------------------------- a channel's own routing

    public void externalQueued(long id, String queueId, Instant at) {
        call(() -> {
            Tracked t = trackedExternal(id);
            if (t.state == InteractionState.NEW || t.state == InteractionState.QUEUED) {
                unwait(t);
                Interaction after = transition(t, EnumSet.of(InteractionState.NEW, InteractionState.QUEUED),
                        InteractionState.QUEUED, values("state", InteractionState.QUEUED, "queue_id", queueId, "queued_at", at));
                if (after != null) {
                    waitIn(t);
                }
            }
            return null;
        });
    }

    public void externalAnnotated(long id, Map<String, String> details, Instant at) {
        call(() -> {
            Tracked t = trackedExternal(id);
            List<String> dropped = persist(c -> ContactTable.mergeMetadata(c, id, details));
            if (!dropped.isEmpty()) {
                LOG.warn("Interaction {}: {} detail(s) left out (too many, too long or empty): {}", id, dropped.size(), dropped);
            }
            if (t.agentId != null && (t.state == InteractionState.OFFERED || t.state == InteractionState.ACTIVE)) {
                pops.publish(t.agentId, id, 0);
            }
            return null;
        });
    }

    public void externalOffered(long id, String agentId, Instant at) {
        call(() -> {
            Tracked t = trackedExternal(id);
            if (agentId.equals(t.agentId) && t.state == InteractionState.OFFERED) {
                return null;
            }
            EnumSet<InteractionState> from = EnumSet.of(InteractionState.NEW, InteractionState.QUEUED, InteractionState.OFFERED);
            if (!from.contains(t.state)) {
                LOG.debug("Ignoring offer of interaction {} in state {}", id, t.state);
                return null;
            }
            AgentState previous = t.agentId == null ? null : agents.get(t.agentId);
            Interaction after = transition(t, from, InteractionState.OFFERED,
                    values("state", InteractionState.OFFERED, "agent_id", agentId, "offered_at", at));
            if (after != null) {
                unwait(t);
                if (previous != null) {
                    previous.release(t.id, t.channel, at);
                }
                AgentState a = agents.get(agentId);
                if (a != null) {
                    a.assign(t.id, t.channel);
                }
                pops.publish(agentId, id, t.originNanos);
            }
            return null;
        });
    }

    public void externalAnswered(long id, String agentId, Instant at) {
        call(() -> {
            Tracked t = trackedExternal(id);
            EnumSet<InteractionState> from = EnumSet.of(InteractionState.NEW, InteractionState.QUEUED, InteractionState.OFFERED);
            if (!from.contains(t.state)) {
                LOG.debug("Ignoring answer of interaction {} in state {}", id, t.state);
                return null;
            }
            boolean popped = agentId.equals(t.agentId);
            AgentState previous = t.agentId == null ? null : agents.get(t.agentId);
            Interaction after = transition(t, from, InteractionState.ACTIVE,
                    values("state", InteractionState.ACTIVE, "agent_id", agentId, "answered_at", at));
            if (after != null) {
                unwait(t);
                if (previous != null && !popped) {
                    previous.release(t.id, t.channel, at);
                }
                AgentState a = agents.get(agentId);
                if (a != null) {
                    a.assign(t.id, t.channel);
                }
                if (!popped) {
                    pops.publish(agentId, id, t.originNanos);
                }
            }
            return null;
        });
    }

    public void externalTransferred(long id, String toAgentId, Instant at) {
        call(() -> {
            Tracked t = trackedExternal(id);
            if (toAgentId.equals(t.agentId) || t.state.isFinal() || t.state == InteractionState.NEW) {
                return null;
            }
            AgentState previous = t.agentId == null ? null : agents.get(t.agentId);
            Interaction after = transition(t, EnumSet.of(t.state), t.state, values("agent_id", toAgentId));
            if (after != null) {
                if (previous != null) {
                    previous.release(t.id, t.channel, at);
                }
                AgentState a = agents.get(toAgentId);
                if (a != null) {
                    a.assign(t.id, t.channel);
                }
                pops.publish(toAgentId, id, t.originNanos);
            }
            return null;
        });
    }

    public void externalEnded(long id, EndReason reason, Instant at) {
        call(() -> {
            Tracked t = trackedExternal(id);
            if (t.state.isFinal() || t.state == InteractionState.WRAP_UP) {
                return null;
            }
            InteractionState target;
            if (t.state == InteractionState.ACTIVE) {
                target = reason == EndReason.COMPLETED ? InteractionState.WRAP_UP : InteractionState.CLOSED;
            } else {
                target = reason == EndReason.ABANDONED ? InteractionState.ABANDONED : InteractionState.MISSED;
            }
            Map<String, Object> values = values("state", target, "ended_at", at, "end_reason", reason);
            if (target.isFinal()) {
                values.put("closed_at", at);
            }
            transition(t, EnumSet.of(t.state), target, values);
            return null;
        });
    }

    // ---------------------------------------------------------------- views

    public List<AgentStatus> agents() {
        return call(() -> agents.values().stream().map(AgentState::status).toList());
    }

    public Optional<AgentStatus> agent(String agentId, boolean byLogin) {
        return call(() -> agents.values().stream()
                .filter(a -> byLogin ? a.agent.login().equals(agentId) : a.agent.id().equals(agentId))
                .findFirst().map(AgentState::status));
    }

    public List<QueueStatus> queueStatuses() {
        return call(() -> {
            Instant now = clock.instant();
            Map<String, int[]> counts = new HashMap<>();
            for (Tracked t : live.values()) {
                if (t.queueId == null) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(t.queueId, k -> new int[3]);
                switch (t.state) {
                    case OFFERED -> c[1]++;
                    case ACTIVE, WRAP_UP -> c[2]++;
                    default -> { }
                }
            }
            List<QueueStatus> result = new ArrayList<>();
            for (Queue q : queues.all()) {
                NavigableMap<Tracked.WaitKey, Tracked> w = waiting.getOrDefault(q.id(), new TreeMap<>());
                Duration longest = w.isEmpty() ? Duration.ZERO
                        : Duration.ofMillis(Math.max(0, now.toEpochMilli() - w.firstKey().queuedAtMillis()));
                int available = 0;
                int signedIn = 0;
                for (AgentState a : agents.values()) {
                    if (!a.serves(q) || a.presence == Presence.OFFLINE) {
                        continue;
                    }
                    signedIn++;
                    if (a.presence == Presence.AVAILABLE) {
                        available++;
                    }
                }
                int[] c = counts.getOrDefault(q.id(), new int[3]);
                result.add(new QueueStatus(q, w.size(), c[1], c[2], longest, available, signedIn));
            }
            return result;
        });
    }

    // ---------------------------------------------------------------- the routing thread

    private void recover() {
        try {
            database.read(c -> {
                storedPresence.putAll(PresenceTable.all(c));
                for (InteractionTable.Live l : InteractionTable.live(c)) {
                    Interaction i = l.interaction();
                    Tracked t = new Tracked(i.id(), i.channel(), l.routing(), i.state());
                    t.queueId = i.queueId();
                    t.agentId = i.agentId();
                    t.queuedAt = i.queuedAt() != null ? i.queuedAt() : i.createdAt();
                    t.offeredAt = i.offeredAt();
                    live.put(t.id, t);
                    if (t.state == InteractionState.QUEUED) {
                        waitIn(t);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            LOG.error("Routing could not load its state from the store; retrying in {} s: {}", SAFETY_PASS.toSeconds(), e.getMessage());
            return;
        }
        for (AgentState a : agents.values()) {
            PresenceTable.Row row = storedPresence.get(a.agent.id());
            if (row != null) {
                a.presence = row.presence();
                a.reason = row.reason();
                a.since = row.since();
                a.idleSince = row.idleSince();
            }
        }
        recovered = true;
        reattachLoads();
        Instant now = clock.instant();
        for (Tracked t : live.values()) {
            if (t.state == InteractionState.OFFERED && t.routing == RoutingMode.CORE) {
                scheduleOfferTimeout(t, now);
            }
        }
        LOG.info("Routing resumed {} live interaction(s) and {} agent(s)", live.size(), agents.size());
        dispatch();
    }

    private void safetyPass() {
        try {
            if (!recovered) {
                recover();
            } else {
                dispatch();
            }
        } catch (RuntimeException e) {
            LOG.error("Routing pass failed", e);
        }
    }

    /** Recounts each agent's load from the live interactions (after a restart or a configuration change). */
    private void reattachLoads() {
        reserved.forEach((id, r) -> {
            AgentState a = agents.get(r.agentId());
            if (a != null) {
                a.assign(id, r.channel());
            }
        });
        for (Tracked t : live.values()) {
            if (t.agentId != null && EnumSet.of(InteractionState.OFFERED, InteractionState.ACTIVE, InteractionState.WRAP_UP)
                    .contains(t.state)) {
                AgentState a = agents.get(t.agentId);
                if (a != null) {
                    a.assign(t.id, t.channel);
                }
            }
        }
    }

    private AgentState newAgentState(Agent agent) {
        PresenceTable.Row row = storedPresence.get(agent.id());
        if (row != null) {
            return new AgentState(agent, row.presence(), row.reason(), row.since(), row.idleSince());
        }
        return new AgentState(agent, Presence.OFFLINE, null, clock.instant(), null);
    }

    /** Offers waiting contacts to agents with room, as long as there are both. */
    private void dispatch() {
        anyoneAvailable = recovered && agents.values().stream().anyMatch(a -> a.presence == Presence.AVAILABLE);
        if (!anyoneAvailable) {
            return;
        }
        List<Tracked> candidates = new ArrayList<>();
        Map<String, Queue> queueOf = new HashMap<>();
        boolean truncated = false;
        for (Map.Entry<String, NavigableMap<Tracked.WaitKey, Tracked>> e : waiting.entrySet()) {
            Optional<Queue> queue = queues.find(e.getKey());
            if (queue.isEmpty()) {
                continue;
            }
            queueOf.put(e.getKey(), queue.get());
            int scanned = 0;
            for (Tracked t : e.getValue().values()) {
                if (t.routing == RoutingMode.CORE) {
                    candidates.add(t);
                }
                if (++scanned >= SCAN_LIMIT) {
                    truncated = scanned < e.getValue().size();
                    break;
                }
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        candidates.sort(Comparator.<Tracked>comparingInt(t -> -queueOf.get(t.queueId).priority()).thenComparing(Tracked::waitKey));
        List<Offer> offers = new ArrayList<>();
        for (Tracked t : candidates) {
            AgentState best = bestAgent(t.channel, queueOf.get(t.queueId), t.declinedBy);
            if (best != null) {
                best.assign(t.id, t.channel);
                offers.add(new Offer(t, best));
            }
        }
        if (!offers.isEmpty()) {
            offer(offers);
            if (truncated) {
                // more wait behind the ones scanned: go on, but let other routing work in between
                actor.execute(this::dispatch);
            }
        }
    }

    /** The agent to offer a contact of this channel and queue to now, or {@code null}. */
    private AgentState bestAgent(Channel channel, Queue queue, Set<String> declinedBy) {
        AgentState best = null;
        for (AgentState a : agents.values()) {
            if (a.canTake(channel) && a.serves(queue) && !declinedBy.contains(a.agent.id())
                    && (best == null || a.compareForOffer(best) < 0)) {
                best = a;
            }
        }
        return best;
    }

    private record Offer(Tracked tracked, AgentState agent) {
    }

    private void offer(List<Offer> offers) {
        Instant now = clock.instant();
        List<Interaction> after;
        try {
            after = database.inTransaction(c -> {
                List<Long> changed = new ArrayList<>();
                for (Offer o : offers) {
                    if (InteractionTable.update(c, o.tracked().id, EnumSet.of(InteractionState.QUEUED),
                            values("state", InteractionState.OFFERED, "agent_id", o.agent().agent.id(), "offered_at", now))) {
                        changed.add(o.tracked().id);
                    }
                }
                Map<Long, Interaction> read = InteractionTable.find(c, changed);
                return offers.stream().map(o -> read.get(o.tracked().id)).toList();
            });
        } catch (SQLException e) {
            LOG.warn("Could not record {} offer(s), will retry: {}", offers.size(), e.getMessage());
            offers.forEach(o -> o.agent().release(o.tracked().id, o.tracked().channel, o.agent().idleSince));
            return;
        }
        for (int i = 0; i < offers.size(); i++) {
            Offer o = offers.get(i);
            Tracked t = o.tracked();
            Interaction interaction = after.get(i);
            if (interaction == null) {
                // changed behind routing's back: forget it, the store is right
                o.agent().release(t.id, t.channel, now);
                unwait(t);
                live.remove(t.id);
                continue;
            }
            unwait(t);
            InteractionState previous = t.state;
            t.state = InteractionState.OFFERED;
            t.agentId = o.agent().agent.id();
            t.offeredAt = now;
            scheduleOfferTimeout(t, now);
            announce(interaction, previous);
            pops.publish(t.agentId, t.id, t.originNanos);
        }
    }

    private void scheduleOfferTimeout(Tracked t, Instant offeredAt) {
        if (offerTimeout.isZero() || offerTimeout.isNegative()) {
            return;
        }
        String agentId = t.agentId;
        t.offerTimeout = actor.schedule(() -> offerExpired(t.id, agentId, offeredAt), offerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void offerExpired(long id, String agentId, Instant offeredAt) {
        Tracked t = live.get(id);
        if (t == null || t.state != InteractionState.OFFERED || !agentId.equals(t.agentId)) {
            return;
        }
        Instant now = clock.instant();
        AgentState a = agents.get(agentId);
        try {
            requeue(t, a, now);
            if (a != null && a.presence == Presence.AVAILABLE) {
                changePresence(a, Presence.AWAY, MISSED_OFFER_REASON, now);
            }
            LOG.info("Agent {} did not answer interaction {} within {} s; it goes back to its queue", agentId, id,
                    offerTimeout.toSeconds());
        } catch (RuntimeException e) {
            LOG.warn("Could not take back the offer of interaction {}: {}", id, e.getMessage());
        }
        dispatch();
    }

    /** Takes an offer back: the interaction waits again, at its old place, and skips this agent. */
    private Interaction requeue(Tracked t, AgentState agent, Instant now) {
        Interaction after = transition(t, EnumSet.of(InteractionState.OFFERED), InteractionState.QUEUED,
                values("state", InteractionState.QUEUED, "agent_id", null));
        if (agent != null) {
            t.declinedBy.add(agent.agent.id());
        }
        t.cancelOfferTimeout();
        return after;
    }

    private void changePresence(AgentState a, Presence presence, String reason, Instant now) {
        Instant idleSince = a.busy() == 0 && presence == Presence.AVAILABLE ? now : a.idleSince;
        PresenceTable.Row row = new PresenceTable.Row(a.agent.id(), presence, reason, now, idleSince);
        persist(c -> {
            PresenceTable.put(c, row);
            return null;
        });
        a.presence = presence;
        a.reason = reason;
        a.since = now;
        a.idleSince = idleSince;
        storedPresence.put(a.agent.id(), row);
        Map<String, Object> props = new HashMap<>();
        props.put(EventProperties.AGENT_ID, a.agent.id());
        props.put(EventProperties.PRESENCE, presence.name());
        if (reason != null) {
            props.put(EventProperties.REASON, reason);
        }
        props.put(EventProperties.TIMESTAMP, now.toEpochMilli());
        events.post(Topics.AGENT_PRESENCE, props);
    }

    /**
     * Moves an interaction in the store and in memory, keeping agent loads and queues in step, and
     * announces it. Returns {@code null} when the store had it in another state already.
     */
    private Interaction transition(Tracked t, Set<InteractionState> expected, InteractionState target,
                                   Map<String, Object> values) {
        Interaction after = persist(c -> InteractionTable.update(c, t.id, expected, values)
                ? InteractionTable.find(c, t.id).orElse(null) : null);
        if (after == null) {
            LOG.debug("Interaction {} was not in {} any more", t.id, expected);
            return null;
        }
        InteractionState previous = t.state;
        Instant now = clock.instant();
        String previousAgent = t.agentId;
        t.state = after.state();
        t.agentId = after.agentId();
        t.queueId = after.queueId();
        t.queuedAt = after.queuedAt() != null ? after.queuedAt() : t.queuedAt;
        boolean holdsAgent = EnumSet.of(InteractionState.OFFERED, InteractionState.ACTIVE, InteractionState.WRAP_UP)
                .contains(target);
        if (previousAgent != null && (!holdsAgent || !previousAgent.equals(t.agentId))) {
            AgentState a = agents.get(previousAgent);
            if (a != null) {
                a.release(t.id, t.channel, now);
            }
        }
        if (target == InteractionState.QUEUED) {
            waitIn(t);
        } else {
            unwait(t);
        }
        if (target.isFinal()) {
            t.cancelOfferTimeout();
            live.remove(t.id);
        }
        if (previous != target) {
            announce(after, previous);
        }
        return after;
    }

    private void announce(Interaction i, InteractionState previous) {
        Map<String, Object> props = new HashMap<>();
        props.put(EventProperties.INTERACTION_ID, i.id());
        props.put(EventProperties.STATE, i.state().name());
        props.put(EventProperties.PREVIOUS_STATE, previous.name());
        props.put(EventProperties.CHANNEL, i.channel().id());
        props.put(EventProperties.TIMESTAMP, clock.millis());
        props.put(EventProperties.INTERACTION, i);
        if (i.queueId() != null) {
            props.put(EventProperties.QUEUE_ID, i.queueId());
        }
        if (i.agentId() != null) {
            props.put(EventProperties.AGENT_ID, i.agentId());
        }
        if (i.customerId() != null) {
            props.put(EventProperties.CUSTOMER_ID, i.customerId());
        }
        events.post(Topics.interaction(i.state()), props);
    }

    private void waitIn(Tracked t) {
        if (t.queueId != null) {
            waiting.computeIfAbsent(t.queueId, k -> new TreeMap<>()).put(t.waitKey(), t);
        }
    }

    private void unwait(Tracked t) {
        if (t.queueId != null) {
            NavigableMap<Tracked.WaitKey, Tracked> w = waiting.get(t.queueId);
            if (w != null) {
                w.remove(t.waitKey());
            }
        }
    }

    private AgentState agent(String agentId) {
        AgentState a = agents.get(agentId);
        if (a == null) {
            throw new NotFoundException("Agent", agentId);
        }
        return a;
    }

    /** The live interaction an agent acts on, if it is theirs and in one of the states. */
    private Tracked trackedFor(long id, String agentId, Set<InteractionState> states, String action) {
        agent(agentId);
        Tracked t = live.get(id);
        if (t == null) {
            Interaction stored = persist(c -> InteractionTable.find(c, id).orElse(null));
            if (stored == null) {
                throw new NotFoundException("Interaction", id);
            }
            throw new ConflictException("Interaction " + id + " is " + stored.state() + "; it cannot be " + verb(action));
        }
        if (!agentId.equals(t.agentId)) {
            throw new ConflictException("Interaction " + id + " is not with agent " + agentId + "; it cannot be " + verb(action)
                    + " by them");
        }
        if (!states.contains(t.state)) {
            throw new ConflictException("Interaction " + id + " is " + t.state + "; it cannot be " + verb(action));
        }
        return t;
    }

    private static String verb(String action) {
        return switch (action) {
            case "accept" -> "accepted";
            case "decline" -> "declined";
            case "finish" -> "finished";
            default -> "closed";
        };
    }

    /** A channel-routed interaction, loaded from the store if routing does not follow it yet. */
    private Tracked trackedExternal(long id) {
        Tracked t = live.get(id);
        if (t != null) {
            return t;
        }
        Interaction stored = persist(c -> InteractionTable.find(c, id).orElse(null));
        if (stored == null) {
            throw new NotFoundException("Interaction", id);
        }
        t = new Tracked(id, stored.channel(), RoutingMode.EXTERNAL, stored.state());
        t.queueId = stored.queueId();
        t.agentId = stored.agentId();
        t.queuedAt = stored.queuedAt();
        t.offeredAt = stored.offeredAt();
        if (!stored.state().isFinal()) {
            live.put(id, t);
        }
        return t;
    }

    private <T> T persist(SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the store could not commit: " + e.getMessage(), e);
        }
    }

    /** Runs {@code task} on the routing thread and waits for it. */
    private <T> T call(Callable<T> task) {
        Future<T> future = actor.submit(task);
        try {
            return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted", e);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new StoreUnavailableException("routing did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        Threads.stop(actor, Duration.ofSeconds(10));
    }
}
