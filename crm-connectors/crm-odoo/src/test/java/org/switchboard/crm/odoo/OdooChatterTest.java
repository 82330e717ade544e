package org.switchboard.crm.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.CrmException;
import org.switchboard.crm.odoo.connector.OdooConnector;

class OdooChatterTest extends FakeOdooTest {

    private long leadId(TicketRef ticket) {
        return Long.parseLong(ticket.externalId().substring("crm.lead,".length()));
    }

    @Test
    void anInteractionBecomesANoteInTheLeadsChatterShownAsWritten() throws Exception {
        OdooConnector connector = connector();
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        connector.logActivity(Requests.activity("sb-activity-101-odoo", ticket, Requests.ivan("odoo"), 101));

        List<ObjectNode> notes = odoo.messages("crm.lead", leadId(ticket));
        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.path("subtype_id").path(1).asText()).isEqualTo("Note");
            assertThat(note.path("message_type").asText()).isEqualTo("comment");
            // sent as HTML (body_is_html): Odoo keeps the markup instead of showing escaped tags
            assertThat(note.path("body").asText())
                    .startsWith("<p><b>Inbound call (voice) at 2026-11-22 16:11 UTC, agent 1001</b></p>")
                    .contains("<p>Call about order 4711</p>")
                    .contains("<p>Customer &lt;b&gt;angry&lt;/b&gt; &amp; wants a refund</p>")
                    .doesNotContain("&lt;p&gt;");
        });
    }

    @Test
    void aRetriedInteractionIsPostedOnce() throws Exception {
        OdooConnector connector = connector();
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        connector.logActivity(Requests.activity("sb-activity-101-odoo", ticket, Requests.ivan("odoo"), 101));
        connector().logActivity(Requests.activity("sb-activity-101-odoo", ticket, Requests.ivan("odoo"), 101));

        assertThat(odoo.messages("crm.lead", leadId(ticket))).hasSize(1);
        assertThat(odoo.calls("crm.lead", "message_post")).isEqualTo(1);
    }

    @Test
    void followUpsAreEachPostedOnTheSameLead() throws Exception {
        OdooConnector connector = connector();
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        connector.logActivity(Requests.activity("sb-activity-101-odoo", ticket, Requests.ivan("odoo"), 101));
        connector.logActivity(Requests.activity("sb-activity-102-odoo", ticket, Requests.ivan("odoo"), 102));
        connector.logActivity(Requests.activity("sb-activity-103-odoo", ticket, Requests.ivan("odoo"), 103));

        assertThat(odoo.records("crm.lead")).hasSize(1);
        assertThat(odoo.messages("crm.lead", leadId(ticket))).hasSize(3);
    }

    @Test
    void withoutATicketTheInteractionGoesToThePartner() throws Exception {
        connector().logActivity(Requests.activity("sb-activity-101-odoo", null, Requests.ivan("odoo"), 101));

        assertThat(odoo.messages("res.partner", 29)).singleElement()
                .satisfies(note -> assertThat(note.path("body").asText()).contains("Call about order 4711"));
    }

    @Test
    void anInteractionWithNowhereToGoIsRejected() {
        assertThatThrownBy(() -> connector().logActivity(
                Requests.activity("sb-activity-101-odoo", null, Requests.stranger(), 101)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("neither a ticket nor a partner");
    }

    @Test
    void aTicketOfAnotherConnectorIsRejected() {
        TicketRef foreign = new TicketRef("suitecrm", "abc", "SC-1", TicketRef.OPEN, null);

        assertThatThrownBy(() -> connector().logActivity(
                Requests.activity("sb-activity-101-odoo", foreign, Requests.ivan("odoo"), 101)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("suitecrm");
    }

    @Test
    void odoo16GetsItsHtmlBodyWithoutTheFlagItDoesNotKnow() throws Exception {
        odoo.asOdoo16();
        OdooConnector connector = connector();
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        connector.logActivity(Requests.activity("sb-activity-101-odoo", ticket, Requests.ivan("odoo"), 101));

        assertThat(odoo.messages("crm.lead", leadId(ticket))).singleElement().satisfies(note ->
                assertThat(note.path("body").asText()).startsWith("<p><b>Inbound call").doesNotContain("&lt;p&gt;"));
    }
}
