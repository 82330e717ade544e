package org.switchboard.crm.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.crm.odoo.connector.OdooConnector;
import org.switchboard.crm.odoo.fake.FakeOdoo.Outage;

class OdooBurstTest extends FakeOdooTest {

    private static List<TicketRequest> burst(int size) {
        return IntStream.rangeClosed(1, size)
                .mapToObj(n -> Requests.ticket("sb-ticket-" + n + "-odoo", Requests.ivan("odoo"))).toList();
    }

    @Test
    void aBurstOfNewConversationsTakesOneSearchAndOneCreate() {
        OdooConnector connector = connector();

        List<CrmOutcome<TicketRef>> outcomes = connector.openTickets(burst(25));

        assertThat(outcomes).allMatch(CrmOutcome::isSuccess);
        assertThat(outcomes).extracting(o -> o.value().externalId()).doesNotHaveDuplicates();
        assertThat(odoo.records("crm.lead")).hasSize(25);
        assertThat(odoo.calls("crm.lead", "search_read")).isEqualTo(1);
        assertThat(odoo.calls("crm.lead", "create")).isEqualTo(1);
    }

    @Test
    void aBurstFindsItsTicketsByTheReferenceFieldToo() {
        TestSettings settings = settings();
        settings.referenceField = "referred";
        List<CrmOutcome<TicketRef>> first = connector(settings).openTickets(burst(10));

        List<CrmOutcome<TicketRef>> again = connector(settings).openTickets(burst(10));

        assertThat(again).extracting(CrmOutcome::value).isEqualTo(first.stream().map(CrmOutcome::value).toList());
        assertThat(odoo.records("crm.lead")).hasSize(10);
    }

    @Test
    void aBurstWhoseAnswerWasLostIsFoundWhenRetried() {
        TestSettings settings = settings();
        settings.timeout = Duration.ofMillis(400);
        OdooConnector connector = connector(settings);
        connector.openTickets(burst(1));   // signed in, stages known
        odoo.stallMillis(1_500);
        odoo.outage(Outage.COMMIT_THEN_STALL);

        List<CrmOutcome<TicketRef>> lost = connector.openTickets(burst(20));
        odoo.outage(Outage.NONE);
        List<CrmOutcome<TicketRef>> retried = connector.openTickets(burst(20));

        assertThat(lost).allSatisfy(o -> assertThat(o.failure().isRetryable()).isTrue());
        assertThat(retried).allMatch(CrmOutcome::isSuccess);
        assertThat(odoo.records("crm.lead")).hasSize(20);
    }

    private static List<ActivityRequest> activities(TicketRef ticket, int size) {
        return IntStream.rangeClosed(1, size).mapToObj(n -> Requests.activity("sb-activity-" + n + "-odoo", ticket,
                Requests.ivan("odoo"), n)).toList();
    }

    @Test
    void aBurstOfInteractionsTakesOneSearchAndOnePostEach() throws Exception {
        OdooConnector connector = connector();
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-1-odoo", Requests.ivan("odoo")));

        List<CrmOutcome<Void>> outcomes = connector.logActivities(activities(ticket, 10));

        assertThat(outcomes).allMatch(CrmOutcome::isSuccess);
        assertThat(odoo.calls("mail.message", "search_read")).isEqualTo(1);
        assertThat(odoo.calls("crm.lead", "message_post")).isEqualTo(10);
        assertThat(odoo.records("mail.message")).hasSize(10);
    }

    @Test
    void aBurstOfInteractionsWhoseAnswersWereLostIsPostedOnce() throws Exception {
        TestSettings settings = settings();
        settings.timeout = Duration.ofMillis(400);
        OdooConnector connector = connector(settings);
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-1-odoo", Requests.ivan("odoo")));
        odoo.stallMillis(1_500);
        odoo.outage(Outage.COMMIT_THEN_STALL);

        List<CrmOutcome<Void>> lost = connector.logActivities(activities(ticket, 3));
        odoo.outage(Outage.NONE);
        List<CrmOutcome<Void>> retried = connector.logActivities(activities(ticket, 3));

        assertThat(lost).allSatisfy(o -> assertThat(o.failure().isRetryable()).isTrue());
        assertThat(retried).allMatch(CrmOutcome::isSuccess);
        assertThat(odoo.records("mail.message")).hasSize(3);
    }
}
