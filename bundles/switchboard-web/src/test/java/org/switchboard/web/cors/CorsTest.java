package org.switchboard.web.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Queues;
import org.switchboard.web.queues.QueuesResource;
import org.switchboard.web.server.ApiSettings;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.TestUser;

class CorsTest {
    private static final String CONSOLE = "https://console.example.com";

    @Test
    void withoutConfigurationNoOriginMayRead() throws Exception {
        try (ApiFixture api = ApiFixture.start(new QueuesResource(mock(Queues.class)))) {
            HttpResponse<String> response = api.send(api.request("/queues", TestUser.ALICE).header("Origin", CONSOLE));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void anAllowedOriginGetsPreflightAndReadAccess() throws Exception {
        ApiSettings settings = new ApiSettings("karaf", Duration.ofSeconds(5), 1024, Set.of(CONSOLE));
        try (ApiFixture api = ApiFixture.start(settings, new QueuesResource(mock(Queues.class)))) {
            HttpResponse<String> preflight = api.send(api.request("/queues", null).header("Origin", CONSOLE)
                    .header("Access-Control-Request-Method", "GET")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            HttpResponse<String> read = api.send(api.request("/queues", TestUser.ALICE).header("Origin", CONSOLE));

            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE);
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE);
            assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        }
    }
}
