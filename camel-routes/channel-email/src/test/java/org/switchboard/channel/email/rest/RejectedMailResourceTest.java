package org.switchboard.channel.email.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channel.email.testing.RejectedMailbox;
import org.switchboard.channel.email.testing.RestApi;

/** {@code /email/rejected} in the web bundle's real REST server: operators list and replay rejected mail. */
class RejectedMailResourceTest {
    private final ObjectMapper json = new ObjectMapper();
    private final RejectedMailbox mailbox = new RejectedMailbox();
    private RestApi api;

    @BeforeEach
    void start() throws Exception {
        api = new RestApi(new RejectedMailResource(mailbox.rejected));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void anAdminSeesRejectedMailWithTheReason() throws Exception {
        long id = mailbox.withoutSender();

        HttpResponse<String> response = api.get(RestApi.ADA, "/email/rejected");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode first = json.readTree(response.body()).get(0);
        assertThat(first.path("id").asLong()).isEqualTo(id);
        assertThat(first.path("mailbox").asText()).isEqualTo("support");
        assertThat(first.path("messageId").asText()).isEqualTo("poison@x.example");
        assertThat(first.path("reason").asText()).contains("no usable sender address");
    }

    @Test
    void aReplayedMessageThatIsAcceptedIsAnsweredWithItsContactAndLeavesTheList() throws Exception {
        long id = mailbox.refusedByTheCore(1);

        HttpResponse<String> response = api.post(RestApi.ADA, "/email/rejected/" + id + "/replay");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("messageId").asText()).isEqualTo("order-1@customer.example");
        assertThat(body.path("duplicate").asBoolean()).isFalse();
        assertThat(body.path("contactId").asLong()).isEqualTo(1);
        assertThat(json.readTree(api.get(RestApi.ADA, "/email/rejected").body())).isEmpty();
    }

    @Test
    void aReplayThatStillFailsIsAConflictThatSaysWhyAndTheMessageStaysListed() throws Exception {
        long id = mailbox.withoutSender();

        HttpResponse<String> response = api.post(RestApi.ADA, "/email/rejected/" + id + "/replay");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("still cannot become a contact", "no usable sender address");
        assertThat(json.readTree(api.get(RestApi.ADA, "/email/rejected").body())).hasSize(1);
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(api.post(RestApi.ADA, "/email/rejected/4711/replay").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAdminsMayListOrReplay() throws Exception {
        long id = mailbox.refusedByTheCore(1);

        assertThat(api.get(RestApi.SAM, "/email/rejected").statusCode()).isEqualTo(403);
        assertThat(api.post(RestApi.ALICE, "/email/rejected/" + id + "/replay").statusCode()).isEqualTo(403);
        assertThat(mailbox.ingress.contacts()).isEmpty();
    }
}
