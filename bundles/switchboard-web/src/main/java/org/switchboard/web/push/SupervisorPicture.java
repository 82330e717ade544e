package org.switchboard.web.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Presence;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.Queues;
import org.switchboard.web.interactions.InteractionBody;

/**
 * What supervisors see: every queue with what waits now and today's figures, every agent with their
 * state, how long they have been in it and the interaction they work on. The agents' live
 * interactions are followed from the interaction events, so building the picture reads no store.
 */
final class SupervisorPicture {
    private final Queues queues;
    private final Agents agents;
    private final Interactions interactions;
    private final QueueDay day;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<Long, Interaction> live = new ConcurrentHashMap<>();

    /** {@code {"at","queues":[…],"agents":[…]}}. */
    record Picture(Instant at, List<QueueRow> queues, List<AgentRow> agents) {
    }

    /** A queue now and today. */
    record QueueRow(String id, String name, int waiting, long longestWaitSeconds, int offeredNow, int active,
                    int agentsAvailable, int agentsSignedIn, long offeredToday, long answeredToday,
                    long abandonedToday, Double serviceLevelToday, int serviceLevelTargetPercent,
                    long serviceLevelTargetSeconds) {
    }

    /**
     * An agent: {@code state} is OFFLINE, AVAILABLE or AWAY as they chose, or what their work makes
     * them: RINGING (offered), BUSY (active), WRAP_UP.
     */
    record AgentRow(String id, String name, String presence, String reason, String state, Instant stateSince,
                    InteractionBody interaction) {
    }

    SupervisorPicture(Queues queues, Agents agents, Interactions interactions, QueueDay day, ObjectMapper mapper,
                      Clock clock) {
        this.queues = queues;
        this.agents = agents;
        this.interactions = interactions;
        this.day = day;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Follows an interaction's change. */
    void changed(Interaction interaction) {
        if (interaction.state().isFinal() || interaction.agentId() == null) {
            live.remove(interaction.id());
        } else {
            live.put(interaction.id(), interaction);
        }
    }

    byte[] json() {
        try {
            return mapper.writeValueAsBytes(picture());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the supervisors' picture cannot be written as JSON", e);
        }
    }

    Picture picture() {
        List<QueueRow> queueRows = new ArrayList<>();
        for (QueueStatus q : queues.list()) {
            QueueDay.Figures today = day.figures(q.queue().id(), q.queue().serviceLevel());
            queueRows.add(new QueueRow(q.queue().id(), q.queue().name(), q.waiting(), q.longestWait().toSeconds(),
                    q.offered(), q.active(), q.agentsAvailable(), q.agentsSignedIn(), today.offered(),
                    today.answered(), today.abandoned(), today.serviceLevelPercent(),
                    q.queue().serviceLevel().percent(), q.queue().serviceLevel().threshold().toSeconds()));
        }
        List<AgentRow> agentRows = new ArrayList<>();
        for (AgentStatus a : agents.list()) {
            agentRows.add(row(a));
        }
        agentRows.sort(Comparator.comparing(AgentRow::name, String.CASE_INSENSITIVE_ORDER).thenComparing(AgentRow::id));
        return new Picture(clock.instant(), queueRows, agentRows);
    }

    private AgentRow row(AgentStatus a) {
        Interaction current = a.interactions().stream()
                .map(this::interaction).flatMap(Optional::stream)
                .filter(i -> !i.state().isFinal())
                .max((x, y) -> Integer.compare(rank(x.state()), rank(y.state())))
                .orElse(null);
        String state = a.presence().name();
        Instant since = a.since();
        if (current != null && a.presence() != Presence.OFFLINE) {
            switch (current.state()) {
                case OFFERED -> {
                    state = "RINGING";
                    since = current.offeredAt();
                }
                case ACTIVE -> {
                    state = "BUSY";
                    since = current.answeredAt();
                }
                case WRAP_UP -> {
                    state = "WRAP_UP";
                    since = current.endedAt();
                }
                default -> {
                    // waiting or new: the agent's own presence says it
                }
            }
        }
        return new AgentRow(a.agent().id(), a.agent().name(), a.presence().name(), a.reason(), state,
                since == null ? a.since() : since, current == null ? null : InteractionBody.of(current));
    }

    private Optional<Interaction> interaction(long id) {
        Interaction known = live.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Interaction> found = interactions.find(id).map(InteractionDetails::interaction);
        found.filter(i -> !i.state().isFinal()).ifPresent(i -> live.put(id, i));
        return found;
    }

    private static int rank(InteractionState state) {
        return switch (state) {
            case ACTIVE -> 3;
            case WRAP_UP -> 2;
            case OFFERED -> 1;
            default -> 0;
        };
    }
}
