package org.switchboard.crm.suitecrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.switchboard.api.spi.CrmException;

/**
 * SuiteCRM's V8 JSON:API under {@code /Api/V8/module}, as it behaves in 7.14: every call with a bearer
 * token, a 401 answered by signing in again and repeating the call once, and every failure turned into a
 * {@link CrmException}: connection failures, timeouts, 408, 425, 429 and 5xx are passing
 * ({@link CrmException#isRetryable() retry}), any other answer is a refusal that will not change
 * (a missing record is a 400 there, not a 404).
 */
final class SuiteCrmApi {
    static final String JSON_API = "application/vnd.api+json";
    /** Longest answer read; lookups ask for few records and few fields, so real answers stay far below. */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
    private static final int MAX_DETAIL = 300;

    private final SuiteCrmSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final AccessTokens tokens;

    SuiteCrmApi(SuiteCrmSettings settings, HttpClient http, ObjectMapper json, AccessTokens tokens) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.tokens = tokens;
    }

    ObjectMapper json() {
        return json;
    }

    /** Gets an access token now unless a valid one is at hand. */
    void signIn() throws CrmException {
        tokens.current();
    }

    /** {@code GET /Api/V8/module/<module>?<query>}, without waiting. */
    CompletableFuture<JsonNode> listAsync(String action, String module, Map<String, String> query) {
        return exchange(action, "GET", "/Api/V8/module/" + module + queryString(query), null);
    }

    /** {@code GET /Api/V8/module/<module>?<query>}: the records found (the {@code data} array). */
    JsonNode list(String action, String module, Map<String, String> query) throws CrmException {
        return await(listAsync(action, module, query)).path("data");
    }

    /** {@code GET /Api/V8/module/<module>/<id>?fields[...]}: the record ({@code data}). */
    JsonNode get(String action, String module, String id, String fields) throws CrmException {
        String query = queryString(Map.of("fields[" + module + "]", fields));
        return await(exchange(action, "GET", "/Api/V8/module/" + module + "/" + encode(id) + query, null)).path("data");
    }

    /** {@code POST /Api/V8/module}: the new record ({@code data}). */
    JsonNode create(String action, String module, ObjectNode attributes) throws CrmException {
        ObjectNode body = json.createObjectNode();
        body.putObject("data").put("type", module).set("attributes", attributes);
        return await(exchange(action, "POST", "/Api/V8/module", body)).path("data");
    }

    /** {@code PATCH /Api/V8/module}: the record as it is now ({@code data}). */
    JsonNode update(String action, String module, String id, ObjectNode attributes) throws CrmException {
        ObjectNode body = json.createObjectNode();
        body.putObject("data").put("type", module).put("id", id).set("attributes", attributes);
        return await(exchange(action, "PATCH", "/Api/V8/module", body)).path("data");
    }

    /**
     * {@code POST /Api/V8/module/<module>/<id>/relationships/<link>}. The link name is needed: the generic
     * relationship call picks the module's first link, which for Cases→Contacts is not the list of contacts.
     */
    void relate(String action, String module, String id, String link, String relatedModule, String relatedId)
            throws CrmException {
        ObjectNode body = json.createObjectNode();
        body.putObject("data").put("type", relatedModule).put("id", relatedId);
        await(exchange(action, "POST", "/Api/V8/module/" + module + "/" + encode(id) + "/relationships/" + link, body));
    }

    private CompletableFuture<JsonNode> exchange(String action, String method, String path, JsonNode body) {
        return send(action, method, path, body, true);
    }

    private CompletableFuture<JsonNode> send(String action, String method, String path, JsonNode body,
                                             boolean mayRenewToken) {
        String token;
        try {
            token = tokens.current();
        } catch (CrmException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + path))
                .timeout(settings.timeout())
                .header("Accept", JSON_API)
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON_API)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return http.sendAsync(request.build(), boundedBody())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw new CompletionException(CrmException.retry("SuiteCRM " + settings.id()
                                + " did not answer while trying to " + action + ": " + cause, cause));
                    }
                    return response;
                })
                .thenCompose(response -> {
                    if (response.statusCode() == 401 && mayRenewToken) {
                        tokens.refused(token);
                        return send(action, method, path, body, false);
                    }
                    try {
                        return CompletableFuture.completedFuture(answer(action, response));
                    } catch (CrmException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                });
    }

    private static BodyHandler<byte[]> boundedBody() {
        return info -> info.headers().firstValueAsLong("Content-Length").orElse(0) > MAX_RESPONSE_BYTES
                ? BodySubscribers.replacing(null)
                : BodySubscribers.ofByteArray();
    }

    private JsonNode answer(String action, HttpResponse<byte[]> response) throws CrmException {
        int status = response.statusCode();
        byte[] body = response.body();
        if (body == null || body.length > MAX_RESPONSE_BYTES) {
            throw CrmException.reject("SuiteCRM " + settings.id() + " answered " + action + " with more than "
                    + MAX_RESPONSE_BYTES + " bytes");
        }
        if (status >= 200 && status < 300) {
            try {
                return body.length == 0 ? json.createObjectNode() : json.readTree(body);
            } catch (IOException e) {
                throw CrmException.retry("SuiteCRM " + settings.id() + " answered " + action
                        + " with a body that is not JSON (HTTP " + status + ")", e);
            }
        }
        String what = "SuiteCRM " + settings.id() + " answered HTTP " + status + " to " + action;
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            throw CrmException.retry(what, null);
        }
        if (status == 401) {
            throw CrmException.reject(what + ": it refused a new access token too; check the OAuth2 client");
        }
        if (status == 403) {
            throw CrmException.reject(what + ": the API user lacks the permission");
        }
        throw CrmException.reject(what + detail(body));
    }

    /** SuiteCRM's {@code errors.detail} (an object there, an array in JSON:API), shortened; nothing if unreadable. */
    private String detail(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return ""; // e.g. a database failure: JSON followed by plain text
        }
        JsonNode errors = root == null ? null : root.path("errors");
        JsonNode first = errors != null && errors.isArray() ? errors.path(0) : errors;
        String detail = first == null ? "" : first.path("detail").asText("");
        if (detail.isEmpty()) {
            return "";
        }
        return ": " + (detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail);
    }

    private JsonNode await(CompletableFuture<JsonNode> call) throws CrmException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.retry("Interrupted while waiting for SuiteCRM " + settings.id(), e);
        }
    }

    static CrmException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CrmException e) {
            return e;
        }
        return CrmException.retry("SuiteCRM call failed: " + cause, cause);
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((key, value) -> joined.add(encode(key) + "=" + encode(value)));
        return joined.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
