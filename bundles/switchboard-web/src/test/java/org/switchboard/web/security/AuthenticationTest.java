package org.switchboard.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.HealthReport;
import org.switchboard.api.service.HealthService;
import org.switchboard.api.service.Queues;
import org.switchboard.api.spi.Health;
import org.switchboard.web.health.HealthResource;
import org.switchboard.web.outbox.OutboxResource;
import org.switchboard.web.queues.QueuesResource;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class AuthenticationTest {
    private final Queues queues = mock(Queues.class);
    private final HealthService health = mock(HealthService.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(queues.list()).thenReturn(List.of(Samples.queue("support")));
        when(health.report()).thenReturn(new HealthReport(Health.Status.UP, Map.of("store", Health.up("ok"))));
        api = ApiFixture.start(new QueuesResource(queues), new HealthResource(health),
                new OutboxResource(mock(org.switchboard.api.service.Outbox.class)));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aRequestWithoutCredentialsIsAnswered401WithABasicChallenge() {
        HttpResponse<String> response = api.get("/queues", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Switchboard\"");
        assertThat(api.json(response).path("error").asText()).isEqualTo("authentication required");
    }

    @Test
    void aWrongPasswordIsAnswered401AndNotEchoed() {
        HttpResponse<String> response = api.get("/queues", TestUser.ALICE.withPassword("guessed-pw"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.body()).doesNotContain("guessed-pw").doesNotContain("alice");
    }

    @Test
    void aMalformedAuthorizationHeaderIsAnswered401() {
        HttpResponse<String> response = api.send(api.request("/queues", null).header("Authorization", "Basic !!!"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aUserWithTheRoleGetsTheAnswer() {
        HttpResponse<String> response = api.get("/queues", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.json(response).get(0).path("id").asText()).isEqualTo("support");
    }

    @Test
    void aUserWithoutTheRoleIsAnswered403() {
        HttpResponse<String> response = api.get("/queues", TestUser.IVY);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(api.json(response).path("error").asText()).contains("agent", "supervisor", "admin");
    }

    @Test
    void aMethodRoleNarrowsTheClassRoles() {
        assertThat(api.post("/outbox/retry-failed", TestUser.SAM, null).statusCode()).isEqualTo(403);
        assertThat(api.get("/outbox", TestUser.SAM).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsPublic() {
        assertThat(api.get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aBurstOfRequestsWithTheSameCredentialsLogsInOnce() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/queues", TestUser.ALICE).statusCode()).isEqualTo(200);
        }

        assertThat(api.realm().logins()).isEqualTo(1);
    }

    @Test
    void aCachedLoginDoesNotLetAnotherPasswordIn() {
        assertThat(api.get("/queues", TestUser.ALICE).statusCode()).isEqualTo(200);

        assertThat(api.get("/queues", TestUser.ALICE.withPassword("other")).statusCode()).isEqualTo(401);
    }
}
