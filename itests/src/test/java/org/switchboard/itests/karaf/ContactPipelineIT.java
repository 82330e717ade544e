package org.switchboard.itests.karaf;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.switchboard.itests.support.Contacts;
import org.switchboard.itests.support.SwitchboardClient;
import org.switchboard.itests.support.SwitchboardClient.Receipt;

/** A contact posted to the webhook goes through the whole pipeline, once. */
public class ContactPipelineIT extends SwitchboardTestSupport {
    private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(60);

    @Test
    public void postedContactBecomesAnInteractionWithCustomerConversationQueueAndTicket() {
        String externalId = "pipeline-" + UUID.randomUUID();
        Receipt receipt = integration().postContact(Contacts.fromPhone(externalId, Contacts.phone(4_000_001)));

        AtomicReference<JsonNode> interaction = new AtomicReference<>();
        await("interaction " + receipt.interactionId() + " processed").atMost(PROCESSING_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    interaction.set(admin().interaction(receipt.interactionId()));
                    return Contacts.isProcessed(interaction.get());
                });

        JsonNode processed = interaction.get();
        assertFalse(receipt.duplicate());
        assertEquals(receipt.interactionId(), processed.path("id").asLong());
        assertEquals("webhook", processed.path("channel").asText());
        assertEquals(externalId, processed.path("contact").path("externalId").asText());
        // entry point "support": the demo queue org.switchboard.queue~support takes it
        assertEquals("support", processed.path("queue").asText());
        assertTrue(processed.path("ticket").path("number").asText().matches("SB-\\d+"));
        // the built-in CRM's ticket was written with the contact's processing, not by the outbox
        for (String state : new String[] {"PENDING", "DONE", "FAILED"}) {
            SwitchboardClient.Response outbox = admin().get("/outbox?state=" + state + "&limit=10");
            assertEquals(200, outbox.status());
            assertEquals("outbox commands in state " + state, 0, outbox.json().size());
        }
    }

    @Test
    public void sameContactPostedTwiceIsOneInteraction() {
        Map<String, Object> contact = Contacts.fromPhone("twice-" + UUID.randomUUID(), Contacts.phone(4_000_002));

        Receipt first = integration().postContact(contact);
        Receipt second = integration().postContact(contact);

        assertFalse("first answer is not a duplicate", first.duplicate());
        assertTrue("second answer is a duplicate", second.duplicate());
        assertEquals(first.interactionId(), second.interactionId());
        assertEquals(first.contactId(), second.contactId());
    }
}
