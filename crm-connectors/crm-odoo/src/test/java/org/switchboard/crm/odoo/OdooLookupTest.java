package org.switchboard.crm.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.crm.odoo.connector.OdooConnector;
import org.switchboard.crm.odoo.fake.FakeOdoo;

class OdooLookupTest extends FakeOdooTest {

    @Test
    void aKnownPhoneWrittenWithSeparatorsMatchesItsPartner() throws Exception {
        List<CrmMatch> matches = connector().findCustomers(List.of(Address.phone("+74951234567")));

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.ref()).isEqualTo(new CrmRef("odoo", "res.partner", "29",
                    "https://erp.example.com/web#id=29&model=res.partner&view_type=form"));
            assertThat(m.displayName()).isEqualTo("Ivan Petrov");
            assertThat(m.addresses()).contains(Address.email("ivan.petrov@example.org"));
        });
    }

    @Test
    void aMobileTypedWithATrunkPrefixIsFoundByItsNationalDigits() throws Exception {
        // stored as "8 916 555 12 34": phone_mobile_search = '+79165551234' finds nothing (recorded in 19)
        List<CrmMatch> matches = connector().findCustomers(List.of(Address.phone("+79165551234")));

        assertThat(matches).extracting(m -> m.ref().externalId()).containsExactly("29");
    }

    @Test
    void nationalDigitsAreNotTriedWhenSwitchedOff() throws Exception {
        TestSettings settings = settings();
        settings.matchNationalNumbers = false;

        assertThat(connector(settings).findCustomers(List.of(Address.phone("+79165551234")))).isEmpty();
    }

    @Test
    void emailsMatchWhateverCaseAndFormOdooStoredThemIn() throws Exception {
        OdooConnector connector = connector();

        assertThat(connector.findCustomers(List.of(Address.email("Ivan.Petrov@example.org"))))
                .extracting(m -> m.ref().externalId()).containsExactly("29");
        assertThat(connector.findCustomers(List.of(Address.email("olga.smirnova@example.org"))))
                .extracting(m -> m.ref().externalId()).containsExactly("30");
    }

    @Test
    void aPartnerFoundByPhoneAndEmailIsOneMatch() throws Exception {
        List<CrmMatch> matches = connector().findCustomers(
                List.of(Address.phone("+74951234567"), Address.email("ivan.petrov@example.org")));

        assertThat(matches).hasSize(1);
    }

    @Test
    void anUnknownAddressMatchesNobody() throws Exception {
        assertThat(connector().findCustomers(List.of(Address.phone("+4930111222333"), new Address("telegram", "42"))))
                .isEmpty();
    }

    @Test
    void answersAreCachedUntilTheyExpire() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T16:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        OdooConnector connector = new OdooConnector(settings().build(), http, clock);
        connector.findCustomers(List.of(Address.phone("+74951234567"), Address.phone("+4930111222333")));
        int asked = odoo.calls("res.partner", "search_read");

        connector.findCustomers(List.of(Address.phone("+74951234567"), Address.phone("+4930111222333")));
        assertThat(odoo.calls("res.partner", "search_read")).isEqualTo(asked);

        now.set(now.get().plus(Duration.ofSeconds(121)));
        connector.findCustomers(List.of(Address.phone("+74951234567")));
        assertThat(odoo.calls("res.partner", "search_read")).isGreaterThan(asked);
    }

    @Test
    void aSlowOdooCostsTheLookupBudgetAndNoMore() {
        TestSettings settings = settings();
        settings.lookupBudget = Duration.ofMillis(300);
        OdooConnector connector = connector(settings);
        odoo.stallMillis(5_000);
        odoo.outage(FakeOdoo.Outage.STALL);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> connector.findCustomers(List.of(Address.phone("+74951234567"))))
                        .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue()));
    }
}
