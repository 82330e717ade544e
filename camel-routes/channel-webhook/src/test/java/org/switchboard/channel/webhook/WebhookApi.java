package org.switchboard.channel.webhook;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.switchboard.web.server.ApiSettings;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.TestUser;

/**
 * The contacts resource, with its OpenAPI document, in the web bundle's real REST server on Jetty as
 * Karaf serves it ({@link ApiFixture}, with its test realm: {@code ivy} integration, {@code ada} admin,
 * {@code alice} agent).
 */
final class WebhookApi implements AutoCloseable {
    static final TestUser IVY = TestUser.IVY;
    static final TestUser ADA = TestUser.ADA;
    static final TestUser ALICE = TestUser.ALICE;

    private final ApiFixture api;

    WebhookApi(ContactsResource resource) throws Exception {
        api = ApiFixture.start(new ApiSettings("karaf", Duration.ofSeconds(5), 65536, Set.of()));
        api.addDescribed(ContactsResource.class.getResource("/OSGI-INF/openapi/webhook.json"), resource);
    }

    HttpResponse<String> post(TestUser user, String json) {
        return send(request("/contacts", user).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpRequest.Builder request(String path, TestUser user) {
        return api.request(path, user).header("Content-Type", "application/json");
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return api.send(request);
    }

    @Override
    public void close() throws Exception {
        api.close();
    }
}
