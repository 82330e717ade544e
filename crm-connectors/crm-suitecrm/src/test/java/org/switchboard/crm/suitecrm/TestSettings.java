package org.switchboard.crm.suitecrm;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Connector settings pointing at a {@link FakeSuiteCrm}. */
final class TestSettings {
    static final String ID = "suitecrm-test";

    private TestSettings() {
    }

    static SuiteCrmSettings clientCredentials(String url) {
        return clientCredentials(url, Duration.ofSeconds(2));
    }

    static SuiteCrmSettings clientCredentials(String url, Duration timeout) {
        return new SuiteCrmSettings(ID, URI.create(url), null, SuiteCrmSettings.Grant.CLIENT_CREDENTIALS,
                FakeSuiteCrm.CLIENT_ID, FakeSuiteCrm.CLIENT_SECRET, "", "", timeout, 4, Duration.ofSeconds(5),
                Duration.ofMinutes(2), 1000, List.of(CustomerModule.CONTACTS, CustomerModule.LEADS, CustomerModule.ACCOUNTS),
                "DE", FakeSuiteCrm.REFERENCE_FIELD, "User", "P2");
    }

    static SuiteCrmSettings passwordGrant(String url, String password) {
        return new SuiteCrmSettings(ID, URI.create(url), null, SuiteCrmSettings.Grant.PASSWORD,
                FakeSuiteCrm.PASSWORD_CLIENT_ID, FakeSuiteCrm.CLIENT_SECRET, FakeSuiteCrm.USER, password,
                Duration.ofSeconds(2), 4, Duration.ofSeconds(5), Duration.ofMinutes(2), 1000,
                List.of(CustomerModule.CONTACTS), "DE", FakeSuiteCrm.REFERENCE_FIELD, "User", "P2");
    }
}
