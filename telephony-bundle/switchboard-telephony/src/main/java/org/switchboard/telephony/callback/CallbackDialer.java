package org.switchboard.telephony.callback;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Presence;
import org.switchboard.api.service.Agents;
import org.switchboard.api.spi.TelephonyException;

/**
 * Dials requested callbacks when an agent is free: every {@code intervalSeconds}, each due request (its
 * preferred time come, oldest first) goes to an available agent with no interaction whose phone a PBX
 * rings; the agent's phone rings first, then the customer is dialled. A call the PBX took closes the entry
 * ({@code CALLED_BACK}); one it refused is tried again after {@code retryPauseMinutes}, and closed
 * {@code GAVE_UP} after {@code maxAttempts}. The attempt is counted before the call is placed, so a crash
 * in between never dials a customer twice in a row.
 */
@Component(service = CallbackDialer.class, configurationPid = CallbackDialerConfig.PID, immediate = true)
@Designate(ocd = CallbackDialerConfig.class)
public final class CallbackDialer {
    /** Channel variable on a callback's call: the worklist entry. */
    public static final String VAR_CALLBACK = "SWITCHBOARD_CALLBACK_ID";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDialer.class);

    private final CallbackStore store;
    private final Agents agents;
    private final Dialer dialer;
    private final Duration retryPause;
    private final int maxAttempts;
    private final ScheduledExecutorService timer;

    @Activate
    public CallbackDialer(CallbackDialerConfig config, @Reference CallbackStore store, @Reference Agents agents,
                          @Reference Dialer dialer) {
        this(store, agents, dialer, Duration.ofMinutes(config.retryPauseMinutes()), config.maxAttempts());
        long interval = Math.max(1, config.intervalSeconds());
        timer.scheduleWithFixedDelay(this::dialSafely, interval, interval, TimeUnit.SECONDS);
    }

    /** Without the timer: {@link #dialDue()} dials. */
    public CallbackDialer(CallbackStore store, Agents agents, Dialer dialer, Duration retryPause, int maxAttempts) {
        this.store = store;
        this.agents = agents;
        this.dialer = dialer;
        this.retryPause = retryPause;
        this.maxAttempts = maxAttempts;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-callback-dialer");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    public void stop() {
        timer.shutdownNow();
    }

    /**
     * Hands due callbacks to free agents, one each.
     *
     * @return how many calls the PBX took
     */
    public int dialDue() {
        Deque<AgentStatus> free = new ArrayDeque<>(agents.list().stream()
                .filter(a -> a.presence() == Presence.AVAILABLE && a.interactions().isEmpty())
                .filter(a -> dialer.reaches(a.agent()))
                .toList());
        if (free.isEmpty()) {
            return 0;
        }
        int placed = 0;
        List<Callback> due = store.dueRequests(retryPause, maxAttempts, free.size());
        for (Callback callback : due) {
            AgentStatus agent = free.poll();
            if (agent == null) {
                break;
            }
            store.attempted(callback.id());
            try {
                dialer.call(agent.agent().id(), callback.number(), "callback",
                        Map.of(VAR_CALLBACK, Long.toString(callback.id())));
                placed++;
            } catch (TelephonyException | RuntimeException e) {
                LOG.warn("Callback {} could not be placed for agent {} (attempt {} of {}): {}", callback.id(),
                        agent.agent().id(), callback.attempts() + 1, maxAttempts, e.getMessage());
                if (callback.attempts() + 1 >= maxAttempts) {
                    store.close(callback.id(), Callback.GAVE_UP, null);
                }
            }
        }
        return placed;
    }

    private void dialSafely() {
        try {
            dialDue();
        } catch (RuntimeException e) {
            LOG.error("Dialling callbacks failed; trying again at the next interval", e);
        }
    }
}
