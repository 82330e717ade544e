package org.switchboard.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The Switchboard REST API as a user reaches it: HTTP with Basic authentication and JSON.
 * Works inside Karaf (Pax Exam probes) and outside (process tests) alike: it needs only the JDK's
 * HTTP client and Jackson.
 */
public final class SwitchboardClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI api;
    private final String authorization;

    public SwitchboardClient(URI api) {
        this(api, null);
    }

    private SwitchboardClient(URI api, String authorization) {
        this.api = api;
        this.authorization = authorization;
    }

    /** The API at {@code http://127.0.0.1:PORT/switchboard/api}. */
    public static SwitchboardClient onPort(int port) {
        return new SwitchboardClient(URI.create("http://127.0.0.1:" + port + "/switchboard/api"));
    }

    /** This client signed in as {@code user}. */
    public SwitchboardClient as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
        return new SwitchboardClient(api, "Basic " + token);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        try {
            return send(request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Response put(String path, Object body) {
        try {
            return send(request(path)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Posts a contact to the webhook channel and returns the receipt of its 202 answer. */
    public Receipt postContact(Map<String, Object> contact) {
        Response response = post("/contacts", contact);
        if (response.status() != 202) {
            throw new IllegalStateException("POST /contacts answered " + response);
        }
        JsonNode json = response.json();
        return new Receipt(json.path("interactionId").asLong(), json.path("contactId").asLong(),
                json.path("duplicate").asBoolean());
    }

    /**
     * Whether the webhook channel's {@code POST /contacts} is there: the REST API adds resources as
     * their bundles come up, so {@code /health} may answer before it. An empty contact is refused
     * with 400 once it is there, and 404 before.
     */
    public boolean acceptsContacts() {
        return post("/contacts", Map.of()).status() != 404;
    }

    /** {@code GET /interactions/{id}}, which must answer 200. */
    public JsonNode interaction(long id) {
        Response response = get("/interactions/" + id);
        if (response.status() != 200) {
            throw new IllegalStateException("GET /interactions/" + id + " answered " + response);
        }
        return response.json();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An answer: status and body. */
    public record Response(int status, String body) {
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** What {@code POST /contacts} answers. */
    public record Receipt(long interactionId, long contactId, boolean duplicate) {
    }
}
