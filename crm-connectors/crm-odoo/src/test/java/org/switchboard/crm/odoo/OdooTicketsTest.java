package org.switchboard.crm.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.CrmException;
import org.switchboard.crm.odoo.connector.OdooConnector;

class OdooTicketsTest extends FakeOdooTest {

    @Test
    void aNewConversationOfAKnownCustomerOpensOneLeadOnTheirPartner() throws Exception {
        TicketRef ticket = connector().openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        List<ObjectNode> leads = odoo.records("crm.lead");
        assertThat(leads).hasSize(1);
        ObjectNode lead = leads.get(0);
        long id = lead.path("id").asLong();
        assertThat(lead.path("name").asText()).isEqualTo("Inbound call: delivery delayed");
        assertThat(lead.path("type").asText()).isEqualTo("opportunity");
        assertThat(lead.path("partner_id").path(0).asLong()).isEqualTo(29);
        assertThat(lead.path("description").asText())
                .contains("<p>Order 4711 not delivered.<br>Customer asks for a callback &lt;today&gt;.</p>")
                .contains("[sb-ticket-41-odoo]");
        assertThat(ticket).isEqualTo(new TicketRef("odoo", "crm.lead," + id, "ODOO-" + id, TicketRef.OPEN,
                "https://erp.example.com/web#id=" + id + "&model=crm.lead&view_type=form"));
    }

    @Test
    void openingALeadLeavesThePartnersPhoneAsItWas() throws Exception {
        connector().openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        assertThat(odoo.record("res.partner", 29).path("phone").asText()).isEqualTo("+7 (495) 123-45-67");
    }

    @Test
    void aRetryOfTheSameOpeningReturnsTheFirstLead() throws Exception {
        OdooConnector connector = connector();
        TicketRef first = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        TicketRef again = connector().openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        assertThat(again).isEqualTo(first);
        assertThat(odoo.records("crm.lead")).hasSize(1);
    }

    @Test
    void aKeyThatOnlyLooksLikeAnotherOneOpensItsOwnLead() throws Exception {
        OdooConnector connector = connector();
        TicketRef first = connector.openTicket(Requests.ticket("sb-ticket-4_-odoo", Requests.ivan("odoo")));

        TicketRef second = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        assertThat(second.externalId()).isNotEqualTo(first.externalId());
        assertThat(odoo.records("crm.lead")).hasSize(2);
    }

    @Test
    void theReferenceGoesIntoTheConfiguredFieldWhenThereIsOne() throws Exception {
        TestSettings settings = settings();
        settings.referenceField = "referred";
        TicketRef first = connector(settings).openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        TicketRef again = connector(settings).openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        assertThat(again).isEqualTo(first);
        assertThat(odoo.records("crm.lead")).singleElement()
                .satisfies(lead -> assertThat(lead.path("referred").asText()).isEqualTo("sb-ticket-41-odoo"));
    }

    @Test
    void aCustomerOdooDoesNotKnowGetsALeadWithTheirNumber() throws Exception {
        connector().openTicket(Requests.ticket("sb-ticket-42-odoo", Requests.stranger()));

        assertThat(odoo.records("crm.lead")).singleElement().satisfies(lead -> {
            assertThat(lead.path("partner_id").asBoolean()).isFalse();
            assertThat(lead.path("phone").asText()).isEqualTo("+4930111222333");
        });
    }

    @Test
    void aCustomerWithoutAReferenceIsMatchedByTheirNumber() throws Exception {
        var customer = new org.switchboard.api.Customer(9, null,
                List.of(org.switchboard.api.Address.phone("+79165551234")), List.of(), Requests.AT);

        connector().openTicket(Requests.ticket("sb-ticket-43-odoo", customer));

        assertThat(odoo.records("crm.lead")).singleElement()
                .satisfies(lead -> assertThat(lead.path("partner_id").path(0).asLong()).isEqualTo(29));
    }

    @Test
    void statusChangesMoveTheLeadThroughItsStages() throws Exception {
        OdooConnector connector = connector();
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));
        long id = Long.parseLong(ticket.externalId().substring("crm.lead,".length()));

        TicketRef pending = connector.updateTicketStatus(ticket, TicketRef.PENDING, "sb-status-1");
        assertThat(odoo.record("crm.lead", id).path("stage_id").path(1).asText()).isEqualTo("Qualified");
        TicketRef closed = connector.updateTicketStatus(pending, TicketRef.CLOSED, "sb-status-2");

        assertThat(pending.status()).isEqualTo(TicketRef.PENDING);
        assertThat(closed.status()).isEqualTo(TicketRef.CLOSED);
        assertThat(odoo.record("crm.lead", id).path("stage_id").path(1).asText()).isEqualTo("Won");
    }

    @Test
    void aStageNameIsAStatusToo() throws Exception {
        OdooConnector connector = connector();
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        TicketRef moved = connector.updateTicketStatus(ticket, "proposition", "sb-status-1");

        assertThat(moved.status()).isEqualTo("Proposition");
    }

    @Test
    void configuredStagesOverrideTheDefaults() throws Exception {
        TestSettings settings = settings();
        settings.statusStages = Map.of("pending", "Proposition");
        OdooConnector connector = connector(settings);
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        connector.updateTicketStatus(ticket, TicketRef.PENDING, "sb-status-1");

        assertThat(odoo.records("crm.lead").get(0).path("stage_id").path(1).asText()).isEqualTo("Proposition");
    }

    @Test
    void anUnknownStatusIsRejectedNamingTheStages() throws Exception {
        OdooConnector connector = connector();
        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        assertThatThrownBy(() -> connector.updateTicketStatus(ticket, "escalated", "sb-status-1"))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("escalated").hasMessageContaining("Qualified");
    }

    @Test
    void aLeadDeletedInOdooIsRejectedOnUpdate() {
        TicketRef gone = new TicketRef("odoo", "crm.lead,999999", "ODOO-999999", TicketRef.OPEN, null);

        assertThatThrownBy(() -> connector().updateTicketStatus(gone, TicketRef.CLOSED, "sb-status-1"))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("no longer exists");
    }

    @Test
    void helpdeskTicketsAreUsedWhenTheHelpdeskAppIsInstalled() throws Exception {
        odoo.withHelpdesk();
        TestSettings settings = settings();
        settings.ticketModel = "auto";
        OdooConnector connector = connector(settings);

        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.stranger()));
        TicketRef closed = connector.updateTicketStatus(ticket, TicketRef.CLOSED, "sb-status-1");

        assertThat(ticket.externalId()).startsWith("helpdesk.ticket,");
        assertThat(ticket.url()).contains("model=helpdesk.ticket");
        assertThat(odoo.records("crm.lead")).isEmpty();
        assertThat(odoo.records("helpdesk.ticket")).singleElement().satisfies(t -> {
            assertThat(t.path("partner_phone").asText()).isEqualTo("+4930111222333");
            assertThat(t.path("stage_id").path(1).asText()).isEqualTo("Solved");
        });
        assertThat(closed.status()).isEqualTo(TicketRef.CLOSED);
    }

    @Test
    void withoutHelpdeskAutoKeepsTicketsAsLeads() throws Exception {
        TestSettings settings = settings();
        settings.ticketModel = "auto";

        TicketRef ticket = connector(settings).openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        assertThat(ticket.externalId()).startsWith("crm.lead,");
    }

    @Test
    void linksUseTheNewUrlSchemeWhenConfigured() throws Exception {
        TestSettings settings = settings();
        settings.linkStyle = "odoo";

        TicketRef ticket = connector(settings).openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));

        assertThat(ticket.url()).isEqualTo("https://erp.example.com/odoo/crm.lead/"
                + ticket.externalId().substring("crm.lead,".length()));
    }

    @Test
    void tasksGoToTheConfiguredProjectAndMoveThroughItsStages() throws Exception {
        TestSettings settings = settings();
        settings.ticketModel = "project.task";
        settings.projectId = 5;
        OdooConnector connector = connector(settings);

        TicketRef ticket = connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo")));
        long id = Long.parseLong(ticket.externalId().substring("project.task,".length()));
        TicketRef pending = connector.updateTicketStatus(ticket, TicketRef.PENDING, "sb-status-1");
        assertThat(odoo.record("project.task", id).path("stage_id").path(1).asText()).isEqualTo("In Progress");
        TicketRef closed = connector.updateTicketStatus(pending, TicketRef.CLOSED, "sb-status-2");

        ObjectNode task = odoo.record("project.task", id);
        assertThat(task.path("project_id").path(0).asLong()).isEqualTo(5);
        assertThat(task.path("partner_id").path(0).asLong()).isEqualTo(29);
        assertThat(task.path("stage_id").path(1).asText()).isEqualTo("Done");
        assertThat(closed.status()).isEqualTo(TicketRef.CLOSED);
        assertThat(connector.updateTicketStatus(closed, TicketRef.OPEN, "sb-status-3").status()).isEqualTo(TicketRef.OPEN);
        assertThat(odoo.record("project.task", id).path("stage_id").path(1).asText()).isEqualTo("To Do");
    }
}
