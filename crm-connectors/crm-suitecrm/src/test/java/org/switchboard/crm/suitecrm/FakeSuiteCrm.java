package org.switchboard.crm.suitecrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SuiteCRM 7.14's V8 API over HTTP, in process (WireMock), holding its records in memory.
 *
 * <p>Every answer has the shape, status and content type of the recorded exchanges in
 * {@code src/test/resources/suitecrm-7.14} (see its README): records carry the attributes of the recorded
 * ones (Leads, not recorded, those of a Contact) plus the custom reference field an administrator adds in
 * Studio; {@code eq} compares whole strings as MariaDB's case-insensitive collation does, {@code like}
 * is SQL LIKE; an ISO 8601 {@code date_start} of a Call is silently dropped; a missing record is a 400;
 * PATCH answers 201; {@code filter[email2]} breaks the body; a refreshed token revokes the one before.
 *
 * <p>For outages it can answer 503 to everything ({@link #down()}), or apply the next writes and let
 * their answers time out ({@link #loseAnswers(int, int)}), as when the network drops after the commit.
 */
final class FakeSuiteCrm implements ResponseDefinitionTransformerV2, AutoCloseable {
    static final String CLIENT_ID = "a1b2c3d4-0000-0000-0000-000000000001";
    static final String PASSWORD_CLIENT_ID = "a1b2c3d4-0000-0000-0000-000000000002";
    static final String CLIENT_SECRET = "s3cret-client";
    static final String USER = "admin";
    static final String USER_PASSWORD = "s3cret-user";
    static final String REFERENCE_FIELD = "switchboard_ref_c";

    private static final String JSON = "application/json";
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";
    private static final String JSON_API = "application/vnd.api+json";
    private static final Pattern RECORD_PATH = Pattern.compile("/Api/V8/module/([^/?]+)(?:/([^/?]+))?(?:/relationships(?:/([^/?]+))?)?");
    private static final Pattern FILTER = Pattern.compile("filter\\[([^\\]]+)\\](?:\\[([^\\]]*)\\])?");
    private static final DateTimeFormatter SUITECRM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String NOW = "2026-11-22T16:16:00+00:00";
    private static final Map<String, String> BEANS = Map.of("Contacts", "Contact", "Leads", "Lead",
            "Accounts", "Account", "Cases", "Case", "Calls", "Call", "Notes", "Note");
    private static final Map<String, Set<String>> LINKS = Map.of(
            "Cases", Set.of("contacts", "calls", "notes"), "Calls", Set.of("contacts", "leads"),
            "Contacts", Set.of("cases", "calls", "notes", "email_addresses"), "Leads", Set.of("calls", "notes"),
            "Accounts", Set.of("cases", "contacts"), "Notes", Set.of());

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> templates = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> records = new LinkedHashMap<>();
    private final Set<String> relations = new LinkedHashSet<>();
    private final Set<String> accessTokens = new LinkedHashSet<>();
    private final Set<String> refreshTokens = new LinkedHashSet<>();
    private final Map<String, String> accessTokenOfRefresh = new LinkedHashMap<>();
    private final WireMockServer server;
    private final Map<String, Integer> creationOrder = new LinkedHashMap<>();
    private final List<String> grants = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private int caseNumbers;
    private int failuresToAnswer;
    private int failureStatus;
    private int readDelayMillis;
    private boolean down;
    private int answersToLose;
    private int lostAnswerDelayMillis;

    FakeSuiteCrm() {
        templates.put("Contacts", recorded("11-create-contact.json"));
        templates.put("Leads", recorded("11-create-contact.json"));
        templates.put("Accounts", recorded("10-create-account.json"));
        templates.put("Cases", recorded("40-create-case.json"));
        templates.put("Calls", recorded("44-create-call.json"));
        templates.put("Notes", recorded("46-create-note.json"));
        templates.keySet().forEach(module -> records.put(module, new LinkedHashMap<>()));
        server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().extensions(this));
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
    }

    String url() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String getName() {
        return "fake-suitecrm";
    }

    // ------------------------------------------------------------------ what tests set and read

    synchronized void down() {
        down = true;
    }

    synchronized void up() {
        down = false;
        answersToLose = 0;
    }

    /** The next {@code count} writes are applied, but their answers come only after {@code delayMillis}. */
    synchronized void loseAnswers(int count, int delayMillis) {
        answersToLose = count;
        lostAnswerDelayMillis = delayMillis;
    }

    /** The next {@code count} requests (token requests too) are answered with this status, as a proxy in front would. */
    synchronized void failNext(int status, int count) {
        failureStatus = status;
        failuresToAnswer = count;
    }

    /** Record reads (GET) answer only after this delay. */
    synchronized void delayReads(int delayMillis) {
        readDelayMillis = delayMillis;
    }

    /** Every access token runs out, as an hour after it was issued. */
    synchronized void expireTokens() {
        accessTokens.clear();
    }

    synchronized List<String> grants() {
        return List.copyOf(grants);
    }

    int reads() {
        return reads.get();
    }

    /** Adds a record as someone typing in the SuiteCRM UI would; returns its id. */
    synchronized String add(String module, Map<String, String> attributes) {
        return create(module, json.valueToTree(attributes)).path("id").asText();
    }

    synchronized void delete(String module, String id) {
        ObjectNode record = records.get(module).get(id);
        record.with("attributes").put("deleted", "1");
    }

    /** The live (not deleted) records of a module whose attribute has this value. */
    synchronized List<ObjectNode> find(String module, String attribute, String value) {
        return records.get(module).values().stream()
                .filter(r -> "0".equals(r.path("attributes").path("deleted").asText()))
                .filter(r -> value.equals(r.path("attributes").path(attribute).asText()))
                .map(ObjectNode::deepCopy).toList();
    }

    /** The descriptions of the Calls and Notes whose "related to" record is this one, oldest first. */
    synchronized List<String> activitiesOf(String parentId) {
        List<ObjectNode> activities = new ArrayList<>(find("Calls", "parent_id", parentId));
        activities.addAll(find("Notes", "parent_id", parentId));
        activities.sort(Comparator.comparing(r -> creationOrder.get(r.path("id").asText())));
        return activities.stream().map(r -> r.path("attributes").path("description").asText()).toList();
    }

    synchronized long count(String module) {
        return records.get(module).values().stream()
                .filter(r -> "0".equals(r.path("attributes").path("deleted").asText())).count();
    }

    synchronized boolean related(String module, String id, String link, String relatedId) {
        return relations.contains(module + '/' + id + '/' + link + '/' + relatedId);
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (down) {
            return answer(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
        }
        if (failuresToAnswer > 0) {
            failuresToAnswer--;
            return answer(failureStatus, "text/html", "<html><body><h1>" + failureStatus + "</h1></body></html>");
        }
        String url = request.getUrl();
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        Map<String, String> query = question < 0 ? Map.of() : query(url.substring(question + 1));
        String method = request.getMethod().getName();
        if (path.equals("/Api/access_token") && method.equals("POST")) {
            return token(request);
        }
        String token = bearer(request);
        if (token == null) {
            return oauthDenied("Missing \"Authorization\" header");
        }
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return oauthDenied("The JWT string must have two dots");
        }
        if (!accessTokens.contains(token)) {
            return oauthDenied("Access token has been revoked");
        }
        boolean write = !method.equals("GET");
        ResponseDefinition answer;
        Matcher record = RECORD_PATH.matcher(path);
        if (path.equals("/Api/V8/module") && (method.equals("POST") || method.equals("PATCH"))) {
            answer = write(method, request);
        } else if (record.matches()) {
            answer = api(method, record.group(1), record.group(2), record.group(3), path.contains("/relationships"),
                    query, request);
        } else {
            return answer(404, "text/html", "<html><body>Not Found</body></html>");
        }
        if (!write) {
            reads.incrementAndGet();
            if (readDelayMillis > 0) {
                return ResponseDefinitionBuilder.like(answer).withFixedDelay(readDelayMillis).build();
            }
        }
        if (write && answer.getStatus() < 300 && answersToLose > 0) {
            answersToLose--;
            return ResponseDefinitionBuilder.like(answer).withFixedDelay(lostAnswerDelayMillis).build();
        }
        return answer;
    }

    private ResponseDefinition api(String method, String module, String id, String link, boolean relationships,
                                   Map<String, String> query, Request request) {
        if (!records.containsKey(module)) {
            return apiError(400, JSON, "Module " + module + " does not exist");
        }
        if (method.equals("GET") && id == null) {
            return list(module, query);
        }
        if (method.equals("GET") && !relationships) {
            return recordOrMissing(module, id, query);
        }
        if (method.equals("POST") && relationships) {
            return relate(module, id, link, request);
        }
        return apiError(400, JSON, "Method " + method + " is not supported here");
    }

    /** POST (create) and PATCH (update) of {@code /Api/V8/module}; the module is the body's {@code type}. */
    private ResponseDefinition write(String method, Request request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith(JSON_API)) {
            return apiError(400, JSON, "The required option \"data\" is missing.");
        }
        JsonNode data = body(request).path("data");
        String module = data.path("type").asText();
        if (!records.containsKey(module)) {
            return apiError(400, JSON, "Module " + module + " does not exist");
        }
        ObjectNode attributes = data.path("attributes").isObject() ? (ObjectNode) data.path("attributes") : json.createObjectNode();
        for (Iterator<String> names = attributes.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!templates.get(module).path("attributes").has(name) && !name.equals(REFERENCE_FIELD)) {
                return apiError(400, JSON, "Property " + name + " in " + BEANS.get(module) + " module is invalid");
            }
        }
        if (method.equals("POST")) {
            return answer(201, JSON_API, wrap(create(module, attributes)));
        }
        if (!data.hasNonNull("id")) {
            return apiError(400, JSON, "The required option \"id\" is missing.");
        }
        ObjectNode existing = live(module, data.path("id").asText());
        if (existing == null) {
            return missing(module, data.path("id").asText());
        }
        ObjectNode stored = existing.with("attributes");
        attributes.fields().forEachRemaining(e -> stored.put(e.getKey(), e.getValue().asText()));
        stored.put("date_modified", NOW);
        return answer(201, JSON_API, wrap(existing.deepCopy()));
    }

    private ObjectNode create(String module, JsonNode given) {
        ObjectNode template = templates.get(module);
        String oldId = template.path("id").asText();
        String id = UUID.randomUUID().toString();
        ObjectNode record = (ObjectNode) template.deepCopy();
        record.put("type", BEANS.get(module)).put("id", id);
        ObjectNode attributes = record.with("attributes");
        attributes.fieldNames().forEachRemaining(name -> {
            if (attributes.path(name).isTextual()) {
                attributes.put(name, "");
            }
        });
        attributes.put(REFERENCE_FIELD, "");
        given.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        attributes.put("deleted", "0").put("date_entered", NOW).put("date_modified", NOW)
                .put("created_by", "1").put("created_by_name", "Administrator")
                .put("modified_user_id", "1").put("modified_by_name", "Administrator");
        switch (module) {
            case "Contacts", "Leads" -> {
                String name = (attributes.path("first_name").asText() + " " + attributes.path("last_name").asText()).strip();
                attributes.put("name", name).put("full_name", name);
            }
            case "Cases" -> attributes.put("case_number", Integer.toString(++caseNumbers));
            case "Calls" -> callDates(attributes);
            case "Notes" -> {
                ObjectNode contact = live("Contacts", attributes.path("contact_id").asText());
                if (contact != null) {
                    attributes.put("contact_name", contact.path("attributes").path("name").asText());
                }
            }
            default -> { }
        }
        if (record.has("relationships")) {
            String text = record.get("relationships").toString().replace(oldId, id);
            try {
                record.set("relationships", json.readTree(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        records.get(module).put(id, record);
        creationOrder.put(id, creationOrder.size());
        return record.deepCopy();
    }

    /** SuiteCRM takes Y-m-d H:i:s, answers ISO 8601 cut to the minute, and silently drops anything else. */
    private static void callDates(ObjectNode attributes) {
        String start = attributes.path("date_start").asText();
        try {
            LocalDateTime at = LocalDateTime.parse(start, SUITECRM_DATE).withSecond(0);
            int minutes = Integer.parseInt(attributes.path("duration_hours").asText("0").isEmpty() ? "0"
                    : attributes.path("duration_hours").asText()) * 60
                    + Integer.parseInt(attributes.path("duration_minutes").asText("0").isEmpty() ? "0"
                    : attributes.path("duration_minutes").asText());
            attributes.put("date_start", at + ":00+00:00").put("date_end", at.plusMinutes(minutes) + ":00+00:00");
        } catch (DateTimeParseException | NumberFormatException e) {
            attributes.put("date_start", "").put("date_end", "");
        }
    }

    private ResponseDefinition list(String module, Map<String, String> query) {
        boolean or = "or".equalsIgnoreCase(query.getOrDefault("filter[operator]", "and"));
        List<Predicate<JsonNode>> conditions = new ArrayList<>();
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            Matcher filter = FILTER.matcher(parameter.getKey());
            if (!filter.matches() || filter.group(1).equals("operator")) {
                continue;
            }
            String field = filter.group(1);
            if (filter.group(2) == null) {
                return apiError(400, JSON, "Filter field " + field + " must be an array");
            }
            if (field.equals("email2")) {
                return answer(400, JSON_API, "{\n    \"errors\": {\n        \"status\": 400,\n        \"title\": null,\n"
                        + "        \"detail\": \"Database failure. Please refer to suitecrm.log for details.\"\n    }\n}"
                        + "Database failure. Please refer to suitecrm.log for details.");
            }
            if (!field.equals(REFERENCE_FIELD) && !templates.get(module).path("attributes").has(field)) {
                return apiError(400, JSON, "Filter field " + field + " in " + BEANS.get(module) + " module is not found");
            }
            String operator = filter.group(2);
            String value = parameter.getValue();
            Predicate<String> test = switch (operator) {
                case "eq" -> stored -> stored.equalsIgnoreCase(value);
                case "neq" -> stored -> !stored.equalsIgnoreCase(value);
                case "like" -> like(value);
                default -> null;
            };
            if (test == null) {
                return apiError(400, JSON, "Filter operator " + operator + " is invalid");
            }
            conditions.add(r -> test.test(r.path("attributes").path(field).asText("")));
        }
        List<ObjectNode> found = records.get(module).values().stream()
                .filter(r -> "0".equals(r.path("attributes").path("deleted").asText()))
                .filter(r -> conditions.isEmpty() || (or ? conditions.stream().anyMatch(c -> c.test(r))
                        : conditions.stream().allMatch(c -> c.test(r))))
                .toList();
        if (found.isEmpty()) {
            return answer(200, JSON_API, "{\"meta\":{\"message\":\"Request was successful, but there is no result\"},\"data\":[]}");
        }
        ObjectNode body = json.createObjectNode();
        List<ObjectNode> page = found;
        if (query.containsKey("page[size]")) {
            int size = Integer.parseInt(query.get("page[size]"));
            int number = Integer.parseInt(query.getOrDefault("page[number]", "1"));
            int from = Math.min(found.size(), (number - 1) * size);
            page = found.subList(from, Math.min(found.size(), from + size));
            int pages = (found.size() + size - 1) / size;
            body.putObject("meta").put("total-pages", pages).put("records-on-this-page", page.size());
        }
        ArrayNode data = body.putArray("data");
        page.forEach(r -> data.add(sparse(module, r, query)));
        if (query.containsKey("page[size]")) {
            body.putObject("links").putNull("first").putNull("prev").putNull("next").putNull("last");
        }
        return answer(200, JSON_API, body.toString());
    }

    private static Predicate<String> like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        return stored -> compiled.matcher(stored).matches();
    }

    private ObjectNode sparse(String module, ObjectNode record, Map<String, String> query) {
        ObjectNode copy = record.deepCopy();
        String fields = query.get("fields[" + module + "]");
        if (fields != null) {
            ObjectNode all = copy.with("attributes");
            ObjectNode only = json.createObjectNode();
            for (String field : fields.split(",")) {
                if (all.has(field)) {
                    only.set(field, all.get(field));
                }
            }
            copy.set("attributes", only);
        }
        return copy;
    }

    private ResponseDefinition recordOrMissing(String module, String id, Map<String, String> query) {
        ObjectNode record = live(module, id);
        return record == null ? missing(module, id) : answer(200, JSON_API, wrap(sparse(module, record, query)));
    }

    private ResponseDefinition relate(String module, String id, String link, Request request) {
        ObjectNode record = live(module, id);
        if (record == null) {
            return missing(module, id);
        }
        JsonNode data = body(request).path("data");
        String relatedModule = data.path("type").asText();
        String relatedId = data.path("id").asText();
        if (!records.containsKey(relatedModule)) {
            return apiError(400, JSON, "Module " + relatedModule + " does not exist");
        }
        if (live(relatedModule, relatedId) == null) {
            return missing(relatedModule, relatedId);
        }
        if (link == null) { // the generic call picks the first Case-Contact link: contact_created_by
            record.with("attributes").put("contact_created_by_id", relatedId);
            return answer(201, JSON_API, related(module, id, relatedModule, relatedId, "contact_created_by"));
        }
        if (!LINKS.get(module).contains(link)) {
            return apiError(400, JSON, "Cannot load relationship " + link + " for " + BEANS.get(module) + " module");
        }
        relations.add(module + '/' + id + '/' + link + '/' + relatedId);
        return answer(201, JSON_API, related(module, id, relatedModule, relatedId, link));
    }

    private String related(String module, String id, String relatedModule, String relatedId, String link) {
        ObjectNode body = json.createObjectNode();
        body.putObject("meta")
                .put("message", relatedModule + " record with id " + relatedId + " has been related to " + module
                        + " record with id " + id + " using link " + link)
                .put("sourceModule", module).put("sourceModuleLabel", module).put("sourceId", id)
                .put("relatedModule", relatedModule).put("relatedModuleLabel", relatedModule)
                .put("relatedId", relatedId).put("relationshipLink", link);
        body.putArray("data");
        return body.toString();
    }

    private ObjectNode live(String module, String id) {
        ObjectNode record = records.containsKey(module) ? records.get(module).get(id) : null;
        return record != null && "0".equals(record.path("attributes").path("deleted").asText()) ? record : null;
    }

    private ResponseDefinition missing(String module, String id) {
        return apiError(400, JSON_API, module + " module with id " + id + " is not found");
    }

    // ------------------------------------------------------------------ OAuth2

    private ResponseDefinition token(Request request) {
        Map<String, String> form = new LinkedHashMap<>();
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            form.putAll(query(request.getBodyAsString()));
        } else {
            body(request).fields().forEachRemaining(e -> form.put(e.getKey(), e.getValue().asText()));
        }
        String grant = form.getOrDefault("grant_type", "");
        grants.add(grant);
        String client = form.getOrDefault("client_id", "");
        boolean secretOk = CLIENT_SECRET.equals(form.get("client_secret"));
        boolean clientOk = secretOk && (grant.equals("client_credentials") ? client.equals(CLIENT_ID)
                : client.equals(PASSWORD_CLIENT_ID));
        if (!clientOk) {
            return answer(401, JSON, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\","
                    + "\"message\":\"Client authentication failed\"}");
        }
        switch (grant) {
            case "client_credentials" -> {
                return answer(200, JSON_UTF8, json.createObjectNode().put("token_type", "Bearer")
                        .put("expires_in", 3600).put("access_token", newAccessToken()).toString());
            }
            case "password" -> {
                String password = form.getOrDefault("password", "");
                if (!USER.equals(form.get("username")) || !USER_PASSWORD.equals(password)) {
                    String echo = "The password is invalid: " + password;
                    return answer(500, JSON, json.createObjectNode().put("error", "unknown_error")
                            .put("error_description", echo).put("message", echo).toString());
                }
                return refreshable(newAccessToken());
            }
            case "refresh_token" -> {
                String refresh = form.getOrDefault("refresh_token", "");
                if (!refreshTokens.remove(refresh)) {
                    return answer(401, JSON, "{\"error\":\"invalid_request\",\"error_description\":\"The refresh token is invalid.\","
                            + "\"hint\":\"Token has been revoked\",\"message\":\"The refresh token is invalid.\"}");
                }
                accessTokens.remove(accessTokenOfRefresh.remove(refresh));
                return refreshable(newAccessToken());
            }
            default -> {
                return answer(400, JSON, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"The authorization grant type is not supported by the authorization server.\","
                        + "\"message\":\"The authorization grant type is not supported by the authorization server.\"}");
            }
        }
    }

    private ResponseDefinition refreshable(String access) {
        String refresh = "def" + UUID.randomUUID().toString().replace("-", "");
        refreshTokens.add(refresh);
        accessTokenOfRefresh.put(refresh, access);
        return answer(200, JSON_UTF8, json.createObjectNode().put("token_type", "Bearer").put("expires_in", 3600)
                .put("access_token", access).put("refresh_token", refresh).toString());
    }

    private String newAccessToken() {
        String token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + UUID.randomUUID() + ".signature";
        accessTokens.add(token);
        return token;
    }

    private static String bearer(Request request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    private ResponseDefinition oauthDenied(String hint) {
        return answer(401, JSON, json.createObjectNode().put("error", "access_denied")
                .put("error_description", "The resource owner or authorization server denied the request.")
                .put("hint", hint)
                .put("message", "The resource owner or authorization server denied the request.").toString());
    }

    // ------------------------------------------------------------------ helpers

    private ResponseDefinition apiError(int status, String contentType, String detail) {
        ObjectNode body = json.createObjectNode();
        body.putObject("errors").put("status", status).putNull("title").put("detail", detail);
        return answer(status, contentType, body.toString());
    }

    private static ResponseDefinition answer(int status, String contentType, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body).build();
    }

    private String wrap(ObjectNode record) {
        ObjectNode body = json.createObjectNode();
        body.set("data", record);
        return body.toString();
    }

    private JsonNode body(Request request) {
        try {
            String text = request.getBodyAsString();
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(key, value);
        }
        return parameters;
    }

    private ObjectNode recorded(String file) {
        try (InputStream in = FakeSuiteCrm.class.getResourceAsStream("/suitecrm-7.14/" + file)) {
            return (ObjectNode) json.readTree(in).path("response").path("body").path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
