package org.switchboard.telephony.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.switchboard.api.EndReason;
import org.switchboard.telephony.call.EndedCall;
import org.switchboard.telephony.testing.CoreNumbers;
import org.switchboard.telephony.testing.TestDatabase;

/** The worklist table: one open entry per number, idempotent writes, due requests. */
class CallbackStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final CallbackStore store = CallbackStore.onTables(TestDatabase.withSchema(), Clock.fixed(NOW, ZoneOffset.UTC),
            CoreNumbers.inRegion("US"));

    @Test
    void requestForANumberAlreadyOnTheWorklistUsesItsEntry() {
        store.recordUnanswered(missed(7, "+4930123456"));
        long id = store.request("+4930123456", "Ada", NOW.plusSeconds(3600));

        assertThat(store.list(Callback.OPEN, 10)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.preferredAt()).isEqualTo(NOW.plusSeconds(3600));
            assertThat(c.name()).isEqualTo("Ada");
        });
    }

    @Test
    void missedCallOnARequestedEntryKeepsItARequest() {
        store.request("+4930123456", "Ada", null);
        store.recordUnanswered(missed(7, "+4930123456"));

        assertThat(store.list(Callback.OPEN, 10)).singleElement()
                .satisfies(c -> assertThat(c.source()).isEqualTo(Callback.REQUESTED));
    }

    @Test
    void closingAClosedEntryChangesNothingAndTheNextMissedCallOpensANewOne() {
        store.recordUnanswered(missed(7, "+4930123456"));
        Callback closed = store.closeFor("+4930123456", Callback.CALLED_BACK, "agent-1").orElseThrow();
        store.close(closed.id(), Callback.GAVE_UP, null);
        store.recordUnanswered(missed(8, "+4930123456"));

        assertThat(store.find(closed.id()).orElseThrow().closedReason()).isEqualTo(Callback.CALLED_BACK);
        assertThat(store.list(Callback.OPEN, 10)).singleElement().satisfies(c -> assertThat(c.interactionId()).isEqualTo(8));
    }

    @Test
    void dueRequestsLeaveOutFuturePreferredTimesRecentAttemptsAndExhaustedOnes() {
        long now = store.request("+1", null, null);
        store.request("+2", null, NOW.plusSeconds(60));
        long attempted = store.request("+3", null, null);
        store.attempted(attempted);
        store.recordUnanswered(missed(9, "+4"));

        assertThat(store.dueRequests(Duration.ofMinutes(10), 3, 10)).extracting(Callback::id).containsExactly(now);
        assertThat(store.dueRequests(Duration.ZERO, 1, 10)).extracting(Callback::id).containsExactly(now);
    }

    private static EndedCall missed(long interactionId, String number) {
        return new EndedCall("pbx1", interactionId, number, "Ivan", "74957654321", null, EndReason.MISSED,
                NOW.minusSeconds(30), NOW, Duration.ofSeconds(30));
    }
}
