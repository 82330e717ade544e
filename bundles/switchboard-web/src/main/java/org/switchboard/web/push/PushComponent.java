package org.switchboard.web.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.ScreenPop;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.Queues;
import org.switchboard.web.interactions.InteractionBody;
import org.switchboard.web.json.JsonMapper;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.security.Authentication;
import org.switchboard.web.server.WebConfig;

/**
 * The push side of the console: turns the core's events into the agents' streams (their screen pops,
 * presence and interactions, each to that agent only) and the supervisors' stream (queues and
 * agents), serves both as Server-Sent Events beside the REST API, and measures pop latency.
 */
@Component(immediate = true, configurationPid = "org.switchboard.web",
        property = {EventConstants.EVENT_TOPIC + "=" + Topics.SCREEN_POP,
                EventConstants.EVENT_TOPIC + "=" + Topics.AGENT_PRESENCE,
                EventConstants.EVENT_TOPIC + "=" + Topics.INTERACTION_ALL})
public final class PushComponent implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PushComponent.class);
    static final long SUPERVISOR_COALESCE_MILLIS = 250;

    private final ObjectMapper mapper = JsonMapper.create();
    private final PopLatency latency = new PopLatency();
    private final PopLatency delivered = new PopLatency();
    private final PopLatency push = new PopLatency();
    private final ScheduledExecutorService timers;
    private final AgentStreams agentStreams;
    private final SupervisorStreams supervisorStreams;
    private final SupervisorPicture picture;
    private final QueueDay day;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public PushComponent(BundleContext context, WebConfig config, @Reference Authentication authentication,
                         @Reference Agents agents, @Reference Queues queues, @Reference Interactions interactions) {
        timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "switchboard-push-timer"));
        Clock clock = Clock.systemDefaultZone();
        day = new QueueDay(clock);
        seed(queues, interactions);
        picture = new SupervisorPicture(queues, agents, interactions, day, mapper, clock);
        agentStreams = new AgentStreams(Math.max(1, Math.min(1000, config.popReplayBuffer())),
                Math.max(16, Math.min(16384, config.popReplayKilobytes())) * 1024,
                System.currentTimeMillis() * 1000);
        supervisorStreams = new SupervisorStreams(picture::json, timers, SUPERVISOR_COALESCE_MILLIS);
        long heartbeat = Math.max(1, config.heartbeatSeconds());
        timers.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.SECONDS);

        SseConnection.Written measured = (origin, received) -> {
            long now = System.nanoTime();
            latency.record(now - origin);
            push.record(now - received);
        };
        registrations.add(context.registerService(Servlet.class, new PopStreamServlet(authentication, measured, mapper,
                agents, agentStreams), servlet("switchboard-pops", PopStreamServlet.PATH)));
        registrations.add(context.registerService(Servlet.class, new SupervisorStreamServlet(authentication, mapper,
                supervisorStreams), servlet("switchboard-supervisor-events", SupervisorStreamServlet.PATH)));
        Hashtable<String, Object> resource = new Hashtable<>();
        resource.put(RestResource.PROPERTY, true);
        resource.put(RestResource.OPENAPI, RestResource.WEB_OPENAPI);
        registrations.add(context.registerService(PopLatencyResource.class, new PopLatencyResource(latency, delivered, push), resource));
    }

    @Deactivate
    public void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        timers.shutdownNow();
        agentStreams.all().forEach(SseConnection::close);
        supervisorStreams.all().forEach(SseConnection::close);
    }

    @Override
    public void handleEvent(Event event) {
        long received = System.nanoTime();
        try {
            String topic = event.getTopic();
            if (Topics.SCREEN_POP.equals(topic)) {
                pop(event, received);
            } else if (Topics.AGENT_PRESENCE.equals(topic)) {
                presence(event);
            } else if (topic.startsWith(Topics.INTERACTION_PREFIX)) {
                interaction(event);
            }
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warn("Could not push the event {}: {}", event.getTopic(), e.toString());
        }
    }

    private void pop(Event event, long received) throws JsonProcessingException {
        if (event.getProperty(EventProperties.POP) instanceof ScreenPop pop) {
            long origin = event.getProperty(EventProperties.ORIGIN_NANOS) instanceof Long nanos ? nanos : 0;
            if (origin != 0) {
                delivered.record(received - origin);
            }
            agentStreams.publish(pop.agentId(), "pop", mapper.writeValueAsBytes(PopBody.of(pop)), origin, received);
        }
    }

    private void presence(Event event) throws JsonProcessingException {
        if (event.getProperty(EventProperties.AGENT_ID) instanceof String agentId) {
            PresenceBody body = new PresenceBody(agentId, (String) event.getProperty(EventProperties.PRESENCE),
                    (String) event.getProperty(EventProperties.REASON),
                    event.getProperty(EventProperties.TIMESTAMP) instanceof Long millis
                            ? Instant.ofEpochMilli(millis) : null);
            agentStreams.publish(agentId, "presence", mapper.writeValueAsBytes(body));
        }
        supervisorStreams.changed();
    }

    private void interaction(Event event) throws JsonProcessingException {
        InteractionState state = stateOf(event.getProperty(EventProperties.STATE));
        InteractionState previous = stateOf(event.getProperty(EventProperties.PREVIOUS_STATE));
        Interaction interaction = event.getProperty(EventProperties.INTERACTION) instanceof Interaction i ? i : null;
        if (state != null) {
            day.record((String) event.getProperty(EventProperties.QUEUE_ID), state, previous, interaction);
        }
        if (interaction != null) {
            picture.changed(interaction);
            if (interaction.agentId() != null) {
                agentStreams.publish(interaction.agentId(), "interaction",
                        mapper.writeValueAsBytes(InteractionBody.of(interaction)));
            }
        }
        supervisorStreams.changed();
    }

    /** {@code event: presence}: {@code {"agentId","presence","reason","since"}}. */
    record PresenceBody(String agentId, String presence, String reason, Instant since) {
    }

    private void heartbeat() {
        agentStreams.all().forEach(SseConnection::heartbeat);
        supervisorStreams.all().forEach(SseConnection::heartbeat);
    }

    private void seed(Queues queues, Interactions interactions) {
        try {
            queues.list().forEach(q -> interactions.list(new InteractionFilter(null, q.queue().id(), null, null, null,
                            InteractionFilter.MAX_LIMIT))
                    .forEach(i -> day.seed(q.queue().id(), i)));
        } catch (RuntimeException e) {
            LOG.warn("Today's queue figures start from zero: the store could not be read ({})", e.getMessage());
        }
    }

    private static InteractionState stateOf(Object name) {
        if (name instanceof String s) {
            try {
                return InteractionState.valueOf(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static Hashtable<String, Object> servlet(String name, String path) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, name);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, path);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, Boolean.TRUE);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT,
                "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
                        + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")");
        return properties;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
