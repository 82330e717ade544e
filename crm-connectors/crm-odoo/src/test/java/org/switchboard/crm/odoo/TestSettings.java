package org.switchboard.crm.odoo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.switchboard.crm.odoo.fake.FakeOdoo;

/** Connector settings for tests: the fake's admin user, crm.lead tickets, everything else as configured by default. */
public final class TestSettings {
    public String connectorId = "odoo";
    public String url;
    public String database = FakeOdoo.DATABASE;
    public String login = "admin";
    public String apiKey = FakeOdoo.ADMIN_KEY;
    public String publicUrl = "https://erp.example.com";
    public String linkStyle = "web";
    public String ticketModel = "crm.lead";
    public String leadType = "opportunity";
    public int teamId;
    public int projectId;
    public String referenceField = "";
    public Map<String, String> statusStages = Map.of();
    public Duration timeout = Duration.ofSeconds(5);
    public Duration lookupBudget = Duration.ofSeconds(5);
    public Duration lookupCache = Duration.ofSeconds(120);
    public boolean matchNationalNumbers = true;

    public TestSettings(String url) {
        this.url = url;
    }

    public OdooSettings build() {
        return new OdooSettings(connectorId, URI.create(url), database, login, apiKey,
                publicUrl == null ? null : URI.create(publicUrl), linkStyle, ticketModel, leadType, teamId, projectId,
                referenceField, statusStages, "ODOO-", timeout, lookupBudget, lookupCache, matchNationalNumbers);
    }
}
