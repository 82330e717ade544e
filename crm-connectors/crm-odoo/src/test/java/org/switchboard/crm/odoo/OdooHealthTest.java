package org.switchboard.crm.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.spi.Health;
import org.switchboard.crm.odoo.connector.OdooConnector;
import org.switchboard.crm.odoo.fake.FakeOdoo;

class OdooHealthTest extends FakeOdooTest {

    @Test
    void isUpWhileOdooAnswersEvenWhenItRefusesARequest() throws Exception {
        OdooConnector connector = connector();
        connector.findCustomers(List.of(Address.phone("+74951234567")));
        assertThatThrownBy(() -> connector.updateTicketStatus(
                new org.switchboard.api.TicketRef("odoo", "crm.lead,999999", "ODOO-999999", "open", null), "closed", "k"));

        Health health = connector.check();

        assertThat(connector.name()).isEqualTo("crm:odoo");
        assertThat(health.status()).isEqualTo(Health.Status.UP);
        assertThat(health.details()).containsKey("lastSuccess");
    }

    @Test
    void isDegradedWhileOdooDoesNotAnswer() {
        OdooConnector connector = connector();
        odoo.outage(FakeOdoo.Outage.UNAVAILABLE);
        assertThatThrownBy(() -> connector.findCustomers(List.of(Address.phone("+74951234567"))));

        Health health = connector.check();

        assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(health.message()).contains("HTTP 503");
    }

    @Test
    void isDownWhenOdooRefusesTheKeyAndNeverShowsIt() {
        TestSettings settings = settings();
        settings.apiKey = "revoked-key-0000";
        OdooConnector connector = connector(settings);
        assertThatThrownBy(() -> connector.findCustomers(List.of(Address.phone("+74951234567"))));

        Health health = connector.check();

        assertThat(health.status()).isEqualTo(Health.Status.DOWN);
        assertThat(health.message()).contains("refused login 'admin'").doesNotContain("revoked-key-0000");
    }

    @Test
    void isUpBeforeTheFirstCall() {
        assertThat(connector().check().status()).isEqualTo(Health.Status.UP);
    }
}
