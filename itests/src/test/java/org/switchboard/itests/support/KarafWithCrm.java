package org.switchboard.itests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.switchboard.itests.distribution.SwitchboardInstance;

/**
 * The unpacked distribution with one CRM connector feature installed at its first boot, run as a
 * process of its own ({@code bin/karaf server}) on free ports, the way an operator runs it: the
 * feature comes from {@code system/} (no network), its instance from
 * {@code etc/org.switchboard.crm.<kind>-<name>.cfg}, and the core writes its tickets there
 * ({@code crm.ticketConnectors}).
 */
public final class KarafWithCrm implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final SwitchboardInstance instance;

    private KarafWithCrm(SwitchboardInstance instance) {
        this.instance = instance;
    }

    /** Unpacks the distribution under the itest work folder, in a folder named {@code name}, with the demo agents and queues. */
    public static KarafWithCrm unpack(String name) {
        Path distribution = Path.of(System.getProperty("switchboard.distribution"));
        Path home = Path.of(System.getProperty("switchboard.itest.work", "target/it-work"), "crm", name);
        SwitchboardInstance instance = SwitchboardInstance.unpack(distribution, home);
        instance.installDemo();
        return new KarafWithCrm(instance);
    }

    /**
     * Installs {@code feature} at the first boot, as {@code feature:install} would: appended to
     * {@code featuresBoot} in {@code etc/org.apache.karaf.features.cfg}.
     */
    public KarafWithCrm withBootFeature(String feature) {
        instance.bootFeature(feature);
        return this;
    }

    /** Sets one key of {@code etc/<pid>.cfg}. */
    public KarafWithCrm configure(String pid, String key, String value) {
        instance.configure(pid, key, value);
        return this;
    }

    /**
     * The core writes tickets only to {@code connectorId}, waits for CRM lookups as long as a first
     * sign-in may take, and retries a failed CRM write after 1 s, then 2 s, for as long as an outage
     * in a test lasts.
     */
    public KarafWithCrm ticketsIn(String connectorId) {
        configure("org.switchboard.core", "crm.ticketConnectors", connectorId);
        configure("org.switchboard.core", "crm.lookupBudgetMillis", "5000");
        configure("org.switchboard.core", "outbox.firstBackoffSeconds", "1");
        configure("org.switchboard.core", "outbox.maxBackoffSeconds", "2");
        configure("org.switchboard.core", "outbox.maxAttempts", "200");
        return this;
    }

    /**
     * Starts Karaf and waits until the REST API takes contacts and the connector has logged that it
     * runs ({@code connectorStarted}, a part of its INFO line).
     */
    public KarafWithCrm start(String connectorStarted) {
        instance.start();
        await("GET /health answers 200").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(instance::isReady);
        await("POST /contacts is there").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> integration().acceptsContacts());
        await("the connector logs: " + connectorStarted).atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> instance.logLines("INFO").stream().anyMatch(l -> l.contains(connectorStarted)));
        return this;
    }

    /** Posts a contact as the integration user; returns its interaction's id. */
    public long post(Map<String, Object> contact) {
        return integration().postContact(contact).interactionId();
    }

    /** {@code GET /interactions/{id}} once it satisfies {@code done}, within {@code timeout}. */
    public JsonNode awaitInteraction(long id, Duration timeout, Predicate<JsonNode> done) {
        return await("interaction " + id).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> admin().interaction(id), done);
    }

    /** Waits until every interaction satisfies {@code done}. */
    public void awaitInteractions(Set<Long> ids, Duration timeout, Predicate<JsonNode> done) {
        Set<Long> pending = new HashSet<>(ids);
        await("every interaction done").atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(() -> {
            pending.removeIf(id -> done.test(admin().interaction(id)));
            return pending.isEmpty();
        });
    }

    /** The outbox commands in {@code state} ({@code PENDING}, {@code DONE}, {@code FAILED}). */
    public JsonNode outbox(String state) {
        SwitchboardClient.Response response = admin().get("/outbox?state=" + state + "&limit=1000");
        assertThat(response.status()).as("GET /outbox?state=%s", state).isEqualTo(200);
        return response.json();
    }

    /** Whether all {@code commands} CRM writes wait in the outbox and it has tried at least one of them. */
    public boolean outboxHoldsAndRetries(int commands) {
        JsonNode pending = outbox("PENDING");
        boolean tried = false;
        for (JsonNode command : pending) {
            tried |= command.path("attempts").asInt() > 0;
        }
        return pending.size() == commands && tried;
    }

    /**
     * A fake CRM as the outage scenario drives it, and what it then holds.
     *
     * @param down                   refuses every request
     * @param savesButAnswersTooLate back, but answers every write only after the connector gave up
     *                               (it saves the write all the same)
     * @param up                     answers as it should again
     * @param tickets                how many tickets (Cases, leads, …) it holds
     * @param notesOn                the texts of the notes on the ticket Switchboard knows by that external id
     * @param notes                  how many notes it holds, on all tickets
     */
    public record FlakyCrm(Runnable down, Runnable savesButAnswersTooLate, Runnable up, LongSupplier tickets,
                           Function<String, List<String>> notesOn, LongSupplier notes) {
    }

    /**
     * Contacts posted while the CRM is down ({@code conversations} conversations of {@code contactsEach}
     * contacts, from numbers counting up from {@code firstPhone}) end as one ticket per conversation in
     * {@code connectorId} and one note per follow-up: the outbox keeps every write and retries it, and when
     * the CRM saves writes whose answers are lost, retrying them makes nothing twice.
     */
    public void assertOutageBurstEndsAsOneTicketPerConversation(FlakyCrm crm, String connectorId, int conversations,
                                                                 int contactsEach, long firstPhone, Duration timeout)
            throws Exception {
        crm.down().run();
        Map<Long, Integer> conversationOf = postBurst(conversations, contactsEach, firstPhone);
        await("the outbox keeps every write and retries").atMost(timeout)
                .until(() -> outboxHoldsAndRetries(conversations * contactsEach));
        assertThat(crm.tickets().getAsLong()).as("tickets in the CRM while it is down").isZero();

        crm.savesButAnswersTooLate().run();
        await("the CRM saves tickets whose answers are lost").atMost(timeout).until(() -> crm.tickets().getAsLong() > 0);
        assertThat(outbox("DONE")).as("writes the outbox knows to be done").isEmpty();
        crm.up().run();

        awaitInteractions(conversationOf.keySet(), timeout, i -> hasTicketIn(i, connectorId));
        await("every write done").atMost(timeout).until(() -> outbox("PENDING").isEmpty());
        assertThat(outbox("FAILED")).isEmpty();

        Map<Integer, String> ticketOf = new HashMap<>();
        for (Map.Entry<Long, Integer> e : conversationOf.entrySet()) {
            String ticket = admin().interaction(e.getKey()).path("ticket").path("externalId").asText();
            String before = ticketOf.putIfAbsent(e.getValue(), ticket);
            assertThat(before == null ? ticket : before).as("the ticket of conversation %d", e.getValue()).isEqualTo(ticket);
        }
        assertThat(new HashSet<>(ticketOf.values())).as("a ticket of its own per conversation").hasSize(conversations);
        assertThat(crm.tickets().getAsLong()).as("tickets in the CRM").isEqualTo(conversations);
        for (String ticket : ticketOf.values()) {
            assertThat(crm.notesOn().apply(ticket)).as("notes on %s", ticket).hasSize(contactsEach - 1).doesNotHaveDuplicates();
        }
        assertThat(crm.notes().getAsLong()).as("notes in the CRM").isEqualTo((long) conversations * (contactsEach - 1));
    }

    /** Posts the first contact of every conversation, then their follow-ups, 8 at a time; their interactions by conversation. */
    private Map<Long, Integer> postBurst(int conversations, int contactsEach, long firstPhone) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            Map<Long, Integer> conversationOf = new LinkedHashMap<>();
            for (int round = 0; round < contactsEach; round++) {
                List<CompletableFuture<Map.Entry<Long, Integer>>> posts = new ArrayList<>();
                for (int c = 0; c < conversations; c++) {
                    int conversation = c;
                    Map<String, Object> contact = Contacts.inThread("burst-" + c + "-" + round,
                            Contacts.phone(firstPhone + c), "burst-thread-" + c, "Message " + round + " of conversation " + c);
                    posts.add(CompletableFuture.supplyAsync(() -> Map.entry(post(contact), conversation), senders));
                }
                for (CompletableFuture<Map.Entry<Long, Integer>> post : posts) {
                    Map.Entry<Long, Integer> entry = post.get();
                    conversationOf.put(entry.getKey(), entry.getValue());
                }
            }
            assertThat(conversationOf).hasSize(conversations * contactsEach);
            return conversationOf;
        } finally {
            senders.shutdownNow();
        }
    }

    /** Whether the interaction's conversation has its ticket in {@code connectorId}. */
    public static boolean hasTicketIn(JsonNode interaction, String connectorId) {
        return connectorId.equals(interaction.path("ticket").path("connectorId").asText());
    }

    /** The customer's reference in {@code connectorId}, or a missing node. */
    public static JsonNode crmRef(JsonNode interaction, String connectorId) {
        for (JsonNode ref : interaction.path("customer").path("crmRefs")) {
            if (connectorId.equals(ref.path("connectorId").asText())) {
                return ref;
            }
        }
        return MissingNode.getInstance();
    }

    /** The console's address. */
    public String console() {
        return instance.console();
    }

    public SwitchboardClient integration() {
        return new SwitchboardClient(instance.api()).as(Contacts.INTEGRATION, Contacts.INTEGRATION);
    }

    public SwitchboardClient admin() {
        return new SwitchboardClient(instance.api()).as(Contacts.ADMIN, Contacts.ADMIN);
    }

    /** Stops Karaf with {@code bin/stop}; then its log must hold no ERROR line. */
    public void stopAndAssertCleanLog() {
        instance.stop();
        List<String> errors = new KarafLog(instance.log()).unexpectedErrors(List.of());
        assertThat(errors).as("ERROR lines in " + instance.log()).isEmpty();
    }

    @Override
    public void close() {
        instance.close();
    }
}
