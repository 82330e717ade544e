package org.switchboard.web.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.TicketRef;
import org.switchboard.api.service.Ticket;
import org.switchboard.api.service.Tickets;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class TicketsResourceTest {
    private final Tickets tickets = mock(Tickets.class);
    private final Ticket ticket = new Ticket(9, 42, "Printer on fire",
            new TicketRef("local", "t-1", "SB-000001", TicketRef.OPEN, "http://crm/t-1"), Samples.T0, Samples.T0);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = ApiFixture.start(new TicketsResource(tickets));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aStatusChangeIsAccepted202WithItsOutboxCommand() {
        when(tickets.changeStatus("SB-000001", "closed")).thenReturn(77L);

        HttpResponse<String> response = api.put("/tickets/SB-000001/status", TestUser.ALICE, "{\"status\":\"closed\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(api.json(response).path("commandId").asLong()).isEqualTo(77L);
    }

    @Test
    void aStatusChangeWithoutStatusIsAnswered400() {
        HttpResponse<String> response = api.put("/tickets/SB-000001/status", TestUser.ALICE, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).path("field").asText()).isEqualTo("status");
        verify(tickets, never()).changeStatus(anyString(), anyString());
    }

    @Test
    void aTicketIsFoundByItsNumber() {
        when(tickets.findByNumber("SB-000001")).thenReturn(Optional.of(ticket));

        HttpResponse<String> response = api.get("/tickets/SB-000001", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.json(response).path("url").asText()).isEqualTo("http://crm/t-1");
    }

    @Test
    void theListIsFilteredByStatus() {
        when(tickets.list("open", 50)).thenReturn(List.of(ticket));

        assertThat(api.json(api.get("/tickets?status=open", TestUser.ALICE)).size()).isEqualTo(1);
    }
}
