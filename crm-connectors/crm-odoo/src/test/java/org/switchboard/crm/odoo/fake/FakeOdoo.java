package org.switchboard.crm.odoo.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An Odoo 17.0 server as far as the connector talks to it, behind WireMock: {@code POST /jsonrpc}
 * with the {@code common} and {@code object} services, answering in the shapes of the recorded
 * exchanges (values {@code false} when empty, many2one {@code [id, name]}, errors with HTTP 200 and
 * the recorded error bodies, HTML 400 for a body that is not JSON), and keeping the records it is
 * given, so that create-then-find works. It behaves like the recorded server where the connector
 * could go wrong: {@code phone_mobile_search} ignores separators but knows no trunk prefixes,
 * {@code email} is compared case-sensitively while {@code email_normalized} is the bare lower-cased
 * address, a plain chatter body is escaped unless {@code body_is_html}, a lead created with a
 * partner and a phone overwrites the partner's phone, {@code read} of a missing id answers
 * {@code []} and {@code write} of one raises {@code MissingError}.
 *
 * <p>Seeded from the recordings: the partners 28–30 and the crm.stage records. Users: {@code admin}
 * (uid 2, every right) and {@code agent} (uid 9, no rights on crm.lead), each with an API key.
 * Faults for outage tests: {@link #outage(Outage)}.
 */
public final class FakeOdoo implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "fake-odoo";
    public static final String DATABASE = "peerdb";
    public static final String ADMIN_KEY = "0123456789abcdef0123456789abcdef01234567";
    public static final String AGENT_KEY = "fedcba9876543210fedcba9876543210fedcba98";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\\\./()\\-]");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What goes wrong with the next calls. */
    public enum Outage {
        /** Nothing. */
        NONE,
        /** A proxy in front of Odoo answers 503 and Odoo sees nothing. */
        UNAVAILABLE,
        /** Odoo reads as usual; it does every write and commits, but answers later than any client waits. */
        COMMIT_THEN_STALL,
        /** Odoo answers nothing in time and does nothing. */
        STALL
    }

    private record User(int uid, String login, String key, Set<String> deniedModels) {
    }

    private final Map<String, TreeMap<Long, ObjectNode>> tables = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> fields = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<User> users = List.of(
            new User(2, "admin", ADMIN_KEY, Set.of()),
            new User(9, "agent", AGENT_KEY, Set.of("crm.lead", "crm.stage", "mail.message", "ir.model")));
    private volatile Outage outage = Outage.NONE;
    private volatile int stallMillis = 3_000;
    private volatile int major = 17;
    private long nextId = 100;

    public FakeOdoo() {
        model("res.partner", "name", "display_name", "phone", "mobile", "phone_sanitized", "email", "email_normalized",
                "parent_id", "commercial_partner_id", "is_company", "active", "ref");
        model("crm.lead", "name", "type", "partner_id", "contact_name", "partner_name", "email_from", "phone",
                "stage_id", "user_id", "team_id", "priority", "probability", "active", "date_closed", "create_date",
                "write_date", "description", "referred");
        model("crm.stage", "name", "sequence", "is_won", "fold");
        model("mail.message", "body", "message_type", "subtype_id", "model", "res_id", "author_id", "date", "record_name");
        model("ir.model", "model", "name");
        model("project.task", "name", "partner_id", "project_id", "stage_id", "description", "active");
        model("project.task.type", "name", "sequence", "fold", "project_ids");
        model("project.project", "name");
        for (String m : List.of("res.partner", "crm.lead", "crm.stage", "mail.message", "project.task", "project.task.type")) {
            insert("ir.model", obj().put("model", m).put("name", m));
        }
        ObjectNode company = obj().put("name", "ООО «Ромашка»").put("is_company", true).put("phone", "+7 495 000-00-00")
                .put("email", "info@romashka.example");
        put("res.partner", 28, company);
        for (JsonNode partner : Fixtures.responseBody("14-partner-read-after-create").path("result")) {
            put("res.partner", partner.path("id").asLong(), ((ObjectNode) partner.deepCopy()).put("active", true));
        }
        for (JsonNode stage : Fixtures.responseBody("31-crm-stage-search_read").path("result")) {
            put("crm.stage", stage.path("id").asLong(), (ObjectNode) stage.deepCopy());
        }
        put("project.project", 5, obj().put("name", "Support"));
        put("project.project", 6, obj().put("name", "Roadmap"));
        String[][] taskStages = {{"Backlog", "6", "false"}, {"To Do", "5", "false"}, {"In Progress", "5", "false"},
                {"Done", "5", "true"}};
        for (int i = 0; i < taskStages.length; i++) {
            ObjectNode stage = obj().put("name", taskStages[i][0]).put("sequence", i)
                    .put("fold", Boolean.parseBoolean(taskStages[i][2]));
            stage.putArray("project_ids").add(Long.parseLong(taskStages[i][1]));
            put("project.task.type", i + 1, stage);
        }
    }

    /** Installs the Helpdesk app: helpdesk.ticket and its stages New, In Progress, Solved, Cancelled. */
    public synchronized FakeOdoo withHelpdesk() {
        model("helpdesk.ticket", "name", "partner_id", "partner_name", "partner_email", "partner_phone", "stage_id",
                "team_id", "description", "active");
        model("helpdesk.stage", "name", "sequence", "fold");
        insert("ir.model", obj().put("model", "helpdesk.ticket").put("name", "Helpdesk Ticket"));
        String[] names = {"New", "In Progress", "Solved", "Cancelled"};
        for (int i = 0; i < names.length; i++) {
            put("helpdesk.stage", i + 1, obj().put("name", names[i]).put("sequence", i).put("fold", i >= 2));
        }
        return this;
    }

    /**
     * Answers as Odoo 16 does where the connector can tell: {@code common.version} says 16, and
     * {@code message_post} keeps a string body as HTML and knows no {@code body_is_html}.
     */
    public FakeOdoo asOdoo16() {
        this.major = 16;
        return this;
    }

    public void outage(Outage what) {
        this.outage = what;
    }

    public void stallMillis(int millis) {
        this.stallMillis = millis;
    }

    /** How often {@code model.method} was called (successfully or not). */
    public int calls(String model, String method) {
        AtomicInteger n = calls.get(model + "." + method);
        return n == null ? 0 : n.get();
    }

    /** How many {@code object.execute_kw} calls reached Odoo. */
    public int executeCalls() {
        return calls.entrySet().stream().filter(e -> !e.getKey().startsWith("common."))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    public synchronized List<ObjectNode> records(String model) {
        return tables.getOrDefault(model, new TreeMap<>()).values().stream().map(ObjectNode::deepCopy).toList();
    }

    public synchronized ObjectNode record(String model, long id) {
        ObjectNode r = tables.getOrDefault(model, new TreeMap<>()).get(id);
        return r == null ? null : r.deepCopy();
    }

    /** The chatter of one record, oldest first. */
    public synchronized List<ObjectNode> messages(String model, long id) {
        return records("mail.message").stream()
                .filter(m -> m.path("model").asText().equals(model) && m.path("res_id").asLong() == id).toList();
    }

    /** Adds a record as if someone had typed it in Odoo; returns its id. */
    public synchronized long insert(String model, ObjectNode values) {
        long id = nextId++;
        put(model, id, values);
        return id;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Outage now = outage;
        if (now == Outage.UNAVAILABLE) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(503).withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>503 Service Unavailable</h1></body></html>").build();
        }
        if (now == Outage.STALL) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withBody("{}").withFixedDelay(stallMillis).build();
        }
        JsonNode request;
        try {
            request = JSON.readTree(event.getRequest().getBodyAsString());
        } catch (IOException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            JsonNode recorded = Fixtures.exchange("90-error-malformed-json-body").path("response");
            return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(recorded.path("body").asText()).build();
        }
        JsonNode id = request.path("id");
        ObjectNode answer = obj().put("jsonrpc", "2.0");
        answer.set("id", id);
        try {
            answer.set("result", dispatch(request.path("params")));
        } catch (OdooError e) {
            ObjectNode error = (ObjectNode) Fixtures.responseBody(e.fixture).path("error").deepCopy();
            if (e.message != null) {
                ObjectNode data = (ObjectNode) error.path("data");
                data.put("message", e.message);
                data.putArray("arguments").add(e.message);
            }
            answer.set("error", error);
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(answer.toString());
        String method = request.path("params").path("args").path(4).asText();
        if (now == Outage.COMMIT_THEN_STALL && Set.of("create", "write", "message_post").contains(method)) {
            response.withFixedDelay(stallMillis);
        }
        return response.build();
    }

    // ------------------------------------------------------------------ services

    private static final class OdooError extends Exception {
        private static final long serialVersionUID = 1L;
        final String fixture;
        final String message;

        OdooError(String fixture, String message) {
            super(message, null, false, false);
            this.fixture = fixture;
            this.message = message;
        }
    }

    private synchronized JsonNode dispatch(JsonNode params) throws OdooError {
        String service = params.path("service").asText();
        String method = params.path("method").asText();
        JsonNode args = params.path("args");
        if ("common".equals(service)) {
            count("common." + method);
            return switch (method) {
                case "version" -> {
                    ObjectNode version = (ObjectNode) Fixtures.responseBody("01-common-version").path("result").deepCopy();
                    if (major != 17) {
                        version.put("server_version", major + ".0");
                        version.put("server_serie", major + ".0");
                        ((ArrayNode) version.path("server_version_info")).set(0, JSON.getNodeFactory().numberNode(major));
                    }
                    yield version;
                }
                case "login", "authenticate" -> {
                    if (!DATABASE.equals(args.path(0).asText())) {
                        throw new OdooError("06-common-login-unknown-database",
                                "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \""
                                        + args.path(0).asText() + "\" does not exist\n");
                    }
                    User user = user(args.path(1).asText(), args.path(2).asText());
                    yield user == null ? BooleanNode.FALSE : JSON.getNodeFactory().numberNode(user.uid());
                }
                default -> throw new OdooError("89-error-unknown-common-method", "Method not found: " + method);
            };
        }
        if (!"object".equals(service)) {
            throw new OdooError("88-error-unknown-service", null);
        }
        User user = users.stream().filter(u -> u.uid() == args.path(1).asInt() && u.key().equals(args.path(2).asText()))
                .findFirst().orElse(null);
        String model = args.path(3).asText();
        String call = args.path(4).asText();
        count(model + "." + call);
        if (user == null || !DATABASE.equals(args.path(0).asText())) {
            throw new OdooError("70-error-execute_kw-wrong-password", null);
        }
        if (!fields.containsKey(model)) {
            throw new OdooError("71-error-unknown-model", "Object " + model + " doesn't exist");
        }
        if (user.deniedModels().contains(model)) {
            throw new OdooError("86-error-access-denied-crm-lead-read", null);
        }
        JsonNode positional = args.path(5);
        JsonNode kwargs = args.path(6);
        return switch (call) {
            case "search_read" -> searchRead(model, positional.path(0), kwargs);
            case "search" -> ids(search(model, positional.path(0), kwargs));
            case "search_count" -> JSON.getNodeFactory().numberNode(search(model, positional.path(0), kwargs).size());
            case "read" -> read(model, positional.path(0), kwargs.path("fields"));
            case "create" -> create(model, positional.path(0));
            case "write" -> write(model, positional.path(0), positional.path(1));
            case "message_post" -> messagePost(model, positional, kwargs);
            default -> throw new OdooError("78-error-unknown-method",
                    "The method '" + call + "' does not exist on the model '" + model + "'");
        };
    }

    private User user(String login, String key) {
        return users.stream().filter(u -> u.login().equals(login) && u.key().equals(key)).findFirst().orElse(null);
    }

    private JsonNode searchRead(String model, JsonNode domain, JsonNode kwargs) throws OdooError {
        List<ObjectNode> found = search(model, domain, kwargs);
        ArrayNode out = JSON.createArrayNode();
        for (ObjectNode r : found) {
            out.add(project(model, r, kwargs.path("fields")));
        }
        return out;
    }

    private List<ObjectNode> search(String model, JsonNode domain, JsonNode kwargs) throws OdooError {
        Predicate<ObjectNode> match = domain(model, domain);
        boolean activeTest = kwargs.path("context").path("active_test").asBoolean(true);
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode r : tables.get(model).values()) {
            boolean inactive = r.has("active") && !r.path("active").asBoolean(true);
            if (match.test(r) && !(activeTest && inactive)) {
                found.add(r);
            }
        }
        if ("sequence".equals(kwargs.path("order").asText())) {
            found.sort(Comparator.comparingLong(r -> r.path("sequence").asLong()));
        }
        int limit = kwargs.path("limit").asInt(0);
        return limit > 0 && found.size() > limit ? found.subList(0, limit) : found;
    }

    private JsonNode read(String model, JsonNode ids, JsonNode wanted) throws OdooError {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode id : ids) {
            ObjectNode r = tables.get(model).get(id.asLong());
            if (r != null) {
                out.add(project(model, r, wanted));
            }
        }
        return out;
    }

    private ObjectNode project(String model, ObjectNode record, JsonNode wanted) throws OdooError {
        ObjectNode out = obj().put("id", record.path("id").asLong());
        Iterable<String> names = wanted.isArray() && wanted.size() > 0 ? toList(wanted) : fields.get(model);
        for (String f : names) {
            checkField(model, f, "74-error-unknown-field-in-read", "Invalid field '" + f + "' on model '" + model + "'");
            out.set(f, record.has(f) ? record.get(f) : BooleanNode.FALSE);
        }
        return out;
    }

    private JsonNode create(String model, JsonNode values) throws OdooError {
        if (values.isArray()) {
            ArrayNode ids = JSON.createArrayNode();
            try {
                for (JsonNode v : values) {
                    ids.add(createOne(model, v));
                }
            } catch (OdooError e) {
                ids.forEach(id -> tables.get(model).remove(id.asLong()));   // one transaction: all or nothing
                throw e;
            }
            return ids;
        }
        return JSON.getNodeFactory().numberNode(createOne(model, values));
    }

    private long createOne(String model, JsonNode values) throws OdooError {
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            checkField(model, f, "73-error-unknown-field-in-values", "Invalid field '" + f + "' on model '" + model + "'");
        }
        ObjectNode r = (ObjectNode) values.deepCopy();
        if ("res.partner".equals(model) && Values.blank(r.get("name"))) {
            throw new OdooError("82-error-validation-partner-without-name", null);
        }
        if ("crm.lead".equals(model)) {
            String type = r.path("type").asText("lead");
            if (!type.equals("lead") && !type.equals("opportunity")) {
                throw new OdooError("83-error-bad-selection-value", "Wrong value for crm.lead.type: '" + type + "'");
            }
            r.put("type", type);
            r.set("stage_id", many2one("crm.stage", 1));
            r.set("user_id", JSON.createArrayNode().add(2).add("Administrator"));
            r.set("team_id", r.has("team_id") ? many2one("crm.team", r.path("team_id").asLong())
                    : JSON.createArrayNode().add(1).add("Sales"));
            r.put("priority", r.path("priority").asText("0"));
            r.put("probability", 10.0);
            r.put("active", true);
        }
        if ("helpdesk.ticket".equals(model)) {
            r.set("stage_id", many2one("helpdesk.stage", 1));
            r.put("active", true);
        }
        if ("project.task".equals(model)) {
            long project = r.path("project_id").asLong(0);
            TreeMap<Long, ObjectNode> stages = tables.get("project.task.type");
            long first = stages.values().stream()
                    .filter(st -> project > 0 && st.path("project_ids").toString().contains(Long.toString(project)))
                    .mapToLong(st -> st.path("id").asLong()).findFirst().orElse(0);
            r.set("stage_id", first > 0 ? many2one("project.task.type", first) : BooleanNode.FALSE);
            if (project > 0) {
                r.set("project_id", many2one("project.project", project));
            }
            r.put("active", true);
        }
        if (r.has("partner_id") && r.get("partner_id").isNumber()) {
            long partnerId = r.path("partner_id").asLong();
            ObjectNode partner = tables.get("res.partner").get(partnerId);
            if (partner == null) {
                // the foreign key refuses it; Odoo's RPC layer answers integrity errors as ValidationError
                throw new OdooError("82-error-validation-partner-without-name",
                        "The operation cannot be completed: the related record res.partner(" + partnerId + ",) does not exist");
            }
            r.set("partner_id", JSON.createArrayNode().add(partnerId).add(partner.path("display_name").asText()));
            if ("crm.lead".equals(model)) {
                r.set("contact_name", partner.get("name"));
                JsonNode phone = r.get("phone");
                if (phone != null && phone.isTextual() && !phone.asText().equals(partner.path("phone").asText())) {
                    partner.put("phone", phone.asText());   // crm.lead.phone writes through to the partner (34b)
                }
            }
        }
        long id = nextId++;
        put(model, id, r);
        return id;
    }

    private JsonNode write(String model, JsonNode ids, JsonNode values) throws OdooError {
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            checkField(model, f, "73-error-unknown-field-in-values", "Invalid field '" + f + "' on model '" + model + "'");
        }
        for (JsonNode id : ids) {
            if (!tables.get(model).containsKey(id.asLong())) {
                throw new OdooError("80-error-missing-record-write", "Record does not exist or has been deleted.\n(Record: "
                        + model + "(" + id.asLong() + ",), User: 2)");
            }
        }
        for (JsonNode id : ids) {
            ObjectNode r = tables.get(model).get(id.asLong());
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("stage_id")) {
                    r.set("stage_id", many2one(stageModel(model), e.getValue().asLong()));
                } else {
                    r.set(e.getKey(), e.getValue());
                }
            }
        }
        return BooleanNode.TRUE;
    }

    private JsonNode messagePost(String model, JsonNode positional, JsonNode kwargs) throws OdooError {
        if (positional.size() > 1) {
            throw new OdooError("44-crm-lead-message_post-positional-body", null);
        }
        JsonNode ids = positional.path(0);
        if (ids.size() != 1) {
            throw new OdooError("43-crm-lead-message_post-on-two-records", "Expected singleton: " + model + ids);
        }
        ObjectNode record = tables.get(model).get(ids.get(0).asLong());
        if (record == null) {
            throw new OdooError("80-error-missing-record-write", "Record does not exist or has been deleted.");
        }
        String body = kwargs.path("body").asText("");
        if (major < 17 && kwargs.has("body_is_html")) {
            throw new OdooError("76-error-wrong-arguments-unexpected-kwarg",
                    "MailThread.message_post() got an unexpected keyword argument 'body_is_html'");
        }
        boolean html = major < 17 || kwargs.path("body_is_html").asBoolean(false);
        String stored = html ? body : "<p>" + escape(body) + "</p>";
        ObjectNode message = obj().put("body", stored).put("message_type", kwargs.path("message_type").asText("notification"))
                .put("model", model).put("res_id", ids.get(0).asLong()).put("date", "2026-11-22 16:22:07")
                .put("record_name", record.path("name").asText());
        message.set("subtype_id", "mail.mt_note".equals(kwargs.path("subtype_xmlid").asText())
                ? JSON.createArrayNode().add(2).add("Note") : JSON.createArrayNode().add(1).add("Discussions"));
        message.set("author_id", JSON.createArrayNode().add(3).add("Administrator"));
        long id = nextId++;
        put("mail.message", id, message);
        return JSON.getNodeFactory().numberNode(id);
    }

    // ------------------------------------------------------------------ domains

    private Predicate<ObjectNode> domain(String model, JsonNode domain) throws OdooError {
        if (!domain.isArray()) {
            throw new OdooError("77-error-wrong-arguments-bad-domain", null);
        }
        List<JsonNode> items = toNodes(domain);
        List<Predicate<ObjectNode>> all = new ArrayList<>();
        int[] at = {0};
        while (at[0] < items.size()) {
            all.add(expression(model, items, at));
        }
        return r -> all.stream().allMatch(p -> p.test(r));
    }

    private Predicate<ObjectNode> expression(String model, List<JsonNode> items, int[] at) throws OdooError {
        JsonNode item = items.get(at[0]++);
        if (item.isTextual()) {
            switch (item.asText()) {
                case "|" -> {
                    Predicate<ObjectNode> a = expression(model, items, at);
                    Predicate<ObjectNode> b = expression(model, items, at);
                    return a.or(b);
                }
                case "&" -> {
                    Predicate<ObjectNode> a = expression(model, items, at);
                    Predicate<ObjectNode> b = expression(model, items, at);
                    return a.and(b);
                }
                case "!" -> {
                    return expression(model, items, at).negate();
                }
                default -> throw new OdooError("77-error-wrong-arguments-bad-domain", null);
            }
        }
        String field = item.path(0).asText();
        String operator = item.path(1).asText();
        JsonNode value = item.path(2);
        boolean phoneSearch = "phone_mobile_search".equals(field) && Set.of("res.partner", "crm.lead").contains(model);
        if (!phoneSearch && !"id".equals(field)) {
            checkField(model, field, "72-error-unknown-field-in-domain",
                    "Invalid field " + model + "." + field + " in leaf " + leaf(item));
        }
        if (phoneSearch) {
            String term = SEPARATORS.matcher(value.asText()).replaceAll("");
            return r -> phoneMatches(r, operator, term);
        }
        return r -> compare(r.get(field), operator, value, r);
    }

    private static boolean phoneMatches(ObjectNode r, String operator, String term) {
        for (String f : List.of("phone", "mobile")) {
            JsonNode v = r.get(f);
            if (v == null || !v.isTextual()) {
                continue;
            }
            String stored = SEPARATORS.matcher(v.asText()).replaceAll("");
            if ("ilike".equals(operator) && stored.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT))) {
                return true;
            }
            if ("=".equals(operator)) {
                if (stored.equals(term)
                        || term.startsWith("+") && stored.equals("00" + term.substring(1))
                        || term.startsWith("00") && stored.equals("+" + term.substring(2))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean compare(JsonNode stored, String operator, JsonNode value, ObjectNode record) {
        JsonNode v = stored == null ? BooleanNode.FALSE : stored;
        if (v.isArray() && v.size() == 2 && v.get(0).isNumber() && v.get(1).isTextual()) {
            v = v.get(0);   // many2one compares by id
        } else if (v.isArray() && "in".equals(operator)) {
            for (JsonNode id : v) {   // x2many: any of its ids
                for (JsonNode x : value) {
                    if (same(id, x)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return switch (operator) {
            case "=" -> same(v, value);
            case "!=" -> !same(v, value);
            case "in" -> {
                for (JsonNode x : value) {
                    if (same(v, x)) {
                        yield true;
                    }
                }
                yield false;
            }
            case "ilike" -> v.isTextual() && v.asText().toLowerCase(Locale.ROOT).contains(value.asText().toLowerCase(Locale.ROOT));
            case "=ilike" -> v.isTextual() && v.asText().equalsIgnoreCase(value.asText());
            default -> throw new IllegalArgumentException("the fake does not know operator " + operator + " on " + record);
        };
    }

    private static boolean same(JsonNode stored, JsonNode value) {
        if (stored.isNumber() && value.isNumber()) {
            return stored.asLong() == value.asLong();
        }
        return stored.equals(value);
    }

    // ------------------------------------------------------------------ helpers

    private void model(String model, String... names) {
        Set<String> known = new HashSet<>(List.of(names));
        known.add("id");
        known.add("display_name");
        fields.put(model, known);
        tables.putIfAbsent(model, new TreeMap<>());
    }

    private void put(String model, long id, ObjectNode values) {
        values.put("id", id);
        if ("res.partner".equals(model)) {
            if (!values.has("display_name")) {
                values.put("display_name", values.path("name").asText());
            }
            JsonNode email = values.get("email");
            if (email != null && email.isTextual()) {
                String address = email.asText();
                int lt = address.indexOf('<');
                int gt = address.indexOf('>');
                if (lt >= 0 && gt > lt) {
                    address = address.substring(lt + 1, gt);
                }
                values.put("email_normalized", address.strip().toLowerCase(Locale.ROOT));
            }
        }
        tables.get(model).put(id, values);
    }

    private String stageModel(String model) {
        return switch (model) {
            case "crm.lead" -> "crm.stage";
            case "helpdesk.ticket" -> "helpdesk.stage";
            default -> "project.task.type";
        };
    }

    private JsonNode many2one(String model, long id) {
        TreeMap<Long, ObjectNode> table = tables.get(model);
        ObjectNode r = table == null ? null : table.get(id);
        return JSON.createArrayNode().add(id).add(r == null ? model + "," + id : r.path("name").asText());
    }

    private void checkField(String model, String field, String fixture, String message) throws OdooError {
        if (!fields.get(model).contains(field)) {
            throw new OdooError(fixture, message);
        }
    }

    private void count(String key) {
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private static ArrayNode ids(List<ObjectNode> records) {
        ArrayNode out = JSON.createArrayNode();
        records.forEach(r -> out.add(r.path("id").asLong()));
        return out;
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<JsonNode> toNodes(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static String leaf(JsonNode item) {
        List<String> parts = new ArrayList<>();
        item.forEach(n -> parts.add(n.isTextual() ? "'" + n.asText() + "'" : n.toString()));
        return "(" + String.join(", ", parts) + ")";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&#34;");
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static final class Values {
        static boolean blank(JsonNode v) {
            return v == null || !v.isTextual() || v.asText().isBlank();
        }
    }
}
