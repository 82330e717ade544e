package org.switchboard.crm.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.crm.odoo.connector.OdooConnector;
import org.switchboard.crm.odoo.fake.FakeOdoo;

/** A fresh fake Odoo 17 per test, and a connector pointed at it. */
public abstract class FakeOdooTest {
    protected final FakeOdoo odoo = new FakeOdoo();

    @RegisterExtension
    protected final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(60).extensions(odoo)).build();

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void serveJsonRpc() {
        wire.stubFor(post(urlEqualTo("/jsonrpc")).willReturn(aResponse().withTransformers(FakeOdoo.NAME)));
    }

    protected TestSettings settings() {
        return new TestSettings(wire.baseUrl());
    }

    protected OdooConnector connector(TestSettings settings) {
        return new OdooConnector(settings.build(), http, Clock.systemUTC());
    }

    protected OdooConnector connector() {
        return connector(settings());
    }
}
