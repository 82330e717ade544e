package org.switchboard.crm.suitecrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Customer;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.TicketRequest;

/**
 * A burst of writes while SuiteCRM fails in both ways an outage shows: answers lost after the commit
 * (timeouts) and 503 before it. Retried as the outbox retries (every retryable failure again, same key),
 * nothing is lost and nothing is made twice.
 */
class SuiteCrmOutageTest {
    private static final int BURST = 20;

    private FakeSuiteCrm crm;
    private SuiteCrmConnector connector;
    private Customer customer;

    @BeforeEach
    void start() {
        crm = new FakeSuiteCrm();
        connector = new SuiteCrmConnector(TestSettings.clientCredentials(crm.url(), Duration.ofMillis(1_500)),
                Clock.systemUTC());
        customer = Requests.customer(crm.add("Contacts", Map.of("first_name", "Ivan", "last_name", "Petrov",
                "phone_work", "+74951234567")));
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    @Test
    void aBurstOfNewConversationsDuringAnOutageMakesEachCaseOnce() {
        List<TicketRequest> burst = IntStream.range(0, BURST)
                .mapToObj(i -> Requests.ticket("conversation-" + i, customer)).toList();

        crm.loseAnswers(4, 3_000);
        Map<String, TicketRef> opened = deliver(burst, TicketRequest::idempotencyKey, connector::openTickets, true);

        assertThat(opened).hasSize(BURST);
        assertThat(crm.count("Cases")).isEqualTo(BURST);
        for (TicketRequest request : burst) {
            assertThat(crm.find("Cases", FakeSuiteCrm.REFERENCE_FIELD, request.idempotencyKey())).singleElement()
                    .satisfies(kase -> {
                        assertThat(kase.path("id").asText()).isEqualTo(opened.get(request.idempotencyKey()).externalId());
                        assertThat(crm.related("Cases", kase.path("id").asText(), "contacts",
                                customer.crmRefs().get(0).externalId())).isTrue();
                    });
        }
    }

    @Test
    void aBurstOfInteractionsDuringAnOutageIsLoggedOnceEach() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-1", customer));
        List<ActivityRequest> burst = IntStream.range(0, BURST)
                .mapToObj(i -> i % 2 == 0 ? Requests.call("call-" + i, ticket, customer)
                        : Requests.message("message-" + i, ticket, customer)).toList();

        crm.loseAnswers(4, 3_000);
        deliver(burst, ActivityRequest::idempotencyKey, connector::logActivities, false);

        assertThat(crm.count("Calls") + crm.count("Notes")).isEqualTo(BURST);
        for (ActivityRequest request : burst) {
            String module = request.idempotencyKey().startsWith("call") ? "Calls" : "Notes";
            assertThat(crm.find(module, FakeSuiteCrm.REFERENCE_FIELD, request.idempotencyKey())).hasSize(1);
        }
    }

    /**
     * Sends the burst, then takes SuiteCRM down and retries what failed, then brings it back and retries
     * until everything went through, as the outbox does; no request may be rejected on the way.
     */
    private <R, T> Map<String, T> deliver(List<R> burst, Function<R, String> key,
                                          Function<List<R>, List<CrmOutcome<T>>> send, boolean keepValues) {
        Map<String, T> done = new LinkedHashMap<>();
        List<R> pending = new ArrayList<>(burst);
        for (int round = 0; round < 6 && !pending.isEmpty(); round++) {
            if (round == 1) {
                crm.down();
            } else if (round == 2) {
                crm.up();
            }
            List<CrmOutcome<T>> outcomes = send.apply(pending);
            List<R> failed = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                CrmOutcome<T> outcome = outcomes.get(i);
                if (outcome.isSuccess()) {
                    done.put(key.apply(pending.get(i)), keepValues ? outcome.value() : null);
                } else {
                    assertThat(outcome.failure().isRetryable()).as("%s", outcome.failure().getMessage()).isTrue();
                    failed.add(pending.get(i));
                }
            }
            if (round == 0) {
                assertThat(failed).as("answers lost in the first round").isNotEmpty();
            }
            pending = failed;
        }
        assertThat(pending).as("still failing after SuiteCRM came back").isEmpty();
        return done;
    }
}
