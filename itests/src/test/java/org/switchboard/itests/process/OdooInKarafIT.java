package org.switchboard.itests.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.switchboard.crm.odoo.fake.FakeOdoo;
import org.switchboard.crm.odoo.fake.FakeOdoo.Outage;
import org.switchboard.itests.support.Contacts;
import org.switchboard.itests.support.KarafWithCrm;

/**
 * The distribution with the {@code switchboard-crm-odoo} feature, against the fake Odoo 17 of the
 * connector's tests (WireMock in this JVM, answering as the recorded exchanges): contacts posted to
 * the REST API end as leads ({@code crm.lead}) and chatter notes there.
 */
class OdooInKarafIT {
    private static final String CONNECTOR = "odoo-main";
    private static final String PUBLIC_URL = "https://erp.example.com";
    private static final Duration WRITTEN = Duration.ofMinutes(2);
    private static final int CONVERSATIONS = 10;
    private static final int CONTACTS_EACH = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeOdoo odoo;
    private WireMockServer server;
    private KarafWithCrm karaf;

    @BeforeEach
    void start(TestInfo test) {
        odoo = new FakeOdoo();
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(60).extensions(odoo));
        server.start();
        server.stubFor(post(urlEqualTo("/jsonrpc")).willReturn(aResponse().withTransformers(FakeOdoo.NAME)));
        odoo.stallMillis(3_000);
        karaf = KarafWithCrm.unpack(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName())
                .withBootFeature("switchboard-crm-odoo")
                .configure("org.switchboard.crm.odoo-main", "switchboard.crm.id", CONNECTOR)
                .configure("org.switchboard.crm.odoo-main", "url", server.baseUrl())
                .configure("org.switchboard.crm.odoo-main", "database", FakeOdoo.DATABASE)
                .configure("org.switchboard.crm.odoo-main", "login", "admin")
                .configure("org.switchboard.crm.odoo-main", ".apiKey", FakeOdoo.ADMIN_KEY)
                .configure("org.switchboard.crm.odoo-main", "publicUrl", PUBLIC_URL)
                .configure("org.switchboard.crm.odoo-main", "ticketModel", "crm.lead")
                .configure("org.switchboard.crm.odoo-main", "timeoutMillis", "1500")
                .ticketsIn(CONNECTOR)
                .start("Odoo connector '" + CONNECTOR + "'");
    }

    @AfterEach
    void stop() {
        try {
            karaf.stopAndAssertCleanLog();
        } finally {
            karaf.close();
            server.stop();
        }
    }

    @Test
    void aKnownCallerGetsOneLeadOnTheirPartnerAndFollowUpsArePostedInItsChatter() {
        long partnerId = odoo.insert("res.partner", JSON.createObjectNode().put("name", "Anna Schmidt")
                .put("display_name", "Anna Schmidt").put("phone", "+49 30 901820").put("is_company", false)
                .put("active", true));
        String thread = "thread-" + UUID.randomUUID();

        long first = karaf.post(contact("first-" + thread, "+4930901820", thread, "The printer is on fire."));
        JsonNode opened = karaf.awaitInteraction(first, WRITTEN, i -> hasTicketIn(i, CONNECTOR));

        JsonNode ref = crmRef(opened, CONNECTOR);
        assertThat(ref.path("type").asText()).isEqualTo("res.partner");
        assertThat(ref.path("externalId").asText()).isEqualTo(Long.toString(partnerId));
        assertThat(ref.path("url").asText()).isEqualTo(PUBLIC_URL + "/web#id=" + partnerId + "&model=res.partner&view_type=form");
        assertThat(opened.path("customer").path("displayName").asText()).isEqualTo("Anna Schmidt");

        List<ObjectNode> leads = odoo.records("crm.lead");
        assertThat(leads).hasSize(1);
        long leadId = leads.get(0).path("id").asLong();
        assertThat(leads.get(0).path("partner_id").path(0).asLong()).as("the lead's partner").isEqualTo(partnerId);
        assertThat(leads.get(0).path("description").asText()).contains("The printer is on fire.");
        JsonNode ticket = opened.path("ticket");
        assertThat(ticket.path("externalId").asText()).isEqualTo("crm.lead," + leadId);
        assertThat(ticket.path("number").asText()).isEqualTo("ODOO-" + leadId);
        assertThat(ticket.path("url").asText()).isEqualTo(PUBLIC_URL + "/web#id=" + leadId + "&model=crm.lead&view_type=form");

        Map<String, Object> followUp = contact("second-" + thread, "+4930901820", thread, "Now the smoke alarm rings.");
        long second = karaf.post(followUp);
        JsonNode followed = karaf.awaitInteraction(second, WRITTEN, i -> hasTicketIn(i, CONNECTOR));
        assertThat(followed.path("ticket").path("externalId").asText()).isEqualTo("crm.lead," + leadId);
        await("the follow-up in the lead's chatter").atMost(WRITTEN)
                .until(() -> odoo.messages("crm.lead", leadId), notes -> !notes.isEmpty());
        await("every write done").atMost(WRITTEN).until(() -> karaf.outbox("PENDING").isEmpty());

        // the channel retries its post: the same interaction, nothing more in Odoo
        assertThat(karaf.integration().postContact(followUp).duplicate()).isTrue();
        assertThat(karaf.outbox("PENDING")).isEmpty();
        assertThat(odoo.records("crm.lead")).hasSize(1);
        assertThat(odoo.messages("crm.lead", leadId)).singleElement()
                .satisfies(note -> assertThat(note.path("body").asText()).contains("Now the smoke alarm rings."));
        assertThat(karaf.outbox("FAILED")).isEmpty();
    }

    @Test
    void contactsDuringAnOutageEndAsOneLeadPerConversationAndOneNotePerFollowUp() throws Exception {
        odoo.outage(Outage.UNAVAILABLE);
        Map<Long, Integer> conversationOf = postBurst();
        await("the outbox keeps every write and retries").atMost(WRITTEN)
                .until(() -> karaf.outboxHoldsAndRetries(CONVERSATIONS * CONTACTS_EACH));
        assertThat(odoo.records("crm.lead")).isEmpty();

        // back, but answering only after the client gave up (1.5 s), although it saves every write
        odoo.outage(Outage.COMMIT_THEN_STALL);
        await("Odoo saves leads whose answers are lost").atMost(WRITTEN).until(() -> !odoo.records("crm.lead").isEmpty());
        assertThat(karaf.outbox("DONE")).as("writes the outbox knows to be done").isEmpty();
        odoo.outage(Outage.NONE);

        karaf.awaitInteractions(conversationOf.keySet(), WRITTEN, i -> hasTicketIn(i, CONNECTOR));
        await("every write done").atMost(WRITTEN).until(() -> karaf.outbox("PENDING").isEmpty());
        assertThat(karaf.outbox("FAILED")).isEmpty();

        Map<Integer, String> leadOf = new HashMap<>();
        for (Map.Entry<Long, Integer> e : conversationOf.entrySet()) {
            String lead = karaf.admin().interaction(e.getKey()).path("ticket").path("externalId").asText();
            String before = leadOf.putIfAbsent(e.getValue(), lead);
            assertThat(before == null ? lead : before).as("the lead of conversation %d", e.getValue()).isEqualTo(lead);
        }
        assertThat(new HashSet<>(leadOf.values())).as("a lead of its own per conversation").hasSize(CONVERSATIONS);
        assertThat(odoo.records("crm.lead")).as("leads in Odoo").hasSize(CONVERSATIONS);
        for (String lead : leadOf.values()) {
            long leadId = Long.parseLong(lead.substring("crm.lead,".length()));
            assertThat(odoo.messages("crm.lead", leadId)).as("notes on %s", lead).hasSize(CONTACTS_EACH - 1)
                    .extracting(note -> note.path("body").asText()).doesNotHaveDuplicates();
        }
        assertThat(odoo.records("mail.message")).hasSize(CONVERSATIONS * (CONTACTS_EACH - 1));
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
                    Map<String, Object> contact = contact("burst-" + c + "-" + round, Contacts.phone(4_000_000 + c),
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
