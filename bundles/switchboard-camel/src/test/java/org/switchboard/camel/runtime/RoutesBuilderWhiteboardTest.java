package org.switchboard.camel.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.camel.testing.RecordingComponent;
import org.switchboard.camel.testing.RunningCamel;
import org.switchboard.camel.testing.TestConfig;
import org.switchboard.camel.testing.TestRoutes;

class RoutesBuilderWhiteboardTest {

    private RunningCamel camel;

    @AfterEach
    void stopCamel() {
        camel.close();
    }

    @Test
    void routesOfARegisteredBuilderRun() throws Exception {
        camel = RunningCamel.started();
        RecordingComponent recording = new RecordingComponent();
        camel.register("recording", recording);

        camel.register(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:greet").routeId("greeter").setBody(simple("Hello ${body}")).to("log:greeter");
                from("timer:tick?period=20").routeId("ticker").setBody(constant("tick")).to("recording:ticks");
            }
        });

        assertThat(camel.startedRoutes()).containsExactly("greeter", "ticker");
        assertThat(camel.request("direct:greet", "Ada")).isEqualTo("Hello Ada");
        await().atMost(Duration.ofSeconds(5)).until(() -> recording.received("ticks").size() >= 2);
    }

    @Test
    void unregisteringABuilderStopsAndRemovesExactlyItsRoutes() throws Exception {
        camel = RunningCamel.started();
        RouteBuilder first = TestRoutes.direct("a1", "a2");
        RouteBuilder second = TestRoutes.direct("b1");
        Map<String, Object> firstService = camel.register(first);
        camel.register(second);

        camel.unregister(first, firstService);

        assertThat(camel.startedRoutes()).containsExactly("b1");
        assertThat(camel.routeDefinitionIds()).containsExactly("b1");
        assertThat(camel.request("direct:b1", "x")).isEqualTo("b1:x");
    }

    @Test
    void buildersBoundBeforeTheContextStartedRunOnceItHasStarted() throws Exception {
        camel = new RunningCamel(TestConfig.defaults());
        camel.register(TestRoutes.direct("early"));

        camel.start();

        assertThat(camel.startedRoutes()).containsExactly("early");
        assertThat(camel.request("direct:early", "x")).isEqualTo("early:x");
    }

    @Test
    void aBuilderCamelRefusesIsReportedAndTheOtherRoutesKeepRunning() throws Exception {
        camel = RunningCamel.started();
        camel.register(TestRoutes.direct("good"));

        camel.register(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:half").routeId("half").to("log:half");
                from("direct:broken").routeId("broken").to("direct:x?unknownOption=1");
            }
        });

        assertThat(camel.startedRoutes()).containsExactly("good");
        assertThat(camel.request("direct:good", "x")).isEqualTo("good:x");
        Health health = camel.service(HealthCheck.class).check();
        assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(health.details().get("sourcesFailed").toString())
                .contains("(bundle 42, service.id").contains("unknownOption");
    }

    @Test
    void aRouteIdAnotherBuilderAlreadyRunsIsRefusedAndTheRunningRouteStays() throws Exception {
        camel = RunningCamel.started();
        camel.register(TestRoutes.direct("shared"));

        camel.register(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:other").routeId("shared").setBody(constant("impostor"));
            }
        });

        assertThat(camel.request("direct:shared", "x")).isEqualTo("shared:x");
        assertThat(camel.service(HealthCheck.class).check().details().get("sourcesFailed").toString())
                .contains("route id 'shared' is already used by RoutesBuilder");
    }
}
