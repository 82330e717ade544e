package org.switchboard.crm.suitecrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityKind;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.TicketRequest;

/**
 * A SuiteCRM 7.10+ or 8 instance through its V8 API: customers are Contacts, Leads and Accounts found
 * by any phone field or email address; each conversation is a Case related to the customer's contact;
 * each interaction a Call (voice) or a Note (everything else) related to the Case and the contact.
 *
 * <p><b>Idempotency.</b> Every Case, Call and Note carries the request's idempotency key in the
 * configured reference field; a write first looks the key up and returns what an earlier attempt
 * made, so a retry after a timeout whose answer was lost never makes a second record. Attempts with
 * the same key inside this JVM are serialized, so racing attempts cannot both miss the lookup.
 *
 * <p><b>Lookups</b> ask every configured module at once, wait at most the lookup budget (plus, when a
 * new access token is needed first, the time to get it), and cache
 * each address's answer (also "nothing found") for the configured time; an answer that comes after
 * the budget still fills the cache, so the next lookup for the pop's enrichment finds it.
 */
@Component(configurationPid = SuiteCrmConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = CrmConnector.class)
@Designate(ocd = SuiteCrmConfig.class, factory = true)
public final class SuiteCrmConnector implements CrmConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SuiteCrmConnector.class);
    /** The reference field is a varchar(255). */
    static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_NAME = 255;
    private static final int MAX_CALL_NAME = 50;
    private static final int MAX_TEXT = 65_000;
    private static final int LOOKUP_PAGE = 20;
    private static final int KNOWN_CASES = 10_000;
    private static final String CASE_FIELDS = "name,case_number,state,status";
    private static final DateTimeFormatter SUITECRM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final SuiteCrmSettings settings;
    private final SuiteCrmApi api;
    private final PhoneNumbers phones;
    private final LookupCache cache;
    private final ExecutorService writers;
    private final ReentrantLock[] keyLocks = new ReentrantLock[64];
    private final Set<String> knownCases = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KNOWN_CASES;
        }
    });

    @Activate
    public SuiteCrmConnector(SuiteCrmConfig config) {
        this(SuiteCrmSettings.of(config), Clock.systemUTC());
    }

    SuiteCrmConnector(SuiteCrmSettings settings, Clock clock) {
        this.settings = settings;
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        ObjectMapper json = new ObjectMapper();
        this.api = new SuiteCrmApi(settings, http, json, new AccessTokens(settings, http, json, clock));
        this.phones = new PhoneNumbers(settings.defaultRegion());
        this.cache = new LookupCache(clock, settings.lookupCacheTtl(), settings.lookupCacheSize());
        for (int i = 0; i < keyLocks.length; i++) {
            keyLocks[i] = new ReentrantLock();
        }
        AtomicInteger threads = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(settings.writeConcurrency(), task -> {
            Thread thread = new Thread(task, "suitecrm-" + settings.id() + "-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LOG.info("SuiteCRM connector '{}' for {}", settings.id(), settings.apiUrl());
    }

    @Deactivate
    void stop() {
        writers.shutdownNow();
    }

    @Override
    public String id() {
        return settings.id();
    }

    /** Opens the Cases of several conversations, {@code writeConcurrency} at a time; each keeps its own outcome. */
    @Override
    public List<CrmOutcome<TicketRef>> openTickets(List<TicketRequest> requests) {
        return inParallel(requests, this::openTicket);
    }

    /** Logs the activities of several conversations, {@code writeConcurrency} at a time; each keeps its own outcome. */
    @Override
    public List<CrmOutcome<Void>> logActivities(List<ActivityRequest> requests) {
        return inParallel(requests, request -> {
            logActivity(request);
            return null;
        });
    }

    private interface Write<R, T> {
        T apply(R request) throws CrmException;
    }

    private <R, T> List<CrmOutcome<T>> inParallel(List<R> requests, Write<R, T> write) {
        List<Future<T>> pending = new ArrayList<>(requests.size());
        for (R request : requests) {
            pending.add(writers.submit(() -> write.apply(request)));
        }
        List<CrmOutcome<T>> outcomes = new ArrayList<>(requests.size());
        for (Future<T> result : pending) {
            try {
                outcomes.add(CrmOutcome.ok(result.get()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                outcomes.add(CrmOutcome.failed(SuiteCrmApi.unwrap(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(CrmOutcome.failed(CrmException.retry("Interrupted while writing to SuiteCRM " + id(), e)));
            }
        }
        return outcomes;
    }

    // ------------------------------------------------------------------ lookups

    /** Contacts, Leads and Accounts with any of these phone numbers or email addresses; other kinds are not searched. */
    @Override
    public List<CrmMatch> findCustomers(List<Address> addresses) throws CrmException {
        api.signIn(); // a new token, when one is needed, takes its own time: the budget is for the lookups
        long deadline = System.nanoTime() + settings.lookupBudget().toNanos();
        Map<Address, CompletableFuture<List<CrmMatch>>> answers = new LinkedHashMap<>();
        for (Address address : addresses) {
            if ((address.isPhone() || address.isEmail()) && !answers.containsKey(address)) {
                answers.put(address, cache.get(address).map(CompletableFuture::completedFuture)
                        .orElseGet(() -> lookUp(address)));
            }
        }
        try {
            CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw CrmException.retry("SuiteCRM " + id() + " did not answer a lookup within "
                    + settings.lookupBudget().toMillis() + " ms; its answer is cached when it comes", e);
        } catch (ExecutionException e) {
            throw SuiteCrmApi.unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.retry("Interrupted while looking customers up in SuiteCRM " + id(), e);
        }
        Map<String, CrmMatch> matches = new LinkedHashMap<>();
        answers.values().forEach(answer -> answer.join()
                .forEach(m -> matches.putIfAbsent(m.ref().type() + '/' + m.ref().externalId(), m)));
        return List.copyOf(matches.values());
    }

    private CompletableFuture<List<CrmMatch>> lookUp(Address address) {
        List<CompletableFuture<List<CrmMatch>>> perModule = new ArrayList<>();
        for (CustomerModule module : settings.lookupModules()) {
            Map<String, String> query = new LinkedHashMap<>();
            if (address.isPhone()) {
                Optional<String> pattern = phones.likePattern(address.value());
                if (pattern.isEmpty()) {
                    return CompletableFuture.completedFuture(List.of());
                }
                query.put("filter[operator]", "or");
                module.phoneFields().forEach(field -> query.put("filter[" + field + "][like]", pattern.get()));
            } else {
                query.put("filter[email1][eq]", address.value());
            }
            query.put("fields[" + module.name() + "]", module.fields());
            query.put("page[size]", Integer.toString(LOOKUP_PAGE));
            query.put("page[number]", "1");
            perModule.add(api.listAsync("look up " + module.name(), module.name(), query)
                    .thenApply(answer -> matches(module, address, answer.path("data"))));
        }
        return CompletableFuture.allOf(perModule.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<CrmMatch> all = new ArrayList<>();
            perModule.forEach(m -> all.addAll(m.join()));
            LOG.debug("SuiteCRM {}: {} record(s) for {}", id(), all.size(), address);
            cache.put(address, all);
            return all;
        });
    }

    private List<CrmMatch> matches(CustomerModule module, Address address, JsonNode records) {
        List<CrmMatch> found = new ArrayList<>();
        for (JsonNode record : records) {
            String recordId = record.path("id").asText("");
            JsonNode attributes = record.path("attributes");
            Set<Address> addresses = new LinkedHashSet<>();
            for (String field : module.phoneFields()) {
                phones.e164(attributes.path(field).asText("")).ifPresent(p -> addresses.add(Address.phone(p)));
            }
            String email = attributes.path("email1").asText("");
            if (!email.isBlank() && email.length() <= Address.MAX_LENGTH) {
                try {
                    addresses.add(Address.email(email));
                } catch (IllegalArgumentException e) {
                    LOG.debug("SuiteCRM {}: {} {} has an unreadable email address", id(), module.name(), recordId);
                }
            }
            // the like pattern is wider than the number: keep records whose stored number is the one looked for
            if (recordId.isEmpty() || (address.isPhone() && !addresses.contains(address))) {
                continue;
            }
            String name = attributes.path("name").asText("").strip();
            found.add(new CrmMatch(new CrmRef(id(), module.name(), recordId, link(module.name(), recordId)),
                    name.isEmpty() ? null : name, List.copyOf(addresses)));
        }
        return found;
    }

    // ------------------------------------------------------------------ tickets

    /** Finds the Case made for this key, or creates it; either way relates it to the customer's contact. */
    @Override
    public TicketRef openTicket(TicketRequest request) throws CrmException {
        String key = checkedKey(request.idempotencyKey());
        ReentrantLock lock = lockFor(key);
        lock.lock();
        try {
            Optional<CrmRef> customer = customerRecord(request.customer());
            JsonNode kase = byReference("Cases", key, CASE_FIELDS).orElse(null);
            if (kase == null) {
                ObjectNode attributes = api.json().createObjectNode()
                        .put("name", shortened(request.subject(), MAX_NAME))
                        .put("type", settings.caseType())
                        .put("priority", settings.casePriority())
                        .put("state", CaseStatus.NEW.state())
                        .put("status", CaseStatus.NEW.status())
                        .put(settings.referenceField(), key);
                if (request.description() != null) {
                    attributes.put("description", shortened(request.description(), MAX_TEXT));
                }
                customer.filter(c -> c.type().equals(CustomerModule.ACCOUNTS.name()))
                        .ifPresent(account -> attributes.put("account_id", account.externalId()));
                kase = api.create("open a case", "Cases", attributes);
                LOG.info("SuiteCRM {}: opened case {} for conversation {}", id(),
                        kase.path("attributes").path("case_number").asText(), request.conversationId());
            }
            String caseId = kase.path("id").asText("");
            if (customer.isPresent() && customer.get().type().equals(CustomerModule.CONTACTS.name())) {
                api.relate("relate a case to its contact", "Cases", caseId, "contacts", "Contacts",
                        customer.get().externalId());
            }
            known(caseId);
            return ticket(kase);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets the Case's state and status. Setting a status is idempotent by itself, so the key is not stored:
     * the same change made twice leaves the Case as once.
     */
    @Override
    public TicketRef updateTicketStatus(TicketRef ticket, String status, String idempotencyKey) throws CrmException {
        ownTicket(ticket);
        CaseStatus wanted = CaseStatus.requested(status).orElseThrow(() -> CrmException.reject("Ticket status '"
                + status + "' is not one SuiteCRM " + id() + " knows; use " + CaseStatus.allowed()));
        ObjectNode attributes = api.json().createObjectNode().put("state", wanted.state()).put("status", wanted.status());
        JsonNode kase = api.update("change the status of case " + ticket.number(), "Cases", ticket.externalId(), attributes);
        known(ticket.externalId());
        return ticket(kase);
    }

    private TicketRef ticket(JsonNode kase) throws CrmException {
        String caseId = kase.path("id").asText("");
        if (caseId.isEmpty()) {
            throw CrmException.retry("SuiteCRM " + id() + " answered without the case's id", null);
        }
        JsonNode attributes = kase.path("attributes");
        String number = attributes.path("case_number").asText("");
        return new TicketRef(id(), caseId, number.isEmpty() ? caseId : number,
                CaseStatus.ticketStatus(attributes.path("state").asText(""), attributes.path("status").asText("")),
                link("Cases", caseId));
    }

    // ------------------------------------------------------------------ activities

    /**
     * Logs a call as a Call, anything else as a Note, related to the Case (or, without one, to the customer's
     * record) and to the contact; once per key.
     */
    @Override
    public void logActivity(ActivityRequest request) throws CrmException {
        String key = checkedKey(request.idempotencyKey());
        if (request.ticket() != null) {
            ownTicket(request.ticket());
            caseExists(request.ticket());
        }
        boolean call = request.kind() == ActivityKind.CALL;
        String module = call ? "Calls" : "Notes";
        ReentrantLock lock = lockFor(key);
        lock.lock();
        try {
            Optional<CrmRef> customer = customerRecord(request.customer());
            String recordId = byReference(module, key, "name").map(r -> r.path("id").asText("")).orElse("");
            if (recordId.isEmpty()) {
                ObjectNode attributes = call ? callAttributes(request) : noteAttributes(request);
                attributes.put(settings.referenceField(), key);
                if (request.body() != null) {
                    attributes.put("description", shortened(request.body(), MAX_TEXT));
                }
                if (request.ticket() != null) {
                    attributes.put("parent_type", "Cases").put("parent_id", request.ticket().externalId());
                } else {
                    customer.ifPresent(c -> attributes.put("parent_type", c.type()).put("parent_id", c.externalId()));
                }
                if (!call) {
                    customer.filter(c -> c.type().equals(CustomerModule.CONTACTS.name()))
                            .ifPresent(c -> attributes.put("contact_id", c.externalId()));
                }
                recordId = api.create("log a " + (call ? "call" : "note"), module, attributes).path("id").asText("");
            }
            if (call && customer.isPresent() && !customer.get().type().equals(CustomerModule.ACCOUNTS.name())) {
                String link = customer.get().type().toLowerCase(Locale.ROOT);
                api.relate("relate a call to its " + link, "Calls", recordId, link, customer.get().type(),
                        customer.get().externalId());
            }
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode callAttributes(ActivityRequest request) {
        boolean inbound = request.direction() == Direction.INBOUND;
        String name = request.subject() != null ? request.subject() : (inbound ? "Inbound call" : "Outbound call");
        return api.json().createObjectNode()
                .put("name", shortened(name, MAX_CALL_NAME))
                .put("direction", inbound ? "Inbound" : "Outbound")
                .put("status", "Held")
                // SuiteCRM silently drops an ISO 8601 date_start; it takes Y-m-d H:i:s in UTC
                .put("date_start", SUITECRM_DATE.format(request.occurredAt()))
                .put("duration_hours", "0")
                .put("duration_minutes", "0");
    }

    private ObjectNode noteAttributes(ActivityRequest request) {
        String name = request.subject() != null ? request.subject()
                : request.kind().name().charAt(0) + request.kind().name().substring(1).toLowerCase(Locale.ROOT)
                + " on " + request.channel().id();
        return api.json().createObjectNode().put("name", shortened(name, MAX_NAME));
    }

    private void caseExists(TicketRef ticket) throws CrmException {
        synchronized (knownCases) {
            if (knownCases.contains(ticket.externalId())) {
                return;
            }
        }
        api.get("read case " + ticket.number(), "Cases", ticket.externalId(), "name");
        known(ticket.externalId());
    }

    private void known(String caseId) {
        synchronized (knownCases) {
            knownCases.add(caseId);
        }
    }

    // ------------------------------------------------------------------ shared

    /** The record this connector keeps for the customer: their reference, else the first lookup match. */
    private Optional<CrmRef> customerRecord(Customer customer) throws CrmException {
        for (CrmRef ref : customer.crmRefs()) {
            if (ref.connectorId().equals(id())) {
                return Optional.of(ref);
            }
        }
        if (customer.addresses().isEmpty()) {
            return Optional.empty();
        }
        return findCustomers(customer.addresses()).stream().findFirst().map(CrmMatch::ref);
    }

    private Optional<JsonNode> byReference(String module, String key, String fields) throws CrmException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filter[" + settings.referenceField() + "][eq]", key);
        query.put("fields[" + module + "]", fields + "," + settings.referenceField());
        JsonNode found = api.list("look up a " + module + " record by its Switchboard reference", module, query);
        for (JsonNode record : found) {
            if (key.equals(record.path("attributes").path(settings.referenceField()).asText())) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    private void ownTicket(TicketRef ticket) throws CrmException {
        if (!id().equals(ticket.connectorId())) {
            throw CrmException.reject("Ticket " + ticket.number() + " belongs to CRM connector '"
                    + ticket.connectorId() + "', not to SuiteCRM " + id());
        }
    }

    private String link(String module, String recordId) {
        return settings.uiUrl() + "/index.php?module=" + module + "&action=DetailView&record=" + recordId;
    }

    private ReentrantLock lockFor(String key) {
        return keyLocks[Math.floorMod(key.hashCode(), keyLocks.length)];
    }

    private static String checkedKey(String key) throws CrmException {
        if (key.length() > MAX_KEY_LENGTH) {
            throw CrmException.reject("The idempotency key is longer than " + MAX_KEY_LENGTH
                    + " characters, more than SuiteCRM's reference field holds");
        }
        return key;
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + '…';
    }
}
