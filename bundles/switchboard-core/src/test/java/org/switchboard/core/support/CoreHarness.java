package org.switchboard.core.support;

import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.switchboard.api.Agent;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Queue;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.core.Core;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.outbox.ChannelSenders;
import org.switchboard.core.service.HealthServiceImpl;

/** A running core on a test store, with a recording CRM ({@code local}) and recorded events. */
public final class CoreHarness implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    public final TestStore store;
    public final RecordedEvents events = new RecordedEvents();
    public final RecordingCrm crm = new RecordingCrm("local");
    public final CrmDirectory crms = new CrmDirectory();
    public final ChannelSenders senders = new ChannelSenders();
    private final Clock clock;
    private Core core;

    public CoreHarness(TestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        crms.add(crm, 0);
    }

    public CoreHarness start(Core.Settings settings) throws SQLException {
        core = Core.start(store.dataSource(), clock, events, settings, crms, senders, new HealthServiceImpl());
        return this;
    }

    public CoreHarness start() throws SQLException {
        return start(Core.Settings.defaults());
    }

    /** Stops the core as Karaf would, and starts a new one on the same store. */
    public CoreHarness restart(Core.Settings settings) throws SQLException {
        core.close();
        return start(settings);
    }

    public Core core() {
        return core;
    }

    public void configure(List<Queue> queues, List<Agent> agents) {
        core.configureQueues(queues);
        core.configureAgents(agents);
    }

    /** Waits until the interaction is in the state, and returns it with everything around it. */
    public InteractionDetails awaitState(long interactionId, InteractionState state) {
        return await().atMost(WAIT).until(() -> core.interactions().find(interactionId).orElseThrow(),
                d -> d.interaction().state() == state);
    }

    /** Waits until the interaction's conversation has its ticket. */
    public InteractionDetails awaitTicket(long interactionId) {
        return await().atMost(WAIT).until(() -> core.interactions().find(interactionId).orElseThrow(),
                d -> d.conversation() != null && d.conversation().ticket() != null);
    }

    public Interaction interaction(long id) {
        return core.interactions().find(id).orElseThrow().interaction();
    }

    @Override
    public void close() {
        if (core != null) {
            core.close();
        }
        store.close();
    }
}
