package org.switchboard.telephony.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.telephony.callback.Callback;
import org.switchboard.telephony.callback.CallbackStore;
import org.switchboard.telephony.testing.Callers;
import org.switchboard.telephony.testing.CoreNumbers;
import org.switchboard.telephony.testing.TestDatabase;

/** {@code /callbacks}: what callers get back, and the clear 400s for what they got wrong. */
class CallbacksResourceTest {
    private final CallbacksResource rest = new CallbacksResource(
            CallbackStore.onTables(TestDatabase.withSchema(), Clock.systemUTC(), CoreNumbers.inRegion("US")));

    @Test
    void requestIsAnsweredAcceptedWithItsEntry() {
        Response response = rest.request(new CallbackRequest("+49 (30) 123-4567", " Ada ", "2030-01-02T09:30:00Z"));

        assertThat(response.getStatus()).isEqualTo(202);
        long id = ((CallbackAnswer) response.getEntity()).id();
        assertThat(rest.list("open", 10)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.number()).isEqualTo("+49301234567");
            assertThat(c.name()).isEqualTo("Ada");
            assertThat(c.source()).isEqualTo(Callback.REQUESTED);
            assertThat(c.preferredAt()).hasToString("2030-01-02T09:30:00Z");
        });
    }

    @Test
    void theSameRequestTwiceIsOneEntry() {
        long first = ((CallbackAnswer) rest.request(new CallbackRequest("+49301234567", "Ada", null)).getEntity()).id();
        long second = ((CallbackAnswer) rest.request(new CallbackRequest("+49301234567", "Ada", null)).getEntity()).id();

        assertThat(second).isEqualTo(first);
        assertThat(rest.list("OPEN", 10)).hasSize(1);
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> rest.request(new CallbackRequest("abc", null, null)))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("number"));
        assertThatThrownBy(() -> rest.request(new CallbackRequest("+49301234567", "x".repeat(201), null)))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> rest.request(new CallbackRequest("+49301234567", null, "tomorrow")))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("preferredTime"));
        assertThatThrownBy(() -> rest.list("PENDING", 10))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> rest.list("OPEN", 0))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThat(rest.list("ALL", 10)).isEmpty();
    }

    @Test
    void closingByHandRecordsWhoAndAnUnknownEntryIsNotFound() {
        long id = ((CallbackAnswer) rest.request(new CallbackRequest("+49301234567", null, null)).getEntity()).id();

        assertThat(rest.close(id, Callers.agent("anna")).closedBy()).isEqualTo("anna");
        assertThat(rest.list("OPEN", 10)).isEmpty();
        assertThatThrownBy(() -> rest.close(999, Callers.agent("anna"))).isInstanceOf(NotFoundException.class);
    }
}
