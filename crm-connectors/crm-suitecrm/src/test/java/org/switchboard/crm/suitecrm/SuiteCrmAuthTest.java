package org.switchboard.crm.suitecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.spi.CrmException;

/** Signing in at /Api/access_token: tokens reused, refreshed, renewed after a 401, and refusals that quote no secret. */
class SuiteCrmAuthTest {
    private static final List<Address> NOBODY = List.of(Address.email("nobody@example.net"));
    private static final List<Address> NOBODY_ELSE = List.of(Address.email("nobody.else@example.net"));

    private FakeSuiteCrm crm;

    @BeforeEach
    void start() {
        crm = new FakeSuiteCrm();
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    @Test
    void signsInOnceForManyCalls() throws Exception {
        SuiteCrmConnector connector = new SuiteCrmConnector(TestSettings.clientCredentials(crm.url()), Clock.systemUTC());

        connector.findCustomers(NOBODY);
        connector.findCustomers(NOBODY_ELSE);

        assertThat(crm.grants()).containsExactly("client_credentials");
    }

    @Test
    void signsInAgainOnceWhenSuiteCrmRevokedTheToken() throws Exception {
        SuiteCrmConnector connector = new SuiteCrmConnector(TestSettings.clientCredentials(crm.url()), Clock.systemUTC());
        connector.findCustomers(NOBODY);

        crm.expireTokens();

        assertThat(connector.findCustomers(NOBODY_ELSE)).isEmpty();
        assertThat(crm.grants()).containsExactly("client_credentials", "client_credentials");
    }

    @Test
    void refreshesAPasswordGrantTokenBeforeItExpires() throws Exception {
        MutableClock clock = new MutableClock();
        SuiteCrmConnector connector = new SuiteCrmConnector(
                TestSettings.passwordGrant(crm.url(), FakeSuiteCrm.USER_PASSWORD), clock);
        connector.findCustomers(NOBODY);

        clock.advance(Duration.ofMinutes(59));

        assertThat(connector.findCustomers(NOBODY_ELSE)).isEmpty();
        assertThat(crm.grants()).containsExactly("password", "refresh_token");
    }

    @Test
    void rejectsAWrongClientSecretWithoutQuotingIt() {
        SuiteCrmSettings good = TestSettings.clientCredentials(crm.url());
        SuiteCrmSettings wrong = new SuiteCrmSettings(good.id(), good.apiUrl(), null, good.grant(), good.clientId(),
                "wrong-secret", "", "", good.timeout(), good.writeConcurrency(), good.lookupBudget(), good.lookupCacheTtl(),
                good.lookupCacheSize(), good.lookupModules(), good.defaultRegion(), good.referenceField(),
                good.caseType(), good.casePriority());
        SuiteCrmConnector connector = new SuiteCrmConnector(wrong, Clock.systemUTC());

        assertThatThrownBy(() -> connector.findCustomers(NOBODY))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void rejectsAWrongUserPasswordWithoutRepeatingWhatSuiteCrmEchoes() {
        SuiteCrmConnector connector = new SuiteCrmConnector(
                TestSettings.passwordGrant(crm.url(), "wrong-password"), Clock.systemUTC());

        assertThatThrownBy(() -> connector.findCustomers(NOBODY))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("unknown_error")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void asksForARetryWhenTheTokenEndpointIsUnavailable() {
        SuiteCrmConnector connector = new SuiteCrmConnector(TestSettings.clientCredentials(crm.url()), Clock.systemUTC());
        crm.failNext(502, 1);

        assertThatThrownBy(() -> connector.findCustomers(NOBODY))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("502");
    }

    @Test
    void keepsTheSecretsOutOfTheSettingsText() {
        SuiteCrmSettings settings = TestSettings.passwordGrant(crm.url(), FakeSuiteCrm.USER_PASSWORD);

        assertThat(settings.toString()).doesNotContain(FakeSuiteCrm.CLIENT_SECRET, FakeSuiteCrm.USER_PASSWORD)
                .contains(TestSettings.ID);
    }
}
