package org.switchboard.crm.suitecrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.switchboard.api.spi.CrmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 access tokens from SuiteCRM's {@code /Api/access_token}: one at a time, reused until shortly
 * before it expires, renewed with the refresh token when the grant gave one, and dropped when the API
 * answers 401 with it (SuiteCRM revokes a token on refresh, logout or expiry with the same 401).
 *
 * <p>The token endpoint's error texts are never passed on: on a wrong user password SuiteCRM answers
 * 500 and echoes the password in {@code error_description}. Only the OAuth2 error code is quoted.
 */
final class AccessTokens {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");
    /** Renew this long before SuiteCRM's expiry, so a token never runs out in flight. */
    private static final long MARGIN_SECONDS = 60;
    private static final int MAX_TOKEN_RESPONSE = 64 * 1024;

    private final SuiteCrmSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final URI endpoint;

    private String accessToken;
    private Instant renewAt = Instant.MIN;
    private String refreshToken;

    AccessTokens(SuiteCrmSettings settings, HttpClient http, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.endpoint = URI.create(settings.apiUrl() + "/Api/access_token");
    }

    /** A token that SuiteCRM should accept now. */
    synchronized String current() throws CrmException {
        if (accessToken != null && clock.instant().isBefore(renewAt)) {
            return accessToken;
        }
        accessToken = null;
        if (refreshToken != null) {
            try {
                return take(request(refreshGrant()));
            } catch (CrmException e) {
                if (e.isRetryable()) {
                    throw e;
                }
                LOG.info("SuiteCRM {} refused the refresh token; signing in again", settings.id());
                refreshToken = null;
            }
        }
        return take(request(fullGrant()));
    }

    /** Forgets the token SuiteCRM just refused, unless another thread has replaced it already. */
    synchronized void refused(String token) {
        if (token.equals(accessToken)) {
            accessToken = null;
        }
    }

    private ObjectNode fullGrant() {
        ObjectNode body = json.createObjectNode()
                .put("grant_type", settings.grant().wireName)
                .put("client_id", settings.clientId())
                .put("client_secret", settings.clientSecret());
        if (settings.grant() == SuiteCrmSettings.Grant.PASSWORD) {
            body.put("username", settings.username()).put("password", settings.password());
        }
        return body;
    }

    private ObjectNode refreshGrant() {
        return json.createObjectNode()
                .put("grant_type", "refresh_token")
                .put("client_id", settings.clientId())
                .put("client_secret", settings.clientSecret())
                .put("refresh_token", refreshToken);
    }

    private String take(JsonNode answer) throws CrmException {
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw CrmException.retry("SuiteCRM " + settings.id() + " answered the token request without access_token", null);
        }
        long expiresIn = answer.path("expires_in").asLong(3600);
        accessToken = token;
        renewAt = clock.instant().plusSeconds(Math.max(0, expiresIn - MARGIN_SECONDS));
        String refresh = answer.path("refresh_token").asText("");
        if (!refresh.isEmpty()) {
            refreshToken = refresh;
        }
        LOG.debug("SuiteCRM {}: new access token, valid for {} s", settings.id(), expiresIn);
        return token;
    }

    private JsonNode request(ObjectNode grant) throws CrmException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(grant.toString()))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw CrmException.retry("SuiteCRM " + settings.id() + " could not be reached for a token: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.retry("Interrupted while asking SuiteCRM " + settings.id() + " for a token", e);
        }
        int status = response.statusCode();
        byte[] body = response.body();
        JsonNode answer = parse(body);
        if (status == 200 && answer != null) {
            return answer;
        }
        String code = answer == null ? "" : answer.path("error").asText("");
        code = ERROR_CODE.matcher(code).matches() ? " (" + code + ")" : "";
        if (status == 400 || status == 401 || status == 403 || (status == 500 && code.contains("unknown_error"))) {
            // 500 unknown_error is what SuiteCRM answers to a wrong user password
            throw CrmException.reject("SuiteCRM " + settings.id() + " refused to sign in: HTTP " + status + code
                    + "; check clientId, the client secret, the grant type and, for the password grant, username and password");
        }
        throw CrmException.retry("SuiteCRM " + settings.id() + " answered the token request with HTTP " + status + code, null);
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_TOKEN_RESPONSE) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
