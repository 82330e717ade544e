package org.switchboard.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Channel;
import org.switchboard.api.Direction;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.ServiceLevel;

class QueueDayTest {
    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");
    private static final ServiceLevel EIGHTY_IN_20_S = new ServiceLevel(80, Duration.ofSeconds(20));

    private final MutableClock clock = new MutableClock(MORNING);
    private final QueueDay day = new QueueDay(clock);

    @Test
    void offeredAnsweredAbandonedAndServiceLevelOfTheDay() {
        queued();
        queued();
        queued();
        answered(1, 5);   // within 20 s
        answered(2, 45);  // too late
        day.record("support", InteractionState.ABANDONED, InteractionState.QUEUED, null);
        day.record("support", InteractionState.QUEUED, InteractionState.OFFERED, null); // declined: not offered again

        QueueDay.Figures figures = day.figures("support", EIGHTY_IN_20_S);

        assertThat(figures.offered()).isEqualTo(3);
        assertThat(figures.answered()).isEqualTo(2);
        assertThat(figures.abandoned()).isEqualTo(1);
        assertThat(figures.serviceLevelPercent()).isEqualTo(33.3);
    }

    @Test
    void aQueueWithNothingAnsweredOrAbandonedHasNoServiceLevelYet() {
        queued();

        assertThat(day.figures("support", EIGHTY_IN_20_S).serviceLevelPercent()).isNull();
        assertThat(day.figures("sales", EIGHTY_IN_20_S).offered()).isZero();
    }

    @Test
    void theFiguresStartAfreshAtMidnight() {
        queued();
        answered(1, 3);

        clock.now = Instant.parse("2026-11-23T00:00:01Z");

        assertThat(day.figures("support", EIGHTY_IN_20_S)).isEqualTo(new QueueDay.Figures(0, 0, 0, null));
    }

    private void queued() {
        day.record("support", InteractionState.QUEUED, InteractionState.NEW, null);
    }

    private void answered(long id, int waitedSeconds) {
        Instant queuedAt = clock.instant();
        Interaction answered = new Interaction(id, id, Channel.EMAIL, Direction.INBOUND, InteractionState.ACTIVE, null,
                null, "support", "alice", "", queuedAt, queuedAt, queuedAt, queuedAt.plusSeconds(waitedSeconds), null,
                null, null, null);
        day.record("support", InteractionState.ACTIVE, InteractionState.OFFERED, answered);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
