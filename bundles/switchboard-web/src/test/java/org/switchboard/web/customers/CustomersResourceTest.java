package org.switchboard.web.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.InteractionState;
import org.switchboard.api.TicketRef;
import org.switchboard.api.service.Customers;
import org.switchboard.api.service.Ticket;
import org.switchboard.api.service.Tickets;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class CustomersResourceTest {
    private final Customers customers = mock(Customers.class);
    private final Tickets tickets = mock(Tickets.class);
    private final Customer ann = new Customer(42, "Ann", List.of(Samples.phone(), Address.email("ann@example.com")),
            List.of(new CrmRef("local", "Contacts", "c-1", "http://crm/c-1")), Samples.T0);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(customers.find(42L)).thenReturn(Optional.of(ann));
        api = ApiFixture.start(new CustomersResource(customers, tickets));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aCustomerIsFoundByAnAddressWhoseUnencodedPlusStaysAPlus() {
        when(customers.findByAddress(any())).thenReturn(Optional.of(ann));

        HttpResponse<String> response = api.get("/customers?address=phone:+4930123456", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        verify(customers).findByAddress(Address.phone("+4930123456"));
        JsonNode body = api.json(response);
        assertThat(body.properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("id", "displayName", "addresses", "crmRefs", "createdAt");
        assertThat(body.path("addresses").get(1).path("value").asText()).isEqualTo("ann@example.com");
        assertThat(body.path("crmRefs").get(0).path("url").asText()).isEqualTo("http://crm/c-1");
    }

    @Test
    void anAddressNobodyHasIsAnswered404() {
        when(customers.findByAddress(any())).thenReturn(Optional.empty());

        assertThat(api.get("/customers?address=email:nobody%40example.com", TestUser.ALICE).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAddressWithoutKindIsAnswered400NamingIt() {
        HttpResponse<String> response = api.get("/customers?address=4930123456", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).path("field").asText()).isEqualTo("address");
    }

    @Test
    void theHistoryIsTheCustomersInteractions() {
        when(customers.history(42L, 5)).thenReturn(List.of(Samples.interaction(1, InteractionState.CLOSED)));

        JsonNode history = api.json(api.get("/customers/42/history?limit=5", TestUser.ALICE));

        assertThat(history.get(0).path("id").asLong()).isEqualTo(1L);
        assertThat(history.get(0).path("customerId").isNull()).isTrue();
    }

    @Test
    void openTicketsAreAskedForWhenOpenIsTrue() {
        Ticket ticket = new Ticket(9, 42, "Printer on fire", new TicketRef("local", "t-1", "SB-000001",
                TicketRef.OPEN, null), Samples.T0, Instant.parse("2026-11-22T11:00:00Z"));
        when(tickets.ofCustomer(42L, true)).thenReturn(List.of(ticket));

        JsonNode list = api.json(api.get("/customers/42/tickets?open=true", TestUser.ALICE));

        assertThat(list.get(0).path("number").asText()).isEqualTo("SB-000001");
        assertThat(list.get(0).path("updatedAt").asText()).isEqualTo("2026-11-22T11:00:00Z");
    }

    @Test
    void theHistoryOfAnUnknownCustomerIsAnswered404() {
        when(customers.find(7L)).thenReturn(Optional.empty());

        assertThat(api.get("/customers/7/history", TestUser.ALICE).statusCode()).isEqualTo(404);
    }
}
