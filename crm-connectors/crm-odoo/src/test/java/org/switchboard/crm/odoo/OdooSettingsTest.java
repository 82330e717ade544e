package org.switchboard.crm.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdooSettingsTest {

    /** A configuration as Config Admin would hand it over, with the defaults of {@link OdooConfig}. */
    private static class Config implements OdooConfig {
        String id = "odoo-main";
        String url = "https://erp.example.com/";
        String ticketModel = "auto";
        String[] statusStages = {"closed = Solved", "pending=Waiting for customer"};
        String prefix = "ODOO-";

        @Override public Class<? extends Annotation> annotationType() { return OdooConfig.class; }
        @Override public String switchboard_crm_id() { return id; }
        @Override public String url() { return url; }
        @Override public String database() { return "prod"; }
        @Override public String login() { return "switchboard@example.com"; }
        @Override public String _apiKey() { return "secret-key-123"; }
        @Override public String publicUrl() { return ""; }
        @Override public String linkStyle() { return "web"; }
        @Override public String ticketModel() { return ticketModel; }
        @Override public String leadType() { return "opportunity"; }
        @Override public int teamId() { return 0; }
        @Override public int projectId() { return 0; }
        @Override public String referenceField() { return ""; }
        @Override public String[] statusStages() { return statusStages; }
        @Override public String ticketNumberPrefix() { return prefix; }
        @Override public int timeoutMillis() { return 5000; }
        @Override public int lookupBudgetMillis() { return 800; }
        @Override public int lookupCacheSeconds() { return 120; }
        @Override public boolean matchNationalNumbers() { return true; }
    }

    @Test
    void aConfigurationBecomesSettings() {
        OdooSettings settings = OdooSettings.of(new Config());

        assertThat(settings.connectorId()).isEqualTo("odoo-main");
        assertThat(settings.publicUrl()).isEqualTo(settings.url());
        assertThat(settings.statusStages()).isEqualTo(Map.of("closed", "Solved", "pending", "Waiting for customer"));
        assertThat(settings.lookupBudget()).isEqualTo(Duration.ofMillis(800));
        assertThat(settings.toString()).doesNotContain("secret-key-123");
    }

    @Test
    void mistakesAreNamedWithTheAttributeToFix() {
        Config badUrl = new Config();
        badUrl.url = "erp.example.com";
        Config badModel = new Config();
        badModel.ticketModel = "sale.order";
        Config badStages = new Config();
        badStages.statusStages = new String[] {"closed"};
        Config badId = new Config();
        badId.id = "Odoo Main";
        Config badPrefix = new Config();
        badPrefix.prefix = "odoo";

        assertThatThrownBy(() -> OdooSettings.of(badUrl)).hasMessageContaining("url must be an http(s) URL");
        assertThatThrownBy(() -> OdooSettings.of(badModel)).hasMessageContaining("ticketModel");
        assertThatThrownBy(() -> OdooSettings.of(badStages)).hasMessageContaining("statusStages");
        assertThatThrownBy(() -> OdooSettings.of(badId)).hasMessageContaining("switchboard.crm.id");
        assertThatThrownBy(() -> OdooSettings.of(badPrefix)).hasMessageContaining("ticketNumberPrefix");
    }
}
