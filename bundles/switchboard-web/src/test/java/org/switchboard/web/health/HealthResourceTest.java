package org.switchboard.web.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.HealthReport;
import org.switchboard.api.service.HealthService;
import org.switchboard.api.spi.Health;
import org.switchboard.web.testing.ApiFixture;

class HealthResourceTest {
    private final HealthService health = mock(HealthService.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = ApiFixture.start(new HealthResource(health));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void upIsAnswered200WithEveryCheck() {
        when(health.report()).thenReturn(new HealthReport(Health.Status.UP, Map.of(
                "store", Health.up("H2 answers").with(Map.of("latencyMillis", 2)),
                "outbox", Health.up("nothing failed"))));

        HttpResponse<String> response = api.get("/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = api.json(response);
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").path("store").path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").path("store").path("message").asText()).isEqualTo("H2 answers");
        assertThat(body.path("checks").path("store").path("details").path("latencyMillis").asInt()).isEqualTo(2);
        assertThat(body.path("checks").path("outbox").path("details").isObject()).isTrue();
    }

    @Test
    void degradedIsStillAnswered200() {
        when(health.report()).thenReturn(new HealthReport(Health.Status.DEGRADED,
                Map.of("outbox", Health.degraded("3 commands failed"))));

        assertThat(api.get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void downIsAnswered503() {
        when(health.report()).thenReturn(new HealthReport(Health.Status.DOWN,
                Map.of("store", Health.down("database unreachable"))));

        HttpResponse<String> response = api.get("/health", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(api.json(response).path("status").asText()).isEqualTo("DOWN");
    }
}
