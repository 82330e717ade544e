package org.switchboard.crm.suitecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;

/** Finding customers in Contacts, Leads and Accounts, however their numbers were typed. */
class SuiteCrmLookupTest {
    private FakeSuiteCrm crm;
    private SuiteCrmConnector connector;

    @BeforeEach
    void start() {
        crm = new FakeSuiteCrm();
        connector = new SuiteCrmConnector(TestSettings.clientCredentials(crm.url()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    @Test
    void findsAContactByItsMobileTypedWithBracketsAndDashes() throws Exception {
        String ivan = crm.add("Contacts", Map.of("first_name", "Ivan", "last_name", "Petrov",
                "phone_work", "+74951234567", "phone_mobile", "+7 (916) 555-12-34", "email1", "ivan.petrov@example.org"));

        List<CrmMatch> matches = connector.findCustomers(List.of(Address.phone("+79165551234")));

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.ref().externalId()).isEqualTo(ivan);
            assertThat(match.ref().type()).isEqualTo("Contacts");
            assertThat(match.displayName()).isEqualTo("Ivan Petrov");
            assertThat(match.addresses()).containsExactlyInAnyOrder(Address.phone("+74951234567"),
                    Address.phone("+79165551234"), Address.email("ivan.petrov@example.org"));
        });
    }

    @Test
    void findsANumberStoredWithoutCountryCodeInTheDefaultRegion() throws Exception {
        String berlin = crm.add("Contacts", Map.of("first_name", "Anna", "last_name", "Schmidt", "phone_home", "030 901820"));

        assertThat(connector.findCustomers(List.of(Address.phone("+4930901820"))))
                .extracting(m -> m.ref().externalId()).containsExactly(berlin);
    }

    @Test
    void findsAnAccountByItsOfficePhoneAndALeadByItsMobile() throws Exception {
        String account = crm.add("Accounts", Map.of("name", "ООО «Ромашка»", "phone_office", "+7 495 765-43-21"));
        String lead = crm.add("Leads", Map.of("first_name", "Olga", "last_name", "Smirnova", "phone_mobile", "+7 495 765 43 21"));

        List<CrmMatch> matches = connector.findCustomers(List.of(Address.phone("+74957654321")));

        assertThat(matches).extracting(m -> m.ref().type() + "/" + m.ref().externalId())
                .containsExactly("Leads/" + lead, "Accounts/" + account);
        assertThat(matches.get(1).displayName()).isEqualTo("ООО «Ромашка»");
        assertThat(matches.get(1).ref().url()).endsWith("index.php?module=Accounts&action=DetailView&record=" + account);
    }

    @Test
    void leavesOutARecordWhoseNumberOnlyContainsTheDigits() throws Exception {
        crm.add("Contacts", Map.of("first_name", "Longer", "last_name", "Number", "phone_work", "+49 30 9018201"));

        assertThat(connector.findCustomers(List.of(Address.phone("+4930901820")))).isEmpty();
    }

    @Test
    void findsAnAccountByEmailInAnotherCase() throws Exception {
        String account = crm.add("Accounts", Map.of("name", "Romashka", "email1", "Office@Romashka.example"));

        assertThat(connector.findCustomers(List.of(Address.email("office@romashka.example"))))
                .extracting(m -> m.ref().externalId()).containsExactly(account);
    }

    @Test
    void answersARepeatedLookupFromTheCache() throws Exception {
        crm.add("Contacts", Map.of("first_name", "Ivan", "last_name", "Petrov", "phone_work", "+74951234567"));
        connector.findCustomers(List.of(Address.phone("+74951234567")));
        int reads = crm.reads();

        assertThat(connector.findCustomers(List.of(Address.phone("+74951234567")))).hasSize(1);
        assertThat(crm.reads()).isEqualTo(reads);
    }

    @Test
    void givesUpAfterTheBudgetAndCachesTheLateAnswer() throws Exception {
        crm.add("Contacts", Map.of("first_name", "Ivan", "last_name", "Petrov", "phone_work", "+74951234567"));
        crm.delayReads(3_000);
        SuiteCrmSettings fast = TestSettings.clientCredentials(crm.url());
        SuiteCrmConnector impatient = new SuiteCrmConnector(new SuiteCrmSettings(fast.id(), fast.apiUrl(), null,
                fast.grant(), fast.clientId(), fast.clientSecret(), "", "", Duration.ofSeconds(10), fast.writeConcurrency(),
                Duration.ofMillis(300), fast.lookupCacheTtl(), fast.lookupCacheSize(), fast.lookupModules(),
                fast.defaultRegion(), fast.referenceField(), fast.caseType(), fast.casePriority()), Clock.systemUTC());
        List<Address> ivan = List.of(Address.phone("+74951234567"));

        assertThatThrownBy(() -> impatient.findCustomers(ivan))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("300 ms");

        // every new request would again take 3 s: only the first one's late answer, cached, can come in time
        await().atMost(Duration.ofSeconds(10)).ignoreException(CrmException.class).untilAsserted(() ->
                assertThat(impatient.findCustomers(ivan)).extracting(CrmMatch::displayName).containsExactly("Ivan Petrov"));
    }
}
