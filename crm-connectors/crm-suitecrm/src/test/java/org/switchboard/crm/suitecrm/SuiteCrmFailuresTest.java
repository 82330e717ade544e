package org.switchboard.crm.suitecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.api.Address;
import org.switchboard.api.Customer;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.CrmException;

/** Which failures the outbox retries and which it rejects for good. */
class SuiteCrmFailuresTest {
    private FakeSuiteCrm crm;
    private Customer customer;

    @BeforeEach
    void start() {
        crm = new FakeSuiteCrm();
        customer = Requests.customer(crm.add("Contacts", Map.of("first_name", "Ivan", "last_name", "Petrov")));
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void retriesWhatSuiteCrmOrItsProxyAnswersWhenBusyOrBroken(int status) throws Exception {
        SuiteCrmConnector connector = connector(TestSettings.clientCredentials(crm.url()));
        connector.findCustomers(List.of(Address.email("someone.signed.in@example.org")));
        crm.failNext(status, 1);

        assertThatThrownBy(() -> connector.openTicket(Requests.ticket("conversation-11", customer)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining(Integer.toString(status));
        assertThat(crm.count("Cases")).isZero();
    }

    @Test
    void retriesWhenSuiteCrmDoesNotAnswerInTime() {
        SuiteCrmConnector connector = connector(TestSettings.clientCredentials(crm.url()));
        crm.delayReads(4_000);

        assertThatThrownBy(() -> connector.openTicket(Requests.ticket("conversation-11", customer)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue());
        assertThat(crm.count("Cases")).isZero();
    }

    @Test
    void retriesWhenSuiteCrmCannotBeReached() {
        String url = crm.url();
        crm.close();
        SuiteCrmConnector connector = connector(TestSettings.clientCredentials(url));

        assertThatThrownBy(() -> connector.openTicket(Requests.ticket("conversation-11", customer)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue());
        crm = new FakeSuiteCrm();
    }

    @Test
    void rejectsWhatSuiteCrmRefusesAndSaysWhy() {
        SuiteCrmSettings good = TestSettings.clientCredentials(crm.url());
        SuiteCrmConnector connector = connector(new SuiteCrmSettings(good.id(), good.apiUrl(), null, good.grant(),
                good.clientId(), good.clientSecret(), "", "", good.timeout(), good.writeConcurrency(), good.lookupBudget(),
                good.lookupCacheTtl(), good.lookupCacheSize(), good.lookupModules(), good.defaultRegion(),
                "not_created_in_studio_c", good.caseType(), good.casePriority()));

        assertThatThrownBy(() -> connector.openTicket(Requests.ticket("conversation-11", customer)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Filter field not_created_in_studio_c in Case module is not found");
    }

    @Test
    void rejectsAnActivityOnACaseDeletedInSuiteCrm() throws Exception {
        SuiteCrmConnector connector = connector(TestSettings.clientCredentials(crm.url()));
        String deleted = crm.add("Cases", Map.of("name", "Duplicate"));
        crm.delete("Cases", deleted);
        TicketRef gone = new TicketRef(TestSettings.ID, deleted, "3", "open", null);

        assertThatThrownBy(() -> connector.logActivity(Requests.call("call-1", gone, customer)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("is not found");
        assertThat(crm.count("Calls")).isZero();
    }

    private static SuiteCrmConnector connector(SuiteCrmSettings settings) {
        return new SuiteCrmConnector(settings, Clock.systemUTC());
    }
}
