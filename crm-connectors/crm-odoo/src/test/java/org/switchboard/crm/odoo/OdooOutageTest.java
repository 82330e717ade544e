package org.switchboard.crm.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.CrmException;
import org.switchboard.crm.odoo.connector.OdooConnector;
import org.switchboard.crm.odoo.fake.FakeOdoo.Outage;

/**
 * A burst of conversations written while Odoo fails in every way it can: writes that commit but
 * whose answers never arrive, a proxy answering 503, a server that answers nothing. The commands are
 * retried the way the outbox retries them (each conversation's commands in order, the next only after
 * the one before succeeded; retryable failures again in the next round). Once Odoo is back, every
 * conversation has exactly one lead and every interaction exactly one note.
 */
class OdooOutageTest extends FakeOdooTest {
    private static final int CONVERSATIONS = 12;
    private static final int ACTIVITIES = 2;
    private static final List<Outage> SCHEDULE = List.of(Outage.COMMIT_THEN_STALL, Outage.NONE,
            Outage.COMMIT_THEN_STALL, Outage.UNAVAILABLE, Outage.STALL, Outage.COMMIT_THEN_STALL, Outage.NONE);
    private static final int LAST_ROUND = 20;

    private final ExecutorService outbox = Executors.newFixedThreadPool(CONVERSATIONS);

    @AfterEach
    void stop() {
        outbox.shutdownNow();
    }

    /** One conversation's commands, done in order. */
    private static final class Conversation {
        final int n;
        final Customer customer;
        TicketRef ticket;
        int activitiesLogged;
        final List<String> rejections = new ArrayList<>();

        Conversation(int n) {
            this.n = n;
            this.customer = new Customer(1000 + n, "Caller " + n, List.of(Address.phone("+49301234" + (1000 + n))),
                    List.of(new CrmRef("odoo", "res.partner", "29", null)), Requests.AT);
        }

        boolean done() {
            return ticket != null && activitiesLogged == ACTIVITIES;
        }

        /** Runs the next command; false when it failed and should be retried. */
        boolean next(OdooConnector connector) {
            try {
                if (ticket == null) {
                    ticket = connector.openTicket(Requests.ticket("sb-ticket-" + n + "-odoo", customer));
                } else {
                    int i = activitiesLogged + 1;
                    connector.logActivity(Requests.activity("sb-activity-" + (n * 10 + i) + "-odoo", ticket, customer,
                            n * 10 + i));
                    activitiesLogged = i;
                }
                return true;
            } catch (CrmException e) {
                if (!e.isRetryable()) {
                    rejections.add(e.getMessage());
                    activitiesLogged = ACTIVITIES;   // a rejected command goes to the operators; the test fails below
                }
                return false;
            }
        }
    }

    @Test
    void anOutageDuringABurstLosesAndDuplicatesNothing() throws Exception {
        TestSettings settings = settings();
        settings.timeout = Duration.ofMillis(400);
        OdooConnector connector = connector(settings);
        connector.findCustomers(List.of(Address.phone("+74951234567")));   // signed in before the trouble starts
        odoo.stallMillis(1_500);
        List<Conversation> conversations = new ArrayList<>();
        for (int n = 1; n <= CONVERSATIONS; n++) {
            conversations.add(new Conversation(n));
        }
        Map<Outage, Integer> failedPerOutage = new ConcurrentHashMap<>();

        int round = 0;
        while (conversations.stream().anyMatch(c -> !c.done()) && round < LAST_ROUND) {
            Outage outage = round < SCHEDULE.size() ? SCHEDULE.get(round) : Outage.NONE;
            odoo.outage(outage);
            List<Callable<Boolean>> due = conversations.stream().filter(c -> !c.done())
                    .map(c -> (Callable<Boolean>) () -> c.next(connector)).collect(Collectors.toList());
            for (var result : outbox.invokeAll(due)) {
                if (!result.get()) {
                    failedPerOutage.merge(outage, 1, Integer::sum);
                }
            }
            round++;
        }
        odoo.outage(Outage.NONE);

        assertThat(conversations).allSatisfy(c -> assertThat(c.rejections).isEmpty());
        assertThat(conversations).allMatch(Conversation::done);
        assertThat(failedPerOutage).containsKeys(Outage.COMMIT_THEN_STALL, Outage.UNAVAILABLE, Outage.STALL);
        List<ObjectNode> leads = odoo.records("crm.lead");
        assertThat(leads).hasSize(CONVERSATIONS);
        for (Conversation c : conversations) {
            long id = Long.parseLong(c.ticket.externalId().substring("crm.lead,".length()));
            assertThat(odoo.record("crm.lead", id).path("description").asText()).contains("[sb-ticket-" + c.n + "-odoo]");
            assertThat(odoo.messages("crm.lead", id)).extracting(m -> m.path("body").asText())
                    .hasSize(ACTIVITIES)
                    .anySatisfy(b -> assertThat(b).contains("[sb-activity-" + (c.n * 10 + 1) + "-odoo]"))
                    .anySatisfy(b -> assertThat(b).contains("[sb-activity-" + (c.n * 10 + 2) + "-odoo]"));
        }
    }
}
