package org.switchboard.crm.suitecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Customer;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.CrmException;

/** What the connector writes into SuiteCRM, field by field. */
class SuiteCrmWritesTest {
    private FakeSuiteCrm crm;
    private SuiteCrmConnector connector;
    private String contactId;
    private Customer customer;

    @BeforeEach
    void start() {
        crm = new FakeSuiteCrm();
        connector = new SuiteCrmConnector(TestSettings.clientCredentials(crm.url()), Clock.systemUTC());
        contactId = crm.add("Contacts", Map.of("first_name", "Ivan", "last_name", "Petrov",
                "phone_work", "+74951234567", "phone_mobile", "+7 (916) 555-12-34"));
        customer = Requests.customer(contactId);
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    @Test
    void opensACaseThatCarriesTheReferenceAndIsRelatedToTheContact() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-11", customer));

        assertThat(crm.find("Cases", FakeSuiteCrm.REFERENCE_FIELD, "conversation-11")).singleElement()
                .satisfies(kase -> {
                    assertThat(kase.path("id").asText()).isEqualTo(ticket.externalId());
                    assertThat(kase.path("attributes").path("name").asText()).isEqualTo("Inbound call: delivery delayed");
                    assertThat(kase.path("attributes").path("description").asText()).isEqualTo("Order 4711 not delivered.");
                    assertThat(kase.path("attributes").path("state").asText()).isEqualTo("Open");
                    assertThat(kase.path("attributes").path("status").asText()).isEqualTo("Open_New");
                    assertThat(kase.path("attributes").path("priority").asText()).isEqualTo("P2");
                });
        assertThat(crm.related("Cases", ticket.externalId(), "contacts", contactId)).isTrue();
        assertThat(ticket.number()).isEqualTo("1");
        assertThat(ticket.url()).isEqualTo(crm.url() + "/index.php?module=Cases&action=DetailView&record="
                + ticket.externalId());
    }

    @Test
    void findsTheContactByTheCustomersPhoneWhenTheCustomerHasNoReferenceYet() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-11", Requests.customer(null)));

        assertThat(crm.related("Cases", ticket.externalId(), "contacts", contactId)).isTrue();
    }

    @Test
    void logsACallWithAStartSuiteCrmKeepsRelatedToCaseAndContact() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-11", customer));

        connector.logActivity(Requests.call("call-1", ticket, customer));

        assertThat(crm.find("Calls", FakeSuiteCrm.REFERENCE_FIELD, "call-1")).singleElement().satisfies(call -> {
            assertThat(call.path("attributes").path("date_start").asText()).isEqualTo("2026-11-22T16:01:00+00:00");
            assertThat(call.path("attributes").path("direction").asText()).isEqualTo("Inbound");
            assertThat(call.path("attributes").path("status").asText()).isEqualTo("Held");
            assertThat(call.path("attributes").path("parent_type").asText()).isEqualTo("Cases");
            assertThat(call.path("attributes").path("parent_id").asText()).isEqualTo(ticket.externalId());
            assertThat(crm.related("Calls", call.path("id").asText(), "contacts", contactId)).isTrue();
        });
    }

    @Test
    void logsAMessageAsANoteOnTheCaseForTheContact() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-11", customer));

        connector.logActivity(Requests.message("reply-1", ticket, customer));

        assertThat(crm.find("Notes", FakeSuiteCrm.REFERENCE_FIELD, "reply-1")).singleElement().satisfies(note -> {
            assertThat(note.path("attributes").path("name").asText()).isEqualTo("Message on telegram");
            assertThat(note.path("attributes").path("description").asText()).isEqualTo("The courier comes tomorrow.");
            assertThat(note.path("attributes").path("parent_id").asText()).isEqualTo(ticket.externalId());
            assertThat(note.path("attributes").path("contact_id").asText()).isEqualTo(contactId);
            assertThat(note.path("attributes").path("contact_name").asText()).isEqualTo("Ivan Petrov");
        });
    }

    @Test
    void writesSwitchboardsStatusesInSuiteCrmsWords() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-11", customer));

        connector.updateTicketStatus(ticket, TicketRef.PENDING, "status-1");
        assertThat(crm.find("Cases", FakeSuiteCrm.REFERENCE_FIELD, "conversation-11").get(0).path("attributes")
                .path("status").asText()).isEqualTo("Open_Pending Input");

        TicketRef duplicate = connector.updateTicketStatus(ticket, "Closed_Duplicate", "status-2");
        assertThat(duplicate.status()).isEqualTo(TicketRef.CLOSED);
        assertThat(crm.find("Cases", FakeSuiteCrm.REFERENCE_FIELD, "conversation-11").get(0).path("attributes")
                .path("state").asText()).isEqualTo("Closed");
    }

    @Test
    void rejectsAnUnknownStatusNamingTheAllowedOnes() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-11", customer));

        assertThatThrownBy(() -> connector.updateTicketStatus(ticket, "resolved", "status-1"))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("resolved").hasMessageContaining("Open_Pending Input");
    }

    @Test
    void returnsTheCaseTheFirstAttemptMadeWhenItsAnswerWasLost() throws Exception {
        crm.loseAnswers(1, 4_000);

        assertThatThrownBy(() -> connector.openTicket(Requests.ticket("conversation-11", customer)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue());
        TicketRef retried = connector.openTicket(Requests.ticket("conversation-11", customer));

        assertThat(crm.count("Cases")).isEqualTo(1);
        assertThat(crm.find("Cases", FakeSuiteCrm.REFERENCE_FIELD, "conversation-11").get(0).path("id").asText())
                .isEqualTo(retried.externalId());
        assertThat(crm.related("Cases", retried.externalId(), "contacts", contactId)).isTrue();
    }

    @Test
    void logsACallOnceWhenTheAnswerOfTheFirstAttemptWasLost() throws Exception {
        TicketRef ticket = connector.openTicket(Requests.ticket("conversation-11", customer));
        crm.loseAnswers(1, 4_000);

        assertThatThrownBy(() -> connector.logActivity(Requests.call("call-1", ticket, customer)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue());
        connector.logActivity(Requests.call("call-1", ticket, customer));

        assertThat(crm.count("Calls")).isEqualTo(1);
        String callId = crm.find("Calls", FakeSuiteCrm.REFERENCE_FIELD, "call-1").get(0).path("id").asText();
        assertThat(crm.related("Calls", callId, "contacts", contactId)).isTrue();
    }
}
