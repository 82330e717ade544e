package org.switchboard.web.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.Queues;
import org.switchboard.web.json.JsonMapper;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class SupervisorStreamTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Queues queues = mock(Queues.class);
    private final Agents agents = mock(Agents.class);
    private final ObjectMapper mapper = JsonMapper.create();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();
    private SupervisorStreams streams;
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(queues.list()).thenReturn(List.of(Samples.queue("support")));
        when(agents.list()).thenReturn(List.of(Samples.agent("a-alice", "alice")));
        SupervisorPicture picture = new SupervisorPicture(queues, agents, mock(Interactions.class),
                new QueueDay(Clock.systemUTC()), mapper, Clock.systemUTC());
        streams = new SupervisorStreams(picture::json, timer, 10);
        api = ApiFixture.start();
        api.addServlet(new SupervisorStreamServlet(api.api().authentication(), mapper, streams),
                SupervisorStreamServlet.PATH);
    }

    @AfterEach
    void stop() throws Exception {
        streams.all().forEach(SseConnection::close);
        api.close();
        timer.shutdownNow();
    }

    @Test
    void aSupervisorGetsTheQueuesAndAgentsAndAgainAfterAChange() throws Exception {
        BufferedReader sam = open(TestUser.SAM);
        assertThat(dataOf(sam).path("queues").get(0).path("waiting").asInt()).isEqualTo(3);

        when(queues.list()).thenReturn(List.of(Samples.queue("support"), Samples.queue("sales")));
        streams.changed();

        JsonNode next = dataOf(sam);
        assertThat(next.path("queues")).hasSize(2);
        assertThat(next.path("agents").get(0).path("id").asText()).isEqualTo("a-alice");
    }

    @Test
    void anAgentCannotOpenTheSupervisorsStream() throws Exception {
        HttpResponse<String> response = http.send(request(TestUser.ALICE).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpRequest.Builder request(TestUser user) {
        return HttpRequest.newBuilder(api.uri("/supervisor/events")).header("Authorization", ApiFixture.basic(user));
    }

    private BufferedReader open(TestUser user) throws Exception {
        HttpResponse<InputStream> response = http.sendAsync(request(user).build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The JSON of the next {@code snapshot} frame; fails after the deadline. */
    private JsonNode dataOf(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                boolean snapshot = false;
                while ((line = reader.readLine()) != null) {
                    if (line.equals("event: snapshot")) {
                        snapshot = true;
                    } else if (snapshot && line.startsWith("data: ")) {
                        return mapper.readTree(line.substring(6));
                    }
                }
                throw new IllegalStateException("the stream ended");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
}
