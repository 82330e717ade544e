package org.switchboard.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Receipt;
import org.switchboard.api.RoutingMode;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.StoreUnavailableException;

class ContactsResourceTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final int MAX_BODY = 4096;
    private static final String FULL = """
            {"channel":"slack","externalId":"evt-1","from":{"kind":"EMAIL","value":"Ann@Example.com"},
             "fromName":"Ann","entryPoint":"support-form","subject":"Printer on fire","body":"Help!",
             "occurredAt":"2026-11-22T10:00:00Z","threadKey":"t-9","inReplyTo":"evt-0","references":["evt-a","evt-0"],
             "metadata":{"page":"/contact","plan":"gold"},"somethingNew":{"ignored":true}}
            """;
    private static final String MINIMAL = """
            {"externalId":"evt-2","from":{"kind":"phone","value":"+4930123456"}}
            """;

    private final ContactIngress ingress = mock(ContactIngress.class);
    private final ObjectMapper json = new ObjectMapper();
    private WebhookApi api;

    @BeforeEach
    void start() throws Exception {
        when(ingress.accept(any())).thenReturn(new Receipt(11, 22, false, NOW));
        api = new WebhookApi(new ContactsResource(ingress, MAX_BODY, Channel.WEBHOOK, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aValidContactIsAccepted202WithItsReceipt() throws IOException {
        HttpResponse<String> response = api.post(WebhookApi.IVY, FULL);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("interactionId").asLong()).isEqualTo(11L);
        assertThat(body.path("contactId").asLong()).isEqualTo(22L);
        assertThat(body.path("duplicate").asBoolean()).isFalse();
    }

    @Test
    void everyFieldOfTheBodyReachesTheCore() {
        api.post(WebhookApi.IVY, FULL);

        InboundContact contact = accepted();
        assertThat(contact.channel()).isEqualTo(Channel.of("slack"));
        assertThat(contact.externalId()).isEqualTo("evt-1");
        assertThat(contact.from()).isEqualTo(Address.email("ann@example.com"));
        assertThat(contact.fromName()).isEqualTo("Ann");
        assertThat(contact.entryPoint()).isEqualTo("support-form");
        assertThat(contact.subject()).isEqualTo("Printer on fire");
        assertThat(contact.body()).isEqualTo("Help!");
        assertThat(contact.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(contact.thread().threadKey()).isEqualTo("t-9");
        assertThat(contact.thread().inReplyTo()).isEqualTo("evt-0");
        assertThat(contact.thread().references()).containsExactly("evt-a", "evt-0");
        assertThat(contact.metadata()).isEqualTo(Map.of("page", "/contact", "plan", "gold"));
        assertThat(contact.routing()).isEqualTo(RoutingMode.CORE);
    }

    @Test
    void aContactWithoutChannelOrTimeTakesTheDefaultChannelAndNow() {
        assertThat(api.post(WebhookApi.IVY, MINIMAL).statusCode()).isEqualTo(202);

        InboundContact contact = accepted();
        assertThat(contact.channel()).isEqualTo(Channel.WEBHOOK);
        assertThat(contact.occurredAt()).isEqualTo(NOW);
        assertThat(contact.thread().isEmpty()).isTrue();
        assertThat(contact.metadata()).isEmpty();
    }

    @Test
    void aDuplicateIsAccepted202MarkedDuplicate() throws IOException {
        when(ingress.accept(any())).thenReturn(new Receipt(11, 22, true, NOW));

        HttpResponse<String> response = api.post(WebhookApi.IVY, MINIMAL);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json.readTree(response.body()).path("duplicate").asBoolean()).isTrue();
        assertThat(json.readTree(response.body()).path("interactionId").asLong()).isEqualTo(11L);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"from\":{\"kind\":\"phone\",\"value\":\"+49301\"}}                          | externalId | externalId is required",
            "{\"externalId\":\"e\"}                                                       | from       | from is required",
            "{\"externalId\":\"e\",\"from\":{\"value\":\"+49301\"}}                       | from.kind  | from.kind is required",
            "{\"externalId\":\"e\",\"from\":{\"kind\":\"phone\"}}                         | from.value | from.value is required",
            "{\"externalId\":\"e\",\"from\":{\"kind\":\"email\",\"value\":\"not-mail\"}}  | from.value | from.value is not an email address",
            "{\"externalId\":\"e\",\"from\":{\"kind\":\"ph one\",\"value\":\"1\"}}        | from.kind  | from.kind must be",
            "{\"externalId\":\"e\",\"from\":{\"kind\":\"phone\",\"value\":\"1\"},\"occurredAt\":\"yesterday\"} | occurredAt | occurredAt is not an ISO-8601 instant",
            "{\"externalId\":\"e\",\"from\":{\"kind\":\"phone\",\"value\":\"1\"},\"channel\":\"Not A Channel!\"} | channel | channel must be",
            "{\"externalId\":\"e\",\"from\":{\"kind\":\"phone\",\"value\":\"1\"},\"references\":\"evt-0\"} | references | references has a wrong type",
            "{\"externalId\":\"e\",\"from\":{\"kind\":\"phone\",\"value\":\"1\"},\"metadata\":{\"a\":{\"b\":1}}} | metadata.a | metadata.a has a wrong type",
            "{\"externalId\":\"e\",\"from\":\"+49301\"}                                   | from       | from has a wrong type",
    })
    void aBadFieldIsAnswered400NamingIt(String body, String field, String message) throws IOException {
        HttpResponse<String> response = api.post(WebhookApi.IVY, body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("error").asText()).startsWith(message);
        verify(ingress, never()).accept(any());
    }

    @Test
    void aBodyThatIsNotJsonIsAnswered400() throws IOException {
        HttpResponse<String> response = api.post(WebhookApi.IVY, "{\"externalId\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("the request body is not valid JSON");
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WithoutReachingTheCore() throws IOException {
        String big = MINIMAL.replace("}}", "},\"body\":\"" + "x".repeat(MAX_BODY) + "\"}");

        HttpResponse<String> response = api.post(WebhookApi.IVY, big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("error").asText()).contains(String.valueOf(MAX_BODY));
        verify(ingress, never()).accept(any());
    }

    @Test
    void aStreamedBodyWithoutLengthOverTheLimitIsAnswered413() {
        byte[] big = MINIMAL.replace("}}", "},\"body\":\"" + "x".repeat(MAX_BODY) + "\"}").getBytes();

        HttpResponse<String> response = api.send(api.request("/contacts", WebhookApi.IVY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(response.statusCode()).isEqualTo(413);
        verify(ingress, never()).accept(any());
    }

    @Test
    void aStoreThatIsDownIsAnswered503WithRetryAfter() {
        when(ingress.accept(any())).thenThrow(new StoreUnavailableException("database down", null));

        HttpResponse<String> response = api.post(WebhookApi.IVY, MINIMAL);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anAdminMayPostContacts() {
        assertThat(api.post(WebhookApi.ADA, MINIMAL).statusCode()).isEqualTo(202);
    }

    @Test
    void anAgentMayNot() {
        assertThat(api.post(WebhookApi.ALICE, MINIMAL).statusCode()).isEqualTo(403);
        verify(ingress, never()).accept(any());
    }

    @Test
    void withoutCredentialsTheAnswerIs401() {
        HttpResponse<String> response = api.post(null, MINIMAL);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Switchboard\"");
    }

    @Test
    void theOpenApiDocumentDescribesTheContactsResource() throws IOException {
        JsonNode document = json.readTree(api.send(api.request("/openapi.json", null).GET()).body());

        JsonNode post = document.path("paths").path("/contacts").path("post");
        assertThat(post.path("responses").has("202")).isTrue();
        assertThat(post.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
                .asText()).isEqualTo("#/components/schemas/ContactRequest");
        assertThat(document.path("components").path("schemas").path("ContactRequest").path("required"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("externalId", "from");
    }

    private InboundContact accepted() {
        ArgumentCaptor<InboundContact> contact = ArgumentCaptor.forClass(InboundContact.class);
        verify(ingress).accept(contact.capture());
        return contact.getValue();
    }
}
