package org.switchboard.web.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.ConflictException;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.Queues;
import org.switchboard.api.spi.StoreUnavailableException;
import org.switchboard.web.agents.AgentsResource;
import org.switchboard.web.interactions.InteractionsResource;
import org.switchboard.web.queues.QueuesResource;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class ErrorMappingTest {
    private final Agents agents = mock(Agents.class);
    private final Queues queues = mock(Queues.class);
    private final Interactions interactions = mock(Interactions.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(agents.findByLogin("alice")).thenReturn(Optional.of(Samples.agent("a1", "alice")));
        api = ApiFixture.start(new AgentsResource(agents), new QueuesResource(queues),
                new InteractionsResource(interactions, agents));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void anUnknownRecordIsAnswered404() {
        when(queues.find("nope")).thenReturn(Optional.empty());

        HttpResponse<String> response = api.get("/queues/nope", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(api.json(response).path("error").asText()).isEqualTo("queue nope does not exist");
    }

    @Test
    void aNotFoundFromTheServicesIsAnswered404() {
        when(interactions.accept(9L, "a1")).thenThrow(new NotFoundException("interaction", 9L));

        assertThat(api.post("/interactions/9/accept", TestUser.ALICE, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownPathIsAnswered404AsJson() {
        HttpResponse<String> response = api.get("/no-such-thing", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(api.json(response).path("error").asText()).isEqualTo("Not Found");
    }

    @Test
    void aConflictIsAnswered409() {
        when(interactions.accept(5L, "a1")).thenThrow(new ConflictException("interaction 5 is offered to a2"));

        HttpResponse<String> response = api.post("/interactions/5/accept", TestUser.ALICE, null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(api.json(response).path("error").asText()).isEqualTo("interaction 5 is offered to a2");
    }

    @Test
    void anUnavailableStoreIsAnswered503WithRetryAfter() {
        when(queues.list()).thenThrow(new StoreUnavailableException("connection refused", null));

        HttpResponse<String> response = api.get("/queues", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(api.json(response).path("error").asText()).contains("retry later");
    }

    @Test
    void anUnexpectedFailureIsAnswered500WithoutItsDetails() {
        when(queues.list()).thenThrow(new IllegalStateException("jdbc:h2:secret-path broke"));

        HttpResponse<String> response = api.get("/queues", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret-path");
        assertThat(api.json(response).path("error").asText()).startsWith("internal error");
    }

    @Test
    void aClientThatWentAwayGetsNoBodyWrittenAtItButOtherIoFailuresStillExplainThemselves() {
        UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();

        Response gone = mapper.toResponse(new org.eclipse.jetty.io.EofException("Closed"));
        Response broken = mapper.toResponse(new java.io.IOException("disk full"));

        assertThat(gone.getStatus()).isEqualTo(500);
        assertThat(gone.hasEntity()).as("nothing to write to a closed connection").isFalse();
        assertThat(broken.getStatus()).isEqualTo(500);
        assertThat(broken.getEntity()).isInstanceOf(ErrorBody.class);
    }

    @Test
    void aBadQueryParameterIsAnswered400NamingIt() {
        HttpResponse<String> response = api.get("/interactions?limit=5000", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).path("field").asText()).isEqualTo("limit");
    }

    @Test
    void aBodyThatIsNotJsonIsAnswered400WithoutRepeatingIt() {
        HttpResponse<String> response = api.put("/agents/me/presence", TestUser.ALICE, "{\"presence\": password123");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("password123");
        verify(agents, never()).setPresence(anyString(), any(), any());
    }

    @Test
    void aBodyFieldOfTheWrongTypeIsAnswered400NamingIt() {
        HttpResponse<String> response = api.put("/agents/me/presence", TestUser.ALICE, "{\"presence\": {\"a\": 1}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).path("field").asText()).isEqualTo("presence");
    }

    @Test
    void aBodyOverTheLimitIsAnswered413() {
        String big = "{\"presence\":\"AWAY\",\"reason\":\"" + "x".repeat(2000) + "\"}";

        HttpResponse<String> response = api.put("/agents/me/presence", TestUser.ALICE, big);

        assertThat(response.statusCode()).isEqualTo(413);
        verify(agents, never()).setPresence(anyString(), any(), any());
    }

    @Test
    void aStreamedBodyOverTheLimitIsAnswered413() {
        byte[] big = ("{\"presence\":\"AWAY\",\"reason\":\"" + "x".repeat(2000) + "\"}").getBytes();
        HttpRequest.Builder request = api.request("/agents/me/presence", TestUser.ALICE)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

        HttpResponse<String> response = api.send(request);

        assertThat(response.statusCode()).isEqualTo(413);
        verify(agents, never()).setPresence(anyString(), any(), any());
    }
}
