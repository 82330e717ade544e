package org.switchboard.crm.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.api.Address;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.crm.odoo.connector.OdooConnector;
import org.switchboard.crm.odoo.fake.FakeOdoo;
import org.switchboard.crm.odoo.fake.Fixtures;

/**
 * The connector against Odoo 17's recorded answers, replayed as they were: each stub answers only the
 * request the recording made (any request id and key), so these tests also show that the connector
 * asks exactly what was recorded to work.
 */
class OdooRecordedExchangesTest {
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void signIn() {
        replay("01-common-version");
        replay("04-common-authenticate");
    }

    /** Answers the recorded request (request id and key left open) with the recorded answer. */
    private void replay(String fixture) {
        JsonNode exchange = Fixtures.exchange(fixture);
        ObjectNode request = (ObjectNode) exchange.path("request").path("body").deepCopy();
        request.put("id", "${json-unit.any-number}");
        JsonNode args = request.path("params").path("args");
        if (args.size() > 2 && args.path(2).isTextual()) {   // the key, redacted or wrong in the recording
            ((com.fasterxml.jackson.databind.node.ArrayNode) args).set(2,
                    request.textNode("${json-unit.any-string}"));
        }
        wire.stubFor(post(urlEqualTo("/jsonrpc"))
                .withRequestBody(equalToJson(request.toString(), false, true))
                .willReturn(recorded(fixture)));
    }

    /** Answers every {@code execute_kw} with the recorded answer. */
    private void answerEveryCall(ResponseDefinitionBuilder answer) {
        wire.stubFor(post(urlEqualTo("/jsonrpc"))
                .withRequestBody(matchingJsonPath("$.params[?(@.method == 'execute_kw')]"))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder recorded(String fixture) {
        JsonNode response = Fixtures.exchange(fixture).path("response");
        JsonNode body = response.path("body");
        return aResponse().withStatus(response.path("status").asInt())
                .withHeader("Content-Type", response.path("headers").path("Content-Type").asText())
                .withBody(body.isTextual() ? body.asText() : body.toString());
    }

    private OdooConnector connector() {
        TestSettings settings = new TestSettings(wire.baseUrl());
        settings.apiKey = "the-api-key-0123456789";
        settings.timeout = Duration.ofMillis(1500);
        return new OdooConnector(settings.build(), http, Clock.systemUTC());
    }

    // ------------------------------------------------------------------ lookups

    @Test
    void aPhoneInE164FindsThePartnerStoredWithSeparators() throws Exception {
        replay("17-partner-search_read-phone_mobile_search-e164");

        List<CrmMatch> matches = connector().findCustomers(List.of(Address.phone("+74951234567")));

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.ref().externalId()).isEqualTo("29");
            assertThat(m.displayName()).isEqualTo("Ivan Petrov");
        });
    }

    @Test
    void aNumberStoredWithATrunkPrefixIsFoundByItsNationalDigits() throws Exception {
        replay("19-partner-search_read-phone_mobile_search-e164-vs-trunk-prefix-8");
        replay("18-partner-search_read-phone_mobile_search-ilike-national");

        List<CrmMatch> matches = connector().findCustomers(List.of(Address.phone("+79165551234")));

        assertThat(matches).extracting(m -> m.ref().externalId()).containsExactly("29");
    }

    @Test
    void anEmailFindsThePartnerByItsNormalizedForm() throws Exception {
        replay("23-partner-search_read-email_normalized");
        replay("26-partner-search_read-email_normalized-from-formatted");

        assertThat(connector().findCustomers(List.of(Address.email("ivan.petrov@example.org"),
                Address.email("olga.smirnova@example.org"))))
                .extracting(m -> m.ref().externalId()).containsExactly("29", "30");
    }

    // ------------------------------------------------------------------ failures

    @Test
    void aWrongApiKeyIsRejectedWithoutShowingTheKey() {
        wire.resetAll();
        replay("01-common-version");
        replay("05-common-authenticate-bad-password");

        assertThatThrownBy(() -> connector().findCustomers(List.of(Address.phone("+74951234567"))))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("refused login 'admin'")
                .hasMessageNotContaining("the-api-key");
    }

    @ParameterizedTest(name = "{0} is rejected")
    @ValueSource(strings = {
            "70-error-execute_kw-wrong-password",
            "86-error-access-denied-crm-lead-read",
            "87-error-access-denied-write-other-user",
            "82-error-validation-partner-without-name",
            "73-error-unknown-field-in-values",
            "72-error-unknown-field-in-domain",
            "71-error-unknown-model",
            "80-error-missing-record-write",
            "83-error-bad-selection-value",
            "91-error-wrong-content-type"})
    void whatOdooRefusesIsNotRetried(String fixture) {
        answerEveryCall(recorded(fixture));

        assertThatThrownBy(() -> connector().openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo"))))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageNotContaining("Traceback")
                .hasMessageNotContaining("the-api-key");
    }

    @Test
    void rejectionsSayWhatOdooSaid() {
        answerEveryCall(recorded("82-error-validation-partner-without-name"));

        assertThatThrownBy(() -> connector().openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo"))))
                .hasMessageContaining("ValidationError: The operation cannot be completed: Contacts require a name");
    }

    @Test
    void databaseTroubleOnTheServerIsRetried() {
        wire.resetAll();
        replay("01-common-version");
        wire.stubFor(post(urlEqualTo("/jsonrpc")).withRequestBody(matchingJsonPath("$.params[?(@.method == 'authenticate')]"))
                .willReturn(recorded("06-common-login-unknown-database")));

        assertThatThrownBy(() -> connector().findCustomers(List.of(Address.phone("+74951234567"))))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("OperationalError");
    }

    @ParameterizedTest(name = "HTTP {0} is retried")
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void serverAndProxyFailuresAreRetried(int status) {
        answerEveryCall(aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody("<h1>down</h1>"));

        assertThatThrownBy(() -> connector().openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo"))))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("HTTP " + status);
    }

    @Test
    void aTimeoutIsRetried() {
        answerEveryCall(recorded("22-partner-search-no-match").withFixedDelay(3_000));

        assertThatThrownBy(() -> connector().openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo"))))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("timed out");
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestSettings settings = new TestSettings("http://127.0.0.1:" + port);
        OdooConnector connector = new OdooConnector(settings.build(), http, Clock.systemUTC());

        assertThatThrownBy(() -> connector.openTicket(Requests.ticket("sb-ticket-41-odoo", Requests.ivan("odoo"))))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("could not connect");
    }

    @Test
    void theSettingsNeverShowTheKey() {
        TestSettings settings = new TestSettings("http://localhost:8069");
        settings.apiKey = FakeOdoo.ADMIN_KEY;

        assertThat(settings.build().toString()).doesNotContain(FakeOdoo.ADMIN_KEY);
    }
}
