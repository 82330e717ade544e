package org.switchboard.crm.suitecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.itests.support.KarafWithCrm.crmRef;
import static org.switchboard.itests.support.KarafWithCrm.hasTicketIn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.switchboard.itests.support.Contacts;
import org.switchboard.itests.support.KarafWithCrm;

/**
 * The distribution with the {@code switchboard-crm-suitecrm} feature, against the fake SuiteCRM 7.14
 * of the connector's tests (WireMock in this JVM, answering as the recorded exchanges): contacts
 * posted to the REST API end as Cases and Notes there. This class sits in the connector's package
 * because the fake is package-private to it.
 */
class SuiteCrmInKarafIT {
    private static final String CONNECTOR = "suitecrm-main";
    private static final Duration WRITTEN = Duration.ofMinutes(2);
    private static final int CONVERSATIONS = 10;
    private static final int CONTACTS_EACH = 3;

    private FakeSuiteCrm suiteCrm;
    private KarafWithCrm karaf;

    @BeforeEach
    void start(TestInfo test) {
        suiteCrm = new FakeSuiteCrm();
        karaf = KarafWithCrm.unpack(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName())
                .withBootFeature("switchboard-crm-suitecrm")
                .configure("org.switchboard.crm.suitecrm-main", "switchboard.crm.id", CONNECTOR)
                .configure("org.switchboard.crm.suitecrm-main", "apiUrl", suiteCrm.url())
                .configure("org.switchboard.crm.suitecrm-main", "clientId", FakeSuiteCrm.CLIENT_ID)
                .configure("org.switchboard.crm.suitecrm-main", ".clientSecret", FakeSuiteCrm.CLIENT_SECRET)
                .configure("org.switchboard.crm.suitecrm-main", "defaultRegion", "DE")
                .configure("org.switchboard.crm.suitecrm-main", "timeoutMillis", "1500")
                .ticketsIn(CONNECTOR)
                .start("SuiteCRM connector '" + CONNECTOR + "'");
    }

    @AfterEach
    void stop() {
        try {
            karaf.stopAndAssertCleanLog();
        } finally {
            karaf.close();
            suiteCrm.close();
        }
    }

    @Test
    void aKnownCallerGetsOneCaseOnTheirContactAndFollowUpsAreNotedOnIt() {
        // typed in the SuiteCRM UI the German way; the caller's number arrives in E.164
        String contactId = suiteCrm.add("Contacts", Map.of("first_name", "Ivan", "last_name", "Petrov",
                "phone_work", "030 901820"));
        String thread = "thread-" + UUID.randomUUID();

        long first = karaf.post(contact("first-" + thread, "+4930901820", thread, "The printer is on fire."));
        JsonNode opened = karaf.awaitInteraction(first, WRITTEN, i -> hasTicketIn(i, CONNECTOR));

        JsonNode ref = crmRef(opened, CONNECTOR);
        assertThat(ref.path("type").asText()).isEqualTo("Contacts");
        assertThat(ref.path("externalId").asText()).isEqualTo(contactId);
        assertThat(ref.path("url").asText())
                .isEqualTo(suiteCrm.url() + "/index.php?module=Contacts&action=DetailView&record=" + contactId);
        assertThat(opened.path("customer").path("displayName").asText()).isEqualTo("Ivan Petrov");

        assertThat(suiteCrm.count("Cases")).isEqualTo(1);
        String caseId = opened.path("ticket").path("externalId").asText();
        List<ObjectNode> cases = suiteCrm.find("Cases", "case_number", opened.path("ticket").path("number").asText());
        assertThat(cases).as("the Case numbered as the ticket").singleElement().satisfies(kase -> {
            assertThat(kase.path("id").asText()).isEqualTo(caseId);
            assertThat(kase.path("attributes").path("description").asText()).isEqualTo("The printer is on fire.");
        });
        assertThat(opened.path("ticket").path("url").asText())
                .isEqualTo(suiteCrm.url() + "/index.php?module=Cases&action=DetailView&record=" + caseId);
        assertThat(suiteCrm.related("Cases", caseId, "contacts", contactId)).as("the Case is on Ivan's contact").isTrue();

        Map<String, Object> followUp = contact("second-" + thread, "+4930901820", thread, "Now the smoke alarm rings.");
        long second = karaf.post(followUp);
        JsonNode followed = karaf.awaitInteraction(second, WRITTEN, i -> hasTicketIn(i, CONNECTOR));
        assertThat(followed.path("ticket").path("externalId").asText()).isEqualTo(caseId);
        await("the follow-up noted on the Case").atMost(WRITTEN)
                .until(() -> suiteCrm.activitiesOf(caseId), notes -> !notes.isEmpty());
        await("every write done").atMost(WRITTEN).until(() -> karaf.outbox("PENDING").isEmpty());

        // the channel retries its post: the same interaction, nothing more in SuiteCRM
        assertThat(karaf.integration().postContact(followUp).duplicate()).isTrue();
        assertThat(karaf.outbox("PENDING")).isEmpty();
        assertThat(suiteCrm.count("Cases")).isEqualTo(1);
        assertThat(suiteCrm.activitiesOf(caseId)).containsExactly("Now the smoke alarm rings.");
        assertThat(suiteCrm.find("Notes", "parent_id", caseId)).singleElement()
                .satisfies(note -> assertThat(note.path("attributes").path("contact_id").asText()).isEqualTo(contactId));
        assertThat(karaf.outbox("FAILED")).isEmpty();
    }

    @Test
    void contactsDuringAnOutageEndAsOneCasePerConversationAndOneNotePerFollowUp() throws Exception {
        suiteCrm.down();
        Map<Long, Integer> conversationOf = postBurst();
        await("the outbox keeps every write and retries").atMost(WRITTEN)
                .until(() -> karaf.outboxHoldsAndRetries(CONVERSATIONS * CONTACTS_EACH));
        assertThat(suiteCrm.count("Cases")).isZero();

        // back, but every answer to a write comes after the client gave up (1.5 s), although SuiteCRM saved it
        suiteCrm.up();
        suiteCrm.loseAnswers(Integer.MAX_VALUE, 3_000);
        await("SuiteCRM saves Cases whose answers are lost").atMost(WRITTEN).until(() -> suiteCrm.count("Cases") > 0);
        assertThat(karaf.outbox("DONE")).as("writes the outbox knows to be done").isEmpty();
        suiteCrm.up();

        karaf.awaitInteractions(conversationOf.keySet(), WRITTEN, i -> hasTicketIn(i, CONNECTOR));
        await("every write done").atMost(WRITTEN).until(() -> karaf.outbox("PENDING").isEmpty());
        assertThat(karaf.outbox("FAILED")).isEmpty();

        Map<Integer, String> caseOf = new HashMap<>();
        for (Map.Entry<Long, Integer> e : conversationOf.entrySet()) {
            String caseId = karaf.admin().interaction(e.getKey()).path("ticket").path("externalId").asText();
            String before = caseOf.putIfAbsent(e.getValue(), caseId);
            assertThat(before == null ? caseId : before).as("the Case of conversation %d", e.getValue()).isEqualTo(caseId);
        }
        assertThat(new HashSet<>(caseOf.values())).as("a Case of its own per conversation").hasSize(CONVERSATIONS);
        assertThat(suiteCrm.count("Cases")).as("Cases in SuiteCRM").isEqualTo(CONVERSATIONS);
        for (String caseId : caseOf.values()) {
            assertThat(suiteCrm.activitiesOf(caseId)).as("notes on case %s", caseId).hasSize(CONTACTS_EACH - 1)
                    .doesNotHaveDuplicates();
        }
        assertThat(suiteCrm.count("Notes")).isEqualTo((long) CONVERSATIONS * (CONTACTS_EACH - 1));
    }

    /** Posts the first contact of every conversation, then their follow-ups, 8 at a time; their interactions by conversation. */
    private Map<Long, Integer> postBurst() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            Map<Long, Integer> conversationOf = new LinkedHashMap<>();
            for (int round = 0; round < CONTACTS_EACH; round++) {
                List<CompletableFuture<Map.Entry<Long, Integer>>> posts = new ArrayList<>();
                for (int c = 0; c < CONVERSATIONS; c++) {
                    int conversation = c;
                    Map<String, Object> contact = contact("burst-" + c + "-" + round, Contacts.phone(3_000_000 + c),
                            "burst-thread-" + c, "Message " + round + " of conversation " + c);
                    posts.add(CompletableFuture.supplyAsync(() -> Map.entry(karaf.post(contact), conversation), senders));
                }
                for (CompletableFuture<Map.Entry<Long, Integer>> post : posts) {
                    Map.Entry<Long, Integer> entry = post.get();
                    conversationOf.put(entry.getKey(), entry.getValue());
                }
            }
            assertThat(conversationOf).hasSize(CONVERSATIONS * CONTACTS_EACH);
            return conversationOf;
        } finally {
            senders.shutdownNow();
        }
    }

    private static Map<String, Object> contact(String externalId, String phone, String thread, String body) {
        Map<String, Object> contact = Contacts.fromPhone(externalId, phone);
        contact.put("threadKey", thread);
        contact.put("body", body);
        return contact;
    }
}
