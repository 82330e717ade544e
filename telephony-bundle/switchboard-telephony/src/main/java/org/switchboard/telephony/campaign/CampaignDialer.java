package org.switchboard.telephony.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.spi.TelephonyException;

/**
 * Places the calls of active reminder campaigns and records their outcomes.
 *
 * <p>Every {@code intervalSeconds}, for each active campaign: the numbers that wait (never called, or their
 * retry time come) and whose calling window is open in their own time zone are called, no more than the
 * campaign's pacing allows within the last minute. Each attempt is written before its call is placed
 * ({@link CampaignStore#startAttempt}), so a restart never places it twice. The PBX's
 * {@code OriginateResponse} gives the outcome: Success = answered; Failure with Reason 3 = no answer,
 * 5 = busy, 8 = congestion, anything else = failed; all but an answer are tried again after
 * {@code retryAfterMinutes} while attempts are left. The reminder context's key press and the
 * operator's {@code AgentConnect} complete the picture ({@code CONNECTED}).
 */
@Component(service = CampaignDialer.class, configurationPid = CampaignDialerConfig.PID, immediate = true)
@Designate(ocd = CampaignDialerConfig.class)
public final class CampaignDialer implements ReminderListener {
    /** {@code OriginateResponse} Reasons (Asterisk's AST_CONTROL_*): ring timeout, busy, congestion. */
    static final int REASON_NO_ANSWER = 3;
    static final int REASON_BUSY = 5;
    static final int REASON_CONGESTION = 8;
    /** The key that asks for an operator. */
    static final String OPERATOR_KEY = "1";
    /** How every reminder call's id starts: events of other calls are not looked up. */
    static final String CALL_PREFIX = "sb-rem-";

    private static final Logger LOG = LoggerFactory.getLogger(CampaignDialer.class);

    private final CampaignStore store;
    private final Clock clock;
    private final Duration outcomeTimeout;
    private final List<ReminderLine> lines = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;

    @Activate
    public CampaignDialer(CampaignDialerConfig config, @Reference CampaignStore store) {
        this(store, Clock.systemUTC(), Duration.ofMinutes(Math.max(1, config.outcomeTimeoutMinutes())));
        long interval = Math.max(1, config.intervalSeconds());
        timer.scheduleWithFixedDelay(this::dialSafely, interval, interval, TimeUnit.SECONDS);
    }

    /** Without the timer: {@link #dialDue()} dials. */
    public CampaignDialer(CampaignStore store, Clock clock, Duration outcomeTimeout) {
        this.store = store;
        this.clock = clock;
        this.outcomeTimeout = outcomeTimeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-campaign-dialer");
            t.setDaemon(true);
            return t;
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addLine(ReminderLine line) {
        lines.add(line);
        line.listen(this);
    }

    public void removeLine(ReminderLine line) {
        line.unlisten(this);
        lines.remove(line);
    }

    @Deactivate
    public void stop() {
        timer.shutdownNow();
        lines.forEach(l -> l.unlisten(this));
    }

    /**
     * Places the calls that are due now.
     *
     * @return how many calls the PBXs took
     */
    public synchronized int dialDue() {
        Instant now = clock.instant();
        int expired = store.expireDialling(now.minus(outcomeTimeout));
        if (expired > 0) {
            LOG.warn("{} reminder calls got no outcome within {} minutes: their result is UNKNOWN", expired,
                    outcomeTimeout.toMinutes());
        }
        int placed = 0;
        for (Campaign campaign : store.active()) {
            placed += dial(campaign, now);
            if (store.finishIfDone(campaign.id())) {
                LOG.info("Reminder campaign {} is done", campaign.id());
            }
        }
        return placed;
    }

    private int dial(Campaign campaign, Instant now) {
        Optional<ReminderLine> line = lineFor(campaign.pbx());
        if (line.isEmpty()) {
            LOG.debug("Reminder campaign {} waits for PBX {}", campaign.id(), campaign.pbx());
            return 0;
        }
        int allowed = campaign.pacing() - store.startedSince(campaign.id(), now.minus(Duration.ofMinutes(1)));
        if (allowed <= 0) {
            return 0;
        }
        LocalTime from = LocalTime.parse(campaign.windowFrom());
        LocalTime to = LocalTime.parse(campaign.windowTo());
        List<String> open = store.waitingZones(campaign.id()).stream()
                .filter(zone -> windowOpen(from, to, now.atZone(ZoneId.of(zone)).toLocalTime())).toList();
        int placed = 0;
        for (Campaign.Number n : store.due(campaign.id(), now, open, allowed)) {
            String callId = CALL_PREFIX + UUID.randomUUID();
            if (!store.startAttempt(n.id(), callId)) {
                continue;
            }
            placed++;
            try {
                line.get().originateReminder(new ReminderCall(callId, campaign.id(), n.id(), n.number(), campaign.message()));
                LOG.debug("Reminder campaign {}: call {} to {} (attempt {})", campaign.id(), callId, n.number(), n.attempts() + 1);
            } catch (TelephonyException | RuntimeException e) {
                LOG.warn("Reminder campaign {}: call {} could not be placed: {}", campaign.id(), callId, e.getMessage());
                store.finishAttempt(callId, Campaign.FAILED);
            }
        }
        return placed;
    }

    /**
     * Whether {@code local} lies in the window from {@code from} (inclusive) to {@code to} (exclusive); a window
     * whose end is earlier than its start crosses midnight (20:00–02:00 is open from 20:00 to 01:59).
     */
    static boolean windowOpen(LocalTime from, LocalTime to, LocalTime local) {
        if (from.isBefore(to)) {
            return !local.isBefore(from) && local.isBefore(to);
        }
        return !local.isBefore(from) || local.isBefore(to);
    }

    private Optional<ReminderLine> lineFor(String pbx) {
        return lines.stream().filter(l -> pbx == null || pbx.equals(l.id())).findFirst();
    }

    @Override
    public void originated(String callId, boolean answered, int reason) {
        if (callId == null || !callId.startsWith(CALL_PREFIX)) {
            return;
        }
        String result = answered ? Campaign.ANSWERED : switch (reason) {
            case REASON_NO_ANSWER -> Campaign.NO_ANSWER;
            case REASON_BUSY -> Campaign.BUSY;
            case REASON_CONGESTION -> Campaign.CONGESTION;
            default -> Campaign.FAILED;
        };
        store.finishAttempt(callId, result)
                .ifPresent(state -> LOG.debug("Reminder call {}: {} ({})", callId, result, state));
    }

    @Override
    public void keyPressed(String callId, String key) {
        if (OPERATOR_KEY.equals(key) && callId.startsWith(CALL_PREFIX) && store.keyPressed(callId)) {
            LOG.debug("Reminder call {}: the customer asks for an operator", callId);
        }
    }

    @Override
    public void operatorReached(String callId) {
        if (callId.startsWith(CALL_PREFIX) && store.connected(callId)) {
            LOG.debug("Reminder call {}: connected to an operator", callId);
        }
    }

    private void dialSafely() {
        try {
            dialDue();
        } catch (RuntimeException e) {
            LOG.error("Dialling reminder calls failed; trying again at the next interval", e);
        }
    }
}
