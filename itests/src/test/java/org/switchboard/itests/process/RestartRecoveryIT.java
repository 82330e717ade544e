package org.switchboard.itests.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.switchboard.itests.distribution.PostgresSchema;
import org.switchboard.itests.distribution.SwitchboardInstance;
import org.switchboard.itests.support.Contacts;
import org.switchboard.itests.support.KarafLog;
import org.switchboard.itests.support.SwitchboardClient;
import org.switchboard.itests.support.SwitchboardClient.Receipt;

/**
 * Contacts survive a stop and a crash: the unpacked distribution runs as a process of its own
 * ({@code bin/karaf server}), is stopped with {@code bin/stop} or killed with SIGKILL, and started
 * again on the same data.
 */
class RestartRecoveryIT {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(3);
    private static final int STORED_WHILE_OFF = 20;
    private static final int BURST = 200;

    private SwitchboardInstance instance;
    private PostgresSchema schema;

    /** The database the instance runs on: empty for the embedded H2. */
    protected Optional<PostgresSchema> database() {
        return Optional.empty();
    }

    @BeforeEach
    void unpackTheDistribution(TestInfo test) {
        Path distribution = Path.of(System.getProperty("switchboard.distribution"));
        Path home = Path.of(System.getProperty("switchboard.itest.work", "target/it-work"), "process",
                getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        instance = SwitchboardInstance.unpack(distribution, home);
        instance.installDemo();
        schema = database().orElse(null);
        if (schema != null) {
            schema.applyTo(instance);
        }
    }

    @AfterEach
    void stopAndCheckTheLog() {
        try {
            instance.stop();
            // a kill -9 leaves nothing in the log; everything the restarts logged must be clean
            List<String> errors = new KarafLog(instance.log()).unexpectedErrors(List.<Pattern>of());
            assertThat(errors).as("ERROR lines in " + instance.log()).isEmpty();
        } finally {
            instance.close();
            if (schema != null) {
                schema.close();
            }
        }
    }

    @Test
    void contactsStoredWhileProcessingIsOffAreProcessedAfterARestart() {
        instance.configure("org.switchboard.core", "processing.enabled", "false");
        startAndAwaitReady();
        Map<Long, Map<String, Object>> accepted = new LinkedHashMap<>();
        for (int i = 0; i < STORED_WHILE_OFF; i++) {
            Map<String, Object> contact = Contacts.fromPhone("off-" + i + "-" + UUID.randomUUID(), Contacts.phone(1_000_000 + i));
            accepted.put(integration().postContact(contact).interactionId(), contact);
        }
        for (long id : accepted.keySet()) {
            assertThat(Contacts.isProcessed(admin().interaction(id))).as("interaction %d while processing is off", id).isFalse();
        }

        instance.stop();
        instance.configure("org.switchboard.core", "processing.enabled", "true");
        startAndAwaitReady();

        awaitEveryInteractionProcessed(accepted.keySet());
        assertEachContactIsOneInteractionWithItsOwnTicket(accepted);
    }

    @Test
    void everyContactAcceptedBeforeAKillIsProcessedExactlyOnce() throws Exception {
        startAndAwaitReady();
        Map<Long, Map<String, Object>> accepted = postBurst(BURST);

        instance.kill();
        startAndAwaitReady();

        awaitEveryInteractionProcessed(accepted.keySet());
        assertEachContactIsOneInteractionWithItsOwnTicket(accepted);
    }

    /** Posts {@code count} contacts from 8 threads; returns those answered 202, by interaction id. */
    private Map<Long, Map<String, Object>> postBurst(int count) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Map.Entry<Long, Map<String, Object>>>> posts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> contact = Contacts.fromPhone("burst-" + i + "-" + UUID.randomUUID(), Contacts.phone(2_000_000 + i));
                posts.add(CompletableFuture.supplyAsync(
                        () -> Map.entry(integration().postContact(contact).interactionId(), contact), senders));
            }
            Map<Long, Map<String, Object>> accepted = new LinkedHashMap<>();
            for (CompletableFuture<Map.Entry<Long, Map<String, Object>>> post : posts) {
                Map.Entry<Long, Map<String, Object>> entry = post.get();
                accepted.put(entry.getKey(), entry.getValue());
            }
            assertThat(accepted).as("distinct interactions for distinct contacts").hasSize(count);
            return accepted;
        } finally {
            senders.shutdownNow();
        }
    }

    private void awaitEveryInteractionProcessed(Set<Long> interactionIds) {
        Set<Long> pending = new HashSet<>(interactionIds);
        await("every interaction processed").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    pending.removeIf(id -> Contacts.isProcessed(admin().interaction(id)));
                    return pending.isEmpty();
                });
    }

    /** Posting each again is a duplicate of the same interaction, and each has a ticket of its own. */
    private void assertEachContactIsOneInteractionWithItsOwnTicket(Map<Long, Map<String, Object>> accepted) {
        Set<String> tickets = new HashSet<>();
        for (Map.Entry<Long, Map<String, Object>> entry : accepted.entrySet()) {
            Receipt again = integration().postContact(entry.getValue());
            assertThat(again.duplicate()).as("contact of interaction %d posted again", entry.getKey()).isTrue();
            assertThat(again.interactionId()).isEqualTo(entry.getKey());
            JsonNode interaction = admin().interaction(entry.getKey());
            tickets.add(interaction.path("ticket").path("number").asText());
        }
        assertThat(tickets).as("one ticket per conversation").hasSize(accepted.size());
        JsonNode allTickets = admin().get("/tickets?limit=" + (accepted.size() * 2)).json();
        assertThat(sizeOf(allTickets)).as("tickets in the built-in CRM").isEqualTo(accepted.size());
    }

    private static int sizeOf(JsonNode list) {
        JsonNode items = list.isArray() ? list : list.path("items");
        return items.size();
    }

    private void startAndAwaitReady() {
        Instant started = Instant.now();
        instance.start();
        await("GET /health answers 200").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(instance::isReady);
        await("POST /contacts is there").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> integration().acceptsContacts());
        assertThat(Duration.between(started, Instant.now())).isLessThan(READY_TIMEOUT);
    }

    private SwitchboardClient integration() {
        return new SwitchboardClient(instance.api()).as(Contacts.INTEGRATION, Contacts.INTEGRATION);
    }

    private SwitchboardClient admin() {
        return new SwitchboardClient(instance.api()).as(Contacts.ADMIN, Contacts.ADMIN);
    }
}
