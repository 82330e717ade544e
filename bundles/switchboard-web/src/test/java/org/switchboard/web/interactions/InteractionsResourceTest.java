package org.switchboard.web.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.switchboard.api.AttachmentRef;
import org.switchboard.api.Channel;
import org.switchboard.api.ConflictException;
import org.switchboard.api.Conversation;
import org.switchboard.api.Customer;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InteractionState;
import org.switchboard.api.TicketRef;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class InteractionsResourceTest {
    private final Interactions interactions = mock(Interactions.class);
    private final Agents agents = mock(Agents.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(agents.findByLogin("alice")).thenReturn(Optional.of(Samples.agent("a1", "alice")));
        api = ApiFixture.start(new InteractionsResource(interactions, agents));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void anInteractionHasTheShapeOfTheContract() {
        InboundContact contact = InboundContact.builder(Channel.EMAIL, "<m1@example.com>", Samples.phone())
                .subject("Printer on fire").body("Help").occurredAt(Samples.T0).metadata("ivr", "2")
                .attachments(List.of(new AttachmentRef("att-7", "photo.jpg", "image/jpeg", 20480))).build();
        Customer customer = new Customer(42, "Ann", List.of(Samples.phone()), List.of(), Samples.T0);
        Conversation conversation = new Conversation(9, 42, Channel.EMAIL, "Printer on fire", Samples.T0, Samples.T0,
                new TicketRef("local", "t-1", "SB-000001", TicketRef.OPEN, null));
        when(interactions.find(1L)).thenReturn(Optional.of(new InteractionDetails(
                Samples.interaction(1, InteractionState.QUEUED), contact, customer, conversation)));

        HttpResponse<String> response = api.get("/interactions/1", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = api.json(response);
        assertThat(body.properties()).extracting(e -> e.getKey()).containsExactlyInAnyOrder("id", "state", "channel",
                "direction", "queue", "agent", "summary", "createdAt", "queuedAt", "offeredAt", "answeredAt",
                "endedAt", "closedAt", "disposition", "endReason", "customer", "conversation", "ticket", "contact");
        assertThat(body.path("channel").asText()).isEqualTo("email");
        assertThat(body.path("state").asText()).isEqualTo("QUEUED");
        assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(body.path("answeredAt").isNull()).isTrue();
        assertThat(body.path("customer").path("addresses").get(0).path("value").asText()).isEqualTo("+4930123456");
        assertThat(body.path("conversation").properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("id", "subject", "createdAt", "lastActivityAt");
        assertThat(body.path("ticket").path("number").asText()).isEqualTo("SB-000001");
        assertThat(body.path("contact").properties()).extracting(e -> e.getKey()).containsExactlyInAnyOrder(
                "externalId", "from", "fromName", "entryPoint", "subject", "body", "occurredAt", "metadata", "attachments");
        assertThat(body.path("contact").path("from").path("kind").asText()).isEqualTo("phone");
        assertThat(body.path("contact").path("attachments").get(0).toString())
                .isEqualTo("{\"id\":\"att-7\",\"name\":\"photo.jpg\",\"type\":\"image/jpeg\",\"size\":20480}");
        assertThat(body.path("contact").path("metadata").path("ivr").asText()).isEqualTo("2");
    }

    @Test
    void anUnidentifiedInteractionHasNullCustomerConversationAndTicket() {
        when(interactions.find(2L)).thenReturn(Optional.of(new InteractionDetails(
                Samples.interaction(2, InteractionState.NEW), null, null, null)));

        JsonNode body = api.json(api.get("/interactions/2", TestUser.ALICE));

        assertThat(body.path("customer").isNull()).isTrue();
        assertThat(body.path("conversation").isNull()).isTrue();
        assertThat(body.path("ticket").isNull()).isTrue();
    }

    @Test
    void theListFiltersAsAsked() {
        when(interactions.list(any())).thenReturn(List.of(Samples.interaction(3, InteractionState.OFFERED)));

        HttpResponse<String> response = api.get(
                "/interactions?state=offered&queue=support&agent=a1&channel=email&customer=42&limit=10", TestUser.SAM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.json(response).get(0).path("id").asLong()).isEqualTo(3L);
        ArgumentCaptor<InteractionFilter> filter = ArgumentCaptor.forClass(InteractionFilter.class);
        verify(interactions).list(filter.capture());
        assertThat(filter.getValue()).isEqualTo(new InteractionFilter(InteractionState.OFFERED, "support", "a1",
                Channel.EMAIL, 42L, 10));
    }

    @Test
    void anUnknownStateIsAnswered400NamingIt() {
        HttpResponse<String> response = api.get("/interactions?state=sleeping", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).path("field").asText()).isEqualTo("state");
    }

    @Test
    void anAgentAcceptsAsThemselves() {
        when(interactions.accept(5L, "a1")).thenReturn(Samples.interaction(5, InteractionState.ACTIVE));
        when(interactions.find(5L)).thenReturn(Optional.of(new InteractionDetails(
                Samples.interaction(5, InteractionState.ACTIVE), null, null, null)));

        HttpResponse<String> response = api.post("/interactions/5/accept", TestUser.ALICE, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.json(response).path("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anAgentClosesWithADisposition() {
        when(interactions.close(5L, "a1", "resolved")).thenReturn(Samples.interaction(5, InteractionState.CLOSED));
        when(interactions.find(5L)).thenReturn(Optional.empty());

        HttpResponse<String> response = api.post("/interactions/5/close", TestUser.ALICE,
                "{\"disposition\":\"resolved\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        verify(interactions).close(5L, "a1", "resolved");
        assertThat(api.json(response).path("contact").isNull()).isTrue();
    }

    @Test
    void aSupervisorWhoIsNoAgentCannotAccept() {
        assertThat(api.post("/interactions/5/accept", TestUser.SAM, null).statusCode()).isEqualTo(403);
        verify(interactions, never()).accept(anyLong(), anyString());
    }

    @Test
    void anUnknownInteractionIsAnswered404() {
        when(interactions.find(77L)).thenReturn(Optional.empty());

        assertThat(api.get("/interactions/77", TestUser.ALICE).statusCode()).isEqualTo(404);
    }

    @Test
    void metadataOfTheContactKeepsAllEntries() {
        InboundContact contact = InboundContact.builder(Channel.WEBHOOK, "x", Samples.phone())
                .occurredAt(Samples.T0).metadata(Map.of("a", "1", "b", "2")).build();
        when(interactions.find(8L)).thenReturn(Optional.of(new InteractionDetails(
                Samples.interaction(8, InteractionState.NEW), contact, null, null)));

        JsonNode metadata = api.json(api.get("/interactions/8", TestUser.ALICE)).path("contact").path("metadata");

        assertThat(metadata.size()).isEqualTo(2);
    }

    @Test
    void anAgentsReplyIsQueuedAndAnswered202WithTheCommand() {
        when(interactions.reply(7L, "a1", "We are on it.")).thenReturn(new OutboxCommand(55, "channel", "SEND_REPLY",
                OutboxCommand.State.PENDING, 0, Samples.T0, null, 9L, Samples.T0));

        HttpResponse<String> response = api.post("/interactions/7/replies", TestUser.ALICE, "{\"body\":\"We are on it.\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(api.json(response).path("commandId").asLong()).isEqualTo(55);
    }

    @Test
    void aReplyToAnotherAgentsInteractionIsAnswered409() {
        when(interactions.reply(8L, "a1", "Hi")).thenThrow(new ConflictException("interaction 8 is another agent's"));

        HttpResponse<String> response = api.post("/interactions/8/replies", TestUser.ALICE, "{\"body\":\"Hi\"}");

        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void anEmptyReplyIsAnswered400NamingTheBody() {
        HttpResponse<String> response = api.post("/interactions/7/replies", TestUser.ALICE, "{\"body\":\"  \"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).path("field").asText()).isEqualTo("body");
        verify(interactions, never()).reply(anyLong(), anyString(), anyString());
    }
}
