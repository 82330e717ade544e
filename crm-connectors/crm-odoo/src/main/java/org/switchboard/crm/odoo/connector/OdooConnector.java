package org.switchboard.crm.odoo.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.crm.odoo.OdooConfig;
import org.switchboard.crm.odoo.OdooSettings;
import org.switchboard.crm.odoo.rpc.CallRecord;
import org.switchboard.crm.odoo.rpc.JsonRpcClient;
import org.switchboard.crm.odoo.rpc.OdooSession;

/**
 * One Odoo instance as a {@link CrmConnector}: customers are {@code res.partner} records, a
 * conversation's ticket is a {@code helpdesk.ticket}, {@code crm.lead} or {@code project.task}, and
 * every interaction is a note in the ticket's chatter (or, without a ticket, the partner's).
 *
 * <p>A ticket's {@link TicketRef#externalId() externalId} is {@code <model>,<id>} (Odoo's own way of
 * writing a reference), its number {@code <prefix><id>}, its URL a deep link into Odoo's web client.
 * Each write looks for the record its idempotency key made before it creates one: tickets carry the
 * key in the reference field or in a marker in their description, chatter notes a marker in their body.
 * Attempts with the same key wait for each other, so that a retry racing its own first attempt finds
 * what that one made (across nodes, the outbox gives a conversation's commands to one node at a time).
 */
@Component(configurationPid = OdooConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {CrmConnector.class, HealthCheck.class})
@Designate(ocd = OdooConfig.class, factory = true)
public final class OdooConnector implements CrmConnector, HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(OdooConnector.class);
    static final int MAX_NAME = 250;
    static final int MAX_TEXT = 20_000;

    private final OdooSettings settings;
    private final OdooSession session;
    private final OdooLinks links;
    private final PartnerLookup partners;
    private final ObjectMapper json;
    private final KeyLocks keyLocks = new KeyLocks();
    private final CallRecord calls;
    private volatile TicketModel ticketModel;
    private volatile Stages stages;

    @Activate
    public OdooConnector(OdooConfig config) {
        this(OdooSettings.of(config), HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(Math.min(config.timeoutMillis(), 10_000)))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), Clock.systemUTC());
    }

    public OdooConnector(OdooSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.json = new ObjectMapper();
        this.calls = new CallRecord(clock);
        this.session = new OdooSession(new JsonRpcClient(settings.url(), http, json), settings.database(),
                settings.login(), settings.apiKey(), calls);
        this.links = new OdooLinks(settings.publicUrl(), settings.linkStyle());
        this.partners = new PartnerLookup(settings.connectorId(), session, links,
                new LookupCache(clock, settings.lookupCache()), clock, settings.matchNationalNumbers());
        this.ticketModel = "auto".equals(settings.ticketModel()) ? null : TicketModel.of(settings.ticketModel());
        LOG.info("Odoo connector '{}' for {} database '{}'", settings.connectorId(), settings.url(), settings.database());
    }

    @Override
    public String id() {
        return settings.connectorId();
    }

    /** {@code crm:<id>}. */
    @Override
    public String name() {
        return "crm:" + id();
    }

    /** What the last calls to Odoo showed: it answers, it refuses the key, or it does not answer. */
    @Override
    public Health check() {
        return calls.health("Odoo " + settings.url().getHost());
    }

    /** Partners by phone ({@code phone_mobile_search}) and email ({@code email_normalized}), within the lookup budget. */
    @Override
    public List<CrmMatch> findCustomers(List<Address> addresses) throws CrmException {
        return partners.find(addresses, settings.lookupBudget());
    }

    @Override
    @SuppressWarnings("try") // the locks are held for the block, not used in it
    public TicketRef openTicket(TicketRequest request) throws CrmException {
        String key = checkedKey(request.idempotencyKey());
        try (KeyLocks.Held held = keyLocks.lock(List.of(key))) {
            return openOnce(request, key);
        }
    }

    private TicketRef openOnce(TicketRequest request, String key) throws CrmException {
        TicketModel model = ticketModel();
        Optional<TicketRef> existing = findTicket(model, key);
        if (existing.isPresent()) {
            LOG.debug("Odoo {} for {} exists already", model.name(), key);
            return existing.get();
        }
        long partnerId = partnerOf(request.customer());
        ObjectNode values = ticketValues(model, request, partnerId, key);
        JsonNode created = session.execute(model.name(), "create", json.createArrayNode().add(values), null,
                settings.timeout());
        if (!created.canConvertToLong() || created.asLong() <= 0) {
            throw CrmException.retry("Odoo answered " + model.name() + ".create without a record id", null);
        }
        long id = created.asLong();
        LOG.info("Opened Odoo {} {} for conversation {}", model.name(), id, request.conversationId());
        return ticketRef(model, id, TicketRef.OPEN);
    }

    /**
     * Opens a burst of tickets with two calls: one search for every key, one {@code create} of all the
     * new ones. Odoo creates them in one transaction, so when it refuses one of them it makes none;
     * then each is opened on its own and the refused one fails alone. A passing fault fails them all
     * as retries (the next attempt finds whatever Odoo made before the answer was lost).
     */
    @Override
    @SuppressWarnings("try") // the locks are held for the block, not used in it
    public List<CrmOutcome<TicketRef>> openTickets(List<TicketRequest> requests) {
        List<String> keys = requests.stream().map(TicketRequest::idempotencyKey).toList();
        if (requests.size() < 2 || new HashSet<>(keys).size() < keys.size()
                || keys.stream().anyMatch(k -> k.length() > References.MAX_KEY)) {
            return CrmConnector.super.openTickets(requests);
        }
        try (KeyLocks.Held held = keyLocks.lock(keys)) {
            TicketModel model = ticketModel();
            Map<String, TicketRef> existing = findTickets(model, keys);
            List<Integer> fresh = new ArrayList<>();
            ArrayNode values = json.createArrayNode();
            for (int i = 0; i < requests.size(); i++) {
                if (!existing.containsKey(keys.get(i))) {
                    TicketRequest request = requests.get(i);
                    values.add(ticketValues(model, request, partnerOf(request.customer()), keys.get(i)));
                    fresh.add(i);
                }
            }
            Map<Integer, TicketRef> created = new HashMap<>();
            if (!fresh.isEmpty()) {
                JsonNode ids = session.execute(model.name(), "create", json.createArrayNode().add(values), null,
                        settings.timeout());
                if (!ids.isArray() || ids.size() != fresh.size()) {
                    throw CrmException.retry("Odoo answered " + model.name() + ".create of " + fresh.size()
                            + " records without their ids", null);
                }
                for (int j = 0; j < fresh.size(); j++) {
                    created.put(fresh.get(j), ticketRef(model, ids.get(j).asLong(), TicketRef.OPEN));
                }
                LOG.info("Opened {} Odoo {} records in one call", fresh.size(), model.name());
            }
            List<CrmOutcome<TicketRef>> outcomes = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                TicketRef ref = existing.containsKey(keys.get(i)) ? existing.get(keys.get(i)) : created.get(i);
                outcomes.add(CrmOutcome.ok(ref));
            }
            return outcomes;
        } catch (CrmException e) {
            if (!e.isRetryable()) {
                LOG.debug("Odoo refused a burst of {} tickets; opening them one by one", requests.size());
                return CrmConnector.super.openTickets(requests);
            }
            List<CrmOutcome<TicketRef>> failed = new ArrayList<>(requests.size());
            requests.forEach(r -> failed.add(CrmOutcome.failed(e)));
            return failed;
        }
    }

    @Override
    @SuppressWarnings("try") // the locks are held for the block, not used in it
    public void logActivity(ActivityRequest request) throws CrmException {
        String key = checkedKey(request.idempotencyKey());
        try (KeyLocks.Held held = keyLocks.lock(List.of(key))) {
            logOnce(request, key);
        }
    }

    private void logOnce(ActivityRequest request, String key) throws CrmException {
        Note note = note(request, key);
        if (!postedKeys(List.of(note)).isEmpty()) {
            LOG.debug("Interaction {} is in the chatter of Odoo {} {} already", request.interactionId(), note.model(), note.id());
            return;
        }
        post(note);
    }

    /**
     * Logs a burst of interactions with one search for the notes posted before (Odoo posts one note
     * per call). A request that cannot be logged fails alone; when the search fails, all do.
     */
    @Override
    @SuppressWarnings("try") // the locks are held for the block, not used in it
    public List<CrmOutcome<Void>> logActivities(List<ActivityRequest> requests) {
        List<String> keys = requests.stream().map(ActivityRequest::idempotencyKey).toList();
        if (requests.size() < 2 || new HashSet<>(keys).size() < keys.size()
                || keys.stream().anyMatch(k -> k.length() > References.MAX_KEY)) {
            return CrmConnector.super.logActivities(requests);
        }
        List<CrmOutcome<Void>> outcomes = new ArrayList<>(requests.size());
        try (KeyLocks.Held held = keyLocks.lock(keys)) {
            Note[] notes = new Note[requests.size()];
            List<Note> known = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                try {
                    notes[i] = note(requests.get(i), keys.get(i));
                    known.add(notes[i]);
                } catch (CrmException e) {
                    if (e.isRetryable()) {
                        throw e;
                    }
                    outcomes.add(CrmOutcome.failed(e));
                    continue;
                }
                outcomes.add(null);
            }
            Set<String> posted = known.isEmpty() ? Set.of() : postedKeys(known);
            for (int i = 0; i < requests.size(); i++) {
                if (notes[i] == null) {
                    continue;
                }
                try {
                    if (!posted.contains(notes[i].key())) {
                        post(notes[i]);
                    }
                    outcomes.set(i, CrmOutcome.ok(null));
                } catch (CrmException e) {
                    outcomes.set(i, CrmOutcome.failed(e));
                }
            }
            return outcomes;
        } catch (CrmException e) {
            List<CrmOutcome<Void>> failed = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                CrmOutcome<Void> done = i < outcomes.size() ? outcomes.get(i) : null;
                failed.add(done != null ? done : CrmOutcome.failed(e));
            }
            return failed;
        }
    }

    /** A chatter note to post: on the ticket, or without one on the customer's partner. */
    private record Note(ActivityRequest request, String key, String model, long id) {
    }

    private Note note(ActivityRequest request, String key) throws CrmException {
        if (request.ticket() != null) {
            Record ticket = record(request.ticket());
            return new Note(request, key, ticket.model().name(), ticket.id());
        }
        long partner = partnerOf(request.customer());
        if (partner == 0) {
            throw CrmException.reject("Customer #" + request.customer().id()
                    + " has neither a ticket nor a partner in Odoo '" + id() + "' to log interaction "
                    + request.interactionId() + " on");
        }
        return new Note(request, key, PartnerLookup.MODEL, partner);
    }

    private void post(Note note) throws CrmException {
        ObjectNode kwargs = json.createObjectNode();
        kwargs.put("body", Chatter.body(note.request(), note.key()));
        if (htmlNeedsFlag()) {
            kwargs.put("body_is_html", true);
        }
        kwargs.put("message_type", "comment");
        kwargs.put("subtype_xmlid", "mail.mt_note");
        ArrayNode args = json.createArrayNode();
        args.addArray().add(note.id());
        session.execute(note.model(), "message_post", args, kwargs, settings.timeout());
    }

    /**
     * Moves the ticket to the stage its status stands for. Setting a stage is idempotent by itself: a
     * retry finds the ticket in that stage and writes nothing, so the key needs no storing.
     */
    @Override
    public TicketRef updateTicketStatus(TicketRef ticket, String status, String idempotencyKey) throws CrmException {
        Record record = record(ticket);
        Stages known = stages(record.model(), false);
        Optional<Stages.Stage> stage = known.forStatus(status);
        if (stage.isEmpty()) {
            known = stages(record.model(), true);
            stage = known.forStatus(status);
        }
        if (stage.isEmpty()) {
            throw CrmException.reject("Odoo " + record.model().stageModel() + " has no stage for status '" + status
                    + "'; stages: " + known.names() + " (map statuses with statusStages)");
        }
        ArrayNode ids = json.createArrayNode();
        ids.addArray().add(record.id());
        ObjectNode fields = json.createObjectNode();
        fields.putArray("fields").add("stage_id");
        JsonNode read = session.execute(record.model().name(), "read", ids, fields, settings.timeout());
        if (read.isEmpty()) {
            throw CrmException.reject("Odoo " + record.model().name() + " " + record.id() + " (ticket "
                    + ticket.number() + ") no longer exists");
        }
        long target = stage.get().id();
        if (Values.many2oneId(read.get(0).get("stage_id")) != target) {
            ArrayNode args = json.createArrayNode();
            args.addArray().add(record.id());
            args.addObject().put("stage_id", target);
            session.execute(record.model().name(), "write", args, null, settings.timeout());
        }
        return ticket.withStatus(known.statusOf(target));
    }

    // ------------------------------------------------------------------ tickets

    private Optional<TicketRef> findTicket(TicketModel model, String key) throws CrmException {
        return Optional.ofNullable(findTickets(model, List.of(key)).get(key));
    }

    /** The tickets made before for these keys, by key, in one search (archived ones too). */
    private Map<String, TicketRef> findTickets(TicketModel model, List<String> keys) throws CrmException {
        boolean inField = !settings.referenceField().isEmpty();
        String field = inField ? settings.referenceField() : "description";
        ArrayNode args = json.createArrayNode();
        ArrayNode domain = args.addArray();
        if (inField) {
            ArrayNode values = domain.addArray().add(field).add("in").addArray();
            keys.forEach(values::add);
        } else {
            for (int i = 1; i < keys.size(); i++) {
                domain.add("|");
            }
            keys.forEach(k -> domain.addArray().add(field).add("ilike").add(Html.escape(References.marker(k))));
        }
        ObjectNode kwargs = json.createObjectNode();
        kwargs.putArray("fields").add(field).add("stage_id");
        kwargs.put("limit", 5 * keys.size());
        kwargs.putObject("context").put("active_test", false);
        JsonNode found = session.execute(model.name(), "search_read", args, kwargs, settings.timeout());
        Map<String, TicketRef> byKey = new HashMap<>();
        for (JsonNode r : found) {
            String value = Values.text(r.get(field));
            for (String key : keys) {
                boolean same = inField ? key.equals(value) : References.carries(value, key);
                if (same && !byKey.containsKey(key)) {
                    long stage = Values.many2oneId(r.get("stage_id"));
                    byKey.put(key, ticketRef(model, r.path("id").asLong(), stages(model, false).statusOf(stage)));
                }
            }
        }
        return byKey;
    }

    private ObjectNode ticketValues(TicketModel model, TicketRequest request, long partnerId, String key) {
        ObjectNode values = json.createObjectNode();
        values.put("name", request.subject().length() <= MAX_NAME ? request.subject()
                : request.subject().substring(0, MAX_NAME - 1) + '…');
        StringBuilder description = new StringBuilder();
        if (request.description() != null && !request.description().isBlank()) {
            description.append(Html.paragraph(request.description(), MAX_TEXT));
        }
        description.append(Html.paragraph("Opened by Switchboard for a " + request.channel().id() + " contact", MAX_NAME));
        if (settings.referenceField().isEmpty()) {
            description.append(References.paragraph(key));
        } else {
            values.put(settings.referenceField(), key);
        }
        values.put("description", description.toString());
        Customer customer = request.customer();
        if (partnerId > 0) {
            // not phone/email_from: on crm.lead they write through to the partner and overwrite its number
            values.put("partner_id", partnerId);
        }
        if (model.isLead()) {
            values.put("type", settings.leadType());
            if (partnerId == 0) {
                putContact(values, customer, "contact_name", "phone", "email_from");
            }
        } else if (model.isTask()) {
            if (settings.projectId() > 0) {
                values.put("project_id", settings.projectId());
            }
        } else if (partnerId == 0) {
            putContact(values, customer, "partner_name", "partner_phone", "partner_email");
        }
        if (settings.teamId() > 0 && !model.isTask()) {
            values.put("team_id", settings.teamId());
        }
        return values;
    }

    private static void putContact(ObjectNode values, Customer customer, String nameField, String phoneField,
                                   String emailField) {
        if (customer.displayName() != null) {
            values.put(nameField, customer.displayName());
        }
        customer.addresses().stream().filter(Address::isPhone).findFirst().ifPresent(a -> values.put(phoneField, a.value()));
        customer.addresses().stream().filter(Address::isEmail).findFirst().ifPresent(a -> values.put(emailField, a.value()));
    }

    private TicketRef ticketRef(TicketModel model, long id, String status) {
        return new TicketRef(id(), model.name() + "," + id, settings.ticketNumberPrefix() + id, status,
                links.record(model.name(), id));
    }

    private record Record(TicketModel model, long id) {
    }

    private Record record(TicketRef ticket) throws CrmException {
        if (!id().equals(ticket.connectorId())) {
            throw CrmException.reject("Ticket " + ticket.number() + " belongs to CRM connector '" + ticket.connectorId()
                    + "', not to Odoo '" + id() + "'");
        }
        String ref = ticket.externalId();
        int comma = ref.indexOf(',');
        try {
            return new Record(TicketModel.of(ref.substring(0, Math.max(comma, 0))), Long.parseLong(ref.substring(comma + 1)));
        } catch (IllegalArgumentException e) {
            throw CrmException.reject("Ticket " + ticket.number() + " has the id '" + ref
                    + "', which is not an Odoo ticket reference (<model>,<id>)");
        }
    }

    private TicketModel ticketModel() throws CrmException {
        TicketModel model = ticketModel;
        if (model == null) {
            ArrayNode args = json.createArrayNode();
            args.addArray().addArray().add("model").add("=").add(TicketModel.HELPDESK.name());
            JsonNode count = session.execute("ir.model", "search_count", args, null, settings.timeout());
            model = count.asInt() > 0 ? TicketModel.HELPDESK : TicketModel.LEAD;
            LOG.info("Odoo connector '{}' keeps tickets as {}", id(), model.name());
            ticketModel = model;
        }
        return model;
    }

    private Stages stages(TicketModel model, boolean reload) throws CrmException {
        Stages known = stages;
        if (known == null || reload || known.model() != model) {
            ObjectNode kwargs = json.createObjectNode();
            model.stageFields().forEach(kwargs.putArray("fields")::add);
            kwargs.put("order", "sequence");
            ArrayNode args = json.createArrayNode();
            ArrayNode domain = args.addArray();
            // stages belong to projects and helpdesk teams: only the configured one's
            if (model.isTask() && settings.projectId() > 0) {
                domain.addArray().add("project_ids").add("in").addArray().add(settings.projectId());
            } else if (model == TicketModel.HELPDESK && settings.teamId() > 0) {
                domain.addArray().add("team_ids").add("in").addArray().add(settings.teamId());
            }
            known = Stages.of(model, session.execute(model.stageModel(), "search_read", args, kwargs, settings.timeout()),
                    settings.statusStages());
            stages = known;
        }
        return known;
    }

    // ------------------------------------------------------------------ partners and chatter

    /** The customer's partner: their reference to this Odoo, or else a lookup by their addresses; 0 for none. */
    private long partnerOf(Customer customer) throws CrmException {
        for (CrmRef ref : customer.crmRefs()) {
            if (id().equals(ref.connectorId()) && PartnerLookup.MODEL.equals(ref.type())) {
                try {
                    return Long.parseLong(ref.externalId());
                } catch (NumberFormatException e) {
                    LOG.warn("Customer #{} has an Odoo partner reference that is not a number", customer.id());
                }
            }
        }
        List<CrmMatch> matches = partners.find(customer.addresses(), settings.timeout());
        return matches.isEmpty() ? 0 : Long.parseLong(matches.get(0).ref().externalId());
    }

    /** The keys of these notes that are in their record's chatter already, in one search. */
    private Set<String> postedKeys(List<Note> notes) throws CrmException {
        ArrayNode args = json.createArrayNode();
        ArrayNode domain = args.addArray();
        ArrayNode models = domain.addArray().add("model").add("in").addArray();
        notes.stream().map(Note::model).distinct().forEach(models::add);
        ArrayNode ids = domain.addArray().add("res_id").add("in").addArray();
        notes.stream().map(Note::id).distinct().forEach(ids::add);
        for (int i = 1; i < notes.size(); i++) {
            domain.add("|");
        }
        notes.forEach(n -> domain.addArray().add("body").add("ilike").add(Html.escape(References.marker(n.key()))));
        ObjectNode kwargs = json.createObjectNode();
        kwargs.putArray("fields").add("model").add("res_id").add("body");
        kwargs.put("limit", 5 * notes.size());
        JsonNode found = session.execute("mail.message", "search_read", args, kwargs, settings.timeout());
        Set<String> posted = new HashSet<>();
        for (JsonNode m : found) {
            for (Note n : notes) {
                if (n.model().equals(m.path("model").asText()) && n.id() == m.path("res_id").asLong()
                        && References.carries(Values.text(m.get("body")), n.key())) {
                    posted.add(n.key());
                }
            }
        }
        return posted;
    }

    /** Odoo 17 escapes a plain string body; it keeps HTML only with body_is_html, which 16 does not know. */
    private boolean htmlNeedsFlag() throws CrmException {
        int major = session.majorVersion(settings.timeout());
        return major == 0 || major >= 17;
    }

    private static String checkedKey(String key) throws CrmException {
        if (key.length() > References.MAX_KEY) {
            throw CrmException.reject("The idempotency key is longer than " + References.MAX_KEY + " characters");
        }
        return key;
    }
}
