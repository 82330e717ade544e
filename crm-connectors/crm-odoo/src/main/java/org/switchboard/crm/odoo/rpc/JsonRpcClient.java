package org.switchboard.crm.odoo.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Odoo's external JSON-RPC endpoint {@code <url>/jsonrpc}: one POST per call, a JSON-RPC 2.0
 * envelope {@code {"jsonrpc":"2.0","method":"call","id":n,"params":{"service","method","args"}}},
 * an answer {@code {"result":…}} or {@code {"error":{"data":{"name","message"}}}}, both with HTTP 200.
 * Answers are read up to {@value #MAX_RESPONSE_BYTES} bytes.
 */
public final class JsonRpcClient {
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private final URI endpoint;
    private final HttpClient http;
    private final ObjectMapper json;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpcClient(URI baseUrl, HttpClient http, ObjectMapper json) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/jsonrpc");
        this.http = http;
        this.json = json;
    }

    /**
     * Calls {@code service.method(args)} and returns its {@code result}.
     *
     * @param what    how to name the call in errors (never holds the arguments, which hold the key)
     * @param timeout how long the whole call may take
     */
    public JsonNode call(String what, String service, String method, ArrayNode args, Duration timeout)
            throws OdooException {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", "call");
        envelope.put("id", ids.incrementAndGet());
        ObjectNode params = envelope.putObject("params");
        params.put("service", service);
        params.put("method", method);
        params.set("args", args);
        byte[] body;
        try {
            body = json.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON-RPC request", e);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response;
        JsonNode answer;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw Faults.http(what, response.statusCode());
                }
                byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (bytes.length > MAX_RESPONSE_BYTES) {
                    throw Faults.garbled(what, "more than " + MAX_RESPONSE_BYTES + " bytes");
                }
                answer = parse(what, bytes);
            }
        } catch (IOException e) {
            throw Faults.transport(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Faults.transport(what, new IOException("interrupted", e));
        }
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            JsonNode data = error.path("data");
            String fault = data.path("name").asText(null);
            String message = data.path("message").asText(error.path("message").asText(""));
            throw Faults.rpc(what, fault == null ? "Exception" : fault, message);
        }
        if (!answer.has("result")) {
            throw Faults.garbled(what, "neither a result nor an error");
        }
        return answer.get("result");
    }

    private JsonNode parse(String what, byte[] bytes) throws OdooException {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw Faults.garbled(what, "something other than a JSON-RPC answer");
            }
            return node;
        } catch (IOException e) {
            // a proxy's maintenance page, a truncated answer: the server is not answering properly right now
            throw Faults.garbled(what, "a body that is not JSON");
        }
    }

    public ObjectMapper json() {
        return json;
    }
}
