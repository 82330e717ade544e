package org.switchboard.crm.suitecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.itests.support.KarafWithCrm.crmRef;
import static org.switchboard.itests.support.KarafWithCrm.hasTicketIn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

        long first = karaf.post(Contacts.inThread("first-" + thread, "+4930901820", thread, "The printer is on fire."));
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

        Map<String, Object> followUp = Contacts.inThread("second-" + thread, "+4930901820", thread, "Now the smoke alarm rings.");
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
        KarafWithCrm.FlakyCrm flaky = new KarafWithCrm.FlakyCrm(suiteCrm::down, () -> {
            suiteCrm.up();
            suiteCrm.loseAnswers(Integer.MAX_VALUE, 3_000); // the client gives up after 1.5 s
        }, suiteCrm::up, () -> suiteCrm.count("Cases"), suiteCrm::activitiesOf, () -> suiteCrm.count("Notes"));
        karaf.assertOutageBurstEndsAsOneTicketPerConversation(flaky, CONNECTOR, CONVERSATIONS, CONTACTS_EACH, 3_000_000, WRITTEN);
    }
}
