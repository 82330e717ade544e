package org.switchboard.web.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Outbox;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class OutboxResourceTest {
    private final Outbox outbox = mock(Outbox.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = ApiFixture.start(new OutboxResource(outbox));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theListShowsFailedCommandsByDefault() {
        when(outbox.list(OutboxCommand.State.FAILED, 50)).thenReturn(List.of(new OutboxCommand(3, "suitecrm",
                "OPEN_TICKET", OutboxCommand.State.FAILED, 5, null, "HTTP 422", 9L, Samples.T0)));

        JsonNode list = api.json(api.get("/outbox", TestUser.SAM));

        assertThat(list.get(0).path("state").asText()).isEqualTo("FAILED");
        assertThat(list.get(0).path("lastError").asText()).isEqualTo("HTTP 422");
        assertThat(list.get(0).path("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void anAdminRetriesAFailedCommand() {
        when(outbox.retry(3L)).thenReturn(true);

        HttpResponse<String> response = api.post("/outbox/3/retry", TestUser.ADA, null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(api.json(response).path("retried").asInt()).isEqualTo(1);
    }

    @Test
    void retryingACommandThatDidNotFailIsAnswered409() {
        when(outbox.retry(4L)).thenReturn(false);

        assertThat(api.post("/outbox/4/retry", TestUser.ADA, null).statusCode()).isEqualTo(409);
    }

    @Test
    void aSupervisorSeesButDoesNotRetry() {
        assertThat(api.post("/outbox/3/retry", TestUser.SAM, null).statusCode()).isEqualTo(403);
        verify(outbox, never()).retry(anyLong());
    }

    @Test
    void anAgentDoesNotSeeTheOutbox() {
        assertThat(api.get("/outbox", TestUser.ALICE).statusCode()).isEqualTo(403);
    }
}
