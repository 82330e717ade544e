package org.switchboard.channel.email.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.inbound.InboundMailProcessor;
import org.switchboard.channel.email.store.EmailSchema;
import org.switchboard.channel.email.store.EmailStore;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.channel.email.testing.Mails;
import org.switchboard.channel.email.testing.RestApi;
import org.switchboard.channel.email.testing.SwitchboardOnH2;
import org.switchboard.web.interactions.InteractionsResource;

/**
 * {@code /interactions/{id}/attachments} in the web bundle's real REST server, beside the web bundle's
 * own {@code /interactions} resource, over the real core: a mail with attachments is taken by the
 * mailbox's processor, and an agent lists and downloads what came with it.
 */
class AttachmentsResourceTest {
    private static final byte[] PDF = Base64.getDecoder().decode("JVBERi0xLjQKJcOkw7zDtsOfCg==");

    private final ObjectMapper json = new ObjectMapper();
    private SwitchboardOnH2 switchboard;
    private RestApi api;
    private long interaction;

    @BeforeEach
    void start() throws Exception {
        switchboard = new SwitchboardOnH2();
        EmailSchema.update(switchboard.dataSource);
        EmailStore store = new EmailStore(switchboard.dataSource, Clock.systemUTC());
        Mailbox mailbox = Mailboxes.unreachable();
        InboundMailProcessor processor = new InboundMailProcessor(mailbox, store, switchboard.core.ingress(),
                (mail, sourceId, receipt) -> { }, Clock.systemUTC());
        processor.handle(Mails.message(Mails.withAttachments("invoice-1@customer.example")));
        processor.handle(Mails.message(Mails.withAttachments("invoice-2@customer.example")));
        processor.handle(Mails.message(Mails.order(3)));
        interaction = switchboard.byExternalId("invoice-1@customer.example").orElseThrow().interaction().id();
        api = new RestApi(new AttachmentsResource(switchboard.core.interactions(), store),
                new InteractionsResource(switchboard.core.interactions(), switchboard.core.agents()));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        switchboard.close();
    }

    @Test
    void anAgentSeesTheFilesThatCameWithTheEmail() throws Exception {
        HttpResponse<String> response = api.get(RestApi.ALICE, "/interactions/" + interaction + "/attachments");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        assertThat(list).hasSize(2);
        JsonNode pdf = list.get(0);
        assertThat(pdf.path("name").asText()).isEqualTo("Rechnung März.pdf");
        assertThat(pdf.path("type").asText()).isEqualTo("application/pdf");
        assertThat(pdf.path("size").asLong()).isEqualTo(PDF.length);
        assertThat(pdf.path("url").asText())
                .isEqualTo("/switchboard/api/interactions/" + interaction + "/attachments/" + pdf.path("id").asText());
        assertThat(list.get(1).path("type").asText()).startsWith("text/plain");
    }

    @Test
    void anAgentDownloadsAFileWithItsTypeAndItsNameAsAnAttachment() throws Exception {
        String url = json.readTree(api.get(RestApi.ALICE, "/interactions/" + interaction + "/attachments").body())
                .get(0).path("url").asText();

        HttpResponse<byte[]> file = api.getBytes(RestApi.ALICE, url.substring("/switchboard/api".length()));

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"Rechnung M_rz.pdf\"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aFileNameThatTriesToLeaveItsFolderOrBreakTheHeaderIsCleaned() throws Exception {
        String url = json.readTree(api.get(RestApi.SAM, "/interactions/" + interaction + "/attachments").body())
                .get(1).path("url").asText();

        HttpResponse<byte[]> file = api.getBytes(RestApi.SAM, url.substring("/switchboard/api".length()));

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"evilname.txt\"; filename*=UTF-8''evilname.txt");
    }

    @Test
    void unknownInteractionsAndFilesOfOtherInteractionsAreNotFound() throws Exception {
        long other = switchboard.byExternalId("invoice-2@customer.example").orElseThrow().interaction().id();
        String othersFile = json.readTree(api.get(RestApi.ALICE, "/interactions/" + other + "/attachments").body())
                .get(0).path("id").asText();

        assertThat(api.get(RestApi.ALICE, "/interactions/99999/attachments").statusCode()).isEqualTo(404);
        assertThat(api.get(RestApi.ALICE, "/interactions/" + interaction + "/attachments/email-unknown").statusCode())
                .isEqualTo(404);
        assertThat(api.get(RestApi.ALICE, "/interactions/" + interaction + "/attachments/" + othersFile).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anEmailWithoutFilesHasAnEmptyList() throws Exception {
        long plain = switchboard.byExternalId("order-3@customer.example").orElseThrow().interaction().id();

        HttpResponse<String> response = api.get(RestApi.ADA, "/interactions/" + plain + "/attachments");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEmpty();
    }

    @Test
    void onlyAgentsSupervisorsAndAdminsMayReadThem() {
        assertThat(api.get(RestApi.IVY, "/interactions/" + interaction + "/attachments").statusCode()).isEqualTo(403);
        assertThat(api.get(null, "/interactions/" + interaction + "/attachments").statusCode()).isEqualTo(401);
    }

    @Test
    void theInteractionItselfIsStillServedByTheWebBundlesResource() throws Exception {
        HttpResponse<String> response = api.get(RestApi.ALICE, "/interactions/" + interaction);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("contact").path("externalId").asText())
                .isEqualTo("invoice-1@customer.example");
    }
}
