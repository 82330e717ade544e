package org.switchboard.web.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Queues;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class QueuesResourceTest {
    private final Queues queues = mock(Queues.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = ApiFixture.start(new QueuesResource(queues));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aQueueHasTheShapeOfTheContract() {
        when(queues.find("support")).thenReturn(Optional.of(Samples.queue("support")));

        JsonNode queue = api.json(api.get("/queues/support", TestUser.SAM));

        assertThat(queue.properties()).extracting(e -> e.getKey()).containsExactlyInAnyOrder("id", "name",
                "entryPoints", "channels", "skills", "priority", "serviceLevel", "script", "waiting", "offered", "active",
                "longestWaitSeconds", "agentsAvailable", "agentsSignedIn");
        assertThat(queue.path("channels").toString()).isEqualTo("[\"email\",\"voice\"]");
        assertThat(queue.path("serviceLevel").path("percent").asInt()).isEqualTo(80);
        assertThat(queue.path("serviceLevel").path("thresholdSeconds").asInt()).isEqualTo(20);
        assertThat(queue.path("longestWaitSeconds").asInt()).isEqualTo(42);
        assertThat(queue.path("script").asText()).isEqualTo("Greet the customer by name.");
        assertThat(queue.path("agentsSignedIn").asInt()).isEqualTo(6);
    }
}
