package org.switchboard.channel.email.testing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.switchboard.web.server.ApiSettings;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.TestUser;

/**
 * The email channel's resources, with its OpenAPI document, in the web bundle's real REST server on
 * Jetty as Karaf serves it ({@link ApiFixture}, with its test realm: {@code ivy} integration,
 * {@code ada} admin, {@code alice} agent, {@code sam} supervisor).
 */
public final class RestApi implements AutoCloseable {
    public static final TestUser IVY = TestUser.IVY;
    public static final TestUser ADA = TestUser.ADA;
    public static final TestUser ALICE = TestUser.ALICE;
    public static final TestUser SAM = TestUser.SAM;

    private final ApiFixture api;

    /** Serves these resources, with the email channel's OpenAPI document. */
    public RestApi(Object... resources) throws Exception {
        api = ApiFixture.start(new ApiSettings("karaf", Duration.ofSeconds(5), 65536, Set.of()));
        api.addDescribed(RestApi.class.getResource("/OSGI-INF/openapi/email.json"), resources);
    }

    public HttpResponse<String> get(TestUser user, String path) {
        return api.send(api.request(path, user).GET());
    }

    public HttpResponse<byte[]> getBytes(TestUser user, String path) {
        return api.send(api.request(path, user).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(TestUser user, String path) {
        return api.send(api.request(path, user).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public void close() throws Exception {
        api.close();
    }
}
