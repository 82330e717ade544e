package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.InteractionState;
import org.switchboard.api.service.Customers;

class CustomerCommandTest {
    private static final Customer ADA = new Customer(42, "Ada Lovelace",
            List.of(Address.phone("+4930123456"), Address.email("ada@example.org")),
            List.of(new CrmRef("suitecrm-main", "Contacts", "c-9", "https://crm.example.org/#/contacts/c-9")),
            Instant.parse("2026-11-01T09:00:00Z"));

    private final Console console = new Console();
    private final CustomerCommand command = console.attach(new CustomerCommand());

    @BeforeEach
    void mockCustomers() {
        command.customers = mock(Customers.class);
        when(command.customers.findByAddress(any())).thenReturn(Optional.empty());
        when(command.customers.findByAddress(Address.phone("+4930123456"))).thenReturn(Optional.of(ADA));
        when(command.customers.find(42)).thenReturn(Optional.of(ADA));
        when(command.customers.history(42, 10)).thenReturn(
                List.of(Fixtures.interaction(17, InteractionState.CLOSED, Instant.parse("2026-11-20T08:15:00Z"))));
    }

    @Test
    void showsTheCustomerFoundByAddressWithAddressesCrmRecordsAndHistory() {
        command.address = "phone:+4930123456";

        command.execute();

        assertThat(console.lines().get(0)).isEqualTo("Customer 42: Ada Lovelace, known since 2026-11-01T09:00:00Z");
        assertThat(console.rows()).contains(
                List.of("phone", "+4930123456"),
                List.of("email", "ada@example.org"),
                List.of("suitecrm-main", "Contacts", "c-9", "https://crm.example.org/#/contacts/c-9"),
                List.of("17", "2026-11-20T08:15:00Z", "email", "INBOUND", "CLOSED", "alice", "Invoice 2026-11 is wrong"));
    }

    @Test
    void findsACustomerById() {
        command.address = "42";

        command.execute();

        assertThat(console.lines().get(0)).startsWith("Customer 42: Ada Lovelace");
    }

    @Test
    void saysSoWhenNobodyHasTheAddress() {
        command.address = "email:nobody@example.org";

        command.execute();

        assertThat(console.lines()).containsExactly("No customer has email:nobody@example.org");
    }
}
