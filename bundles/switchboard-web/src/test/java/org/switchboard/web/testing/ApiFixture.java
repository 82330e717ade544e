package org.switchboard.web.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.server.ApiServer;
import org.switchboard.web.server.ApiSettings;

/**
 * The REST API as Karaf serves it, outside OSGi (shared with the bundles that contribute resources
 * through this module's test jar): the {@link ApiServer}'s servlet on Jetty 9.4 at
 * {@code /switchboard/api/*} on an ephemeral port, a {@link TestRealm} as the JAAS realm, and an HTTP client.
 */
public final class ApiFixture implements AutoCloseable {
    public static final ApiSettings SETTINGS = new ApiSettings("karaf", Duration.ofSeconds(5), 1024, Set.of());

    private final TestRealm realm;
    private final ApiServer api;
    private final Server jetty;
    private final ServletContextHandler context;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private ApiFixture(ApiSettings settings) throws Exception {
        realm = new TestRealm(settings.realm());
        api = new ApiServer(settings, ApiServer.class.getResource(RestResource.WEB_OPENAPI), Duration.ZERO);
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder servlet = new ServletHolder(api.servlet());
        servlet.setAsyncSupported(true);
        servlet.setInitParameter("hide-service-list-page", "true");
        context.addServlet(servlet, RestResource.BASE_PATH + "/*");
        StatisticsHandler inFlight = new StatisticsHandler();
        inFlight.setHandler(context);
        jetty.setHandler(inFlight);
        jetty.setStopTimeout(5_000);
        jetty.start();
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()
                + RestResource.BASE_PATH);
    }

    public static ApiFixture start(Object... resources) throws Exception {
        return start(SETTINGS, resources);
    }

    public static ApiFixture start(ApiSettings settings, Object... resources) throws Exception {
        ApiFixture fixture = new ApiFixture(settings);
        fixture.add(resources);
        return fixture;
    }

    /** Adds resources as the whiteboard does, and waits until they are served. */
    public void add(Object... resources) {
        for (Object resource : resources) {
            api.add(resource, null);
        }
        awaitServed(resources);
    }

    /** Adds resources described by {@code openApi} (their bundle's OpenAPI document), and waits until they are served. */
    public void addDescribed(URL openApi, Object... resources) {
        for (Object resource : resources) {
            api.add(resource, openApi);
        }
        awaitServed(resources);
    }

    public void awaitServed(Object... resources) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.servedResources().containsAll(Arrays.stream(resources).map(Object::getClass).toList()));
    }

    /** Serves another servlet beside the API, as the HTTP whiteboard does (asynchronous requests allowed). */
    public void addServlet(javax.servlet.Servlet servlet, String path) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, path);
    }

    public ApiServer api() {
        return api;
    }

    public TestRealm realm() {
        return realm;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpResponse<String> get(String path, TestUser user) {
        return send(request(path, user).GET());
    }

    public HttpResponse<String> post(String path, TestUser user, String jsonBody) {
        return send(request(path, user).POST(body(jsonBody)).header("Content-Type", "application/json"));
    }

    public HttpResponse<String> put(String path, TestUser user, String jsonBody) {
        return send(request(path, user).PUT(body(jsonBody)).header("Content-Type", "application/json"));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, TestUser user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return request;
    }

    public static String basic(TestUser user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.name() + ":" + user.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static HttpRequest.BodyPublisher body(String jsonBody) {
        return jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        api.close();
        realm.close();
    }
}
