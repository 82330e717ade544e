package org.switchboard.crm.suitecrm;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.crm.contract.CrmConnectorContract;

/** The shared connector contract, against SuiteCRM 7.14's V8 API as the fake answers it. */
class SuiteCrmConnectorContractTest extends CrmConnectorContract {
    private FakeSuiteCrm crm;

    @Override
    protected CrmConnector newConnector() {
        crm = new FakeSuiteCrm();
        return new SuiteCrmConnector(TestSettings.clientCredentials(crm.url()), Clock.systemUTC());
    }

    @AfterEach
    void stopCrm() {
        crm.close();
    }

    @Override
    protected Optional<CrmRef> seedCustomer(String displayName, String phoneAsStored, String emailAsStored) {
        String[] names = displayName.split(" ", 2);
        String id = crm.add("Contacts", Map.of("first_name", names[0], "last_name", names[1],
                "phone_work", phoneAsStored, "email1", emailAsStored));
        return Optional.of(new CrmRef(TestSettings.ID, "Contacts", id,
                crm.url() + "/index.php?module=Contacts&action=DetailView&record=" + id));
    }

    @Override
    protected long ticketCount() {
        return crm.count("Cases");
    }

    @Override
    protected List<String> activitiesOnTicket(TicketRef ticket) {
        return crm.activitiesOf(ticket.externalId());
    }

    @Override
    protected List<String> activitiesOnCustomer(Customer customer) {
        return crm.activitiesOf(customer.crmRefs().get(0).externalId());
    }

    @Override
    protected void backendDown() {
        crm.down();
    }

    @Override
    protected void backendUp() {
        crm.up();
    }

    /** A key longer than the reference field holds. */
    @Override
    protected TicketRequest refusedTicket(TicketRequest valid) {
        return new TicketRequest("k".repeat(SuiteCrmConnector.MAX_KEY_LENGTH + 1), valid.customer(),
                valid.conversationId(), valid.interactionId(), valid.channel(), valid.subject(), valid.description(),
                valid.occurredAt());
    }

    /** An activity on a Case that someone deleted in SuiteCRM, which answers that it is not found. */
    @Override
    protected ActivityRequest refusedActivity(ActivityRequest valid) {
        String deleted = crm.add("Cases", Map.of("name", "Deleted meanwhile"));
        crm.delete("Cases", deleted);
        TicketRef gone = new TicketRef(TestSettings.ID, deleted, "999", TicketRef.OPEN, null);
        return new ActivityRequest(valid.idempotencyKey(), gone, valid.customer(), valid.interactionId(), valid.kind(),
                valid.channel(), valid.direction(), valid.subject(), valid.body(), valid.agentId(), valid.occurredAt());
    }

    @Override
    protected String missingTicketId() {
        return "00000000-0000-0000-0000-000000000000";
    }
}
