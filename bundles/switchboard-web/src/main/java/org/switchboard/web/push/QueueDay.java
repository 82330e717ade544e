package org.switchboard.web.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.ServiceLevel;

/**
 * A queue's figures since midnight (the clock's time zone): contacts offered to the queue (queued for
 * the first time), answered (with how long they waited, so the service level can be read against any
 * target) and abandoned. Fed by the interaction events; resets when the day changes.
 */
final class QueueDay {
    /** Waits are counted per second up to this; longer waits are beyond any service-level target. */
    static final int MAX_WAIT_SECONDS = 3600;

    private final Clock clock;
    private final Map<String, Counts> queues = new HashMap<>();
    private LocalDate day;

    /** One queue's day. */
    record Figures(long offered, long answered, long abandoned, Double serviceLevelPercent) {
    }

    private static final class Counts {
        long offered;
        long answered;
        long abandoned;
        final long[] answeredAfterSeconds = new long[MAX_WAIT_SECONDS + 1];
    }

    QueueDay(Clock clock) {
        this.clock = clock;
        this.day = LocalDate.now(clock);
    }

    /** An interaction entered {@code state} from {@code previous}; {@code interaction} may be null when not known. */
    synchronized void record(String queueId, InteractionState state, InteractionState previous, Interaction interaction) {
        if (queueId == null) {
            return;
        }
        if (interaction != null && !isToday(interaction.createdAt())) {
            return;
        }
        Counts counts = today().computeIfAbsent(queueId, q -> new Counts());
        switch (state) {
            case QUEUED -> {
                if (previous == InteractionState.NEW) {
                    counts.offered++;
                }
            }
            case ACTIVE -> {
                if (previous == InteractionState.OFFERED && interaction != null) {
                    answered(counts, interaction.waitTime(clock.instant()));
                }
            }
            case ABANDONED -> counts.abandoned++;
            default -> {
                // other states do not count
            }
        }
    }

    /** Counts what the store already holds of today, e.g. when the web bundle starts. */
    synchronized void seed(String queueId, Interaction interaction) {
        if (!isToday(interaction.createdAt()) || interaction.queuedAt() == null) {
            return;
        }
        Counts counts = today().computeIfAbsent(queueId, q -> new Counts());
        counts.offered++;
        if (interaction.answeredAt() != null) {
            answered(counts, interaction.waitTime(clock.instant()));
        } else if (interaction.state() == InteractionState.ABANDONED) {
            counts.abandoned++;
        }
    }

    /** Service level: answered within the target's threshold, of those answered or abandoned. */
    synchronized Figures figures(String queueId, ServiceLevel target) {
        Counts counts = today().get(queueId);
        if (counts == null) {
            return new Figures(0, 0, 0, null);
        }
        long ended = counts.answered + counts.abandoned;
        Double level = null;
        if (ended > 0) {
            long threshold = Math.min(MAX_WAIT_SECONDS, target.threshold().toSeconds());
            long within = 0;
            for (int s = 0; s <= threshold; s++) {
                within += counts.answeredAfterSeconds[s];
            }
            level = Math.round(1000.0 * within / ended) / 10.0;
        }
        return new Figures(counts.offered, counts.answered, counts.abandoned, level);
    }

    private static void answered(Counts counts, Duration wait) {
        counts.answered++;
        long seconds = wait.toMillis() / 1000;
        if (seconds <= MAX_WAIT_SECONDS) {
            counts.answeredAfterSeconds[(int) seconds]++;
        }
    }

    private boolean isToday(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone()).equals(LocalDate.now(clock));
    }

    private Map<String, Counts> today() {
        LocalDate now = LocalDate.now(clock);
        if (!now.equals(day)) {
            queues.clear();
            day = now;
        }
        return queues;
    }
}
