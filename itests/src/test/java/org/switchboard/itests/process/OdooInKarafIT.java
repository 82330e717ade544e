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
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

        long first = karaf.post(Contacts.inThread("first-" + thread, "+4930901820", thread, "The printer is on fire."));
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

        Map<String, Object> followUp = Contacts.inThread("second-" + thread, "+4930901820", thread, "Now the smoke alarm rings.");
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
        KarafWithCrm.FlakyCrm flaky = new KarafWithCrm.FlakyCrm(() -> odoo.outage(Outage.UNAVAILABLE),
                () -> odoo.outage(Outage.COMMIT_THEN_STALL), // stalls 3 s; the client gives up after 1.5 s
                () -> odoo.outage(Outage.NONE), () -> odoo.records("crm.lead").size(),
                lead -> odoo.messages("crm.lead", Long.parseLong(lead.substring("crm.lead,".length()))).stream()
                        .map(note -> note.path("body").asText()).toList(),
                () -> odoo.records("mail.message").size());
        karaf.assertOutageBurstEndsAsOneTicketPerConversation(flaky, CONNECTOR, CONVERSATIONS, CONTACTS_EACH, 4_000_000, WRITTEN);
    }
}
