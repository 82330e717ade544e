package org.switchboard.camel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.camel.testing.RecordingComponent;
import org.switchboard.camel.testing.RunningCamel;
import org.switchboard.camel.testing.TestRoutes;

class ComponentWhiteboardTest {

    private RunningCamel camel;

    @BeforeEach
    void startCamel() throws Exception {
        camel = RunningCamel.started();
    }

    @AfterEach
    void stopCamel() {
        camel.close();
    }

    @Test
    void aRouteWaitsForItsComponentAndStartsWhenTheComponentIsRegistered() {
        camel.register(inboundRoutes());
        assertThat(camel.startedRoutes()).isEmpty();
        assertThat(camel.service(HealthCheck.class).check().details().get("sourcesWaiting").toString())
                .contains("component 'switchboard'");

        RecordingComponent switchboard = new RecordingComponent();
        camel.register("switchboard", switchboard);

        assertThat(camel.startedRoutes()).containsExactly("slack.main.inbound", "slack.main.log");
        camel.request("direct:slack", "hello");
        assertThat(switchboard.received("inbound")).containsExactly("hello");
        assertThat(camel.service(HealthCheck.class).check().status()).isEqualTo(Health.Status.UP);
    }

    @Test
    void routesUsingARemovedComponentStopUntilAnotherOneIsRegistered() {
        RecordingComponent first = new RecordingComponent();
        Map<String, Object> firstService = camel.register("switchboard", first);
        camel.register(inboundRoutes());
        camel.register(TestRoutes.direct("unrelated"));

        camel.unregister(first, firstService);

        assertThat(camel.startedRoutes()).containsExactly("unrelated");
        assertThat(camel.context().hasComponent("switchboard")).isNull();

        RecordingComponent second = new RecordingComponent();
        camel.register("switchboard", second);
        camel.request("direct:slack", "again");
        assertThat(second.received("inbound")).containsExactly("again");
        assertThat(first.received("inbound")).isEmpty();
    }

    @Test
    void aSecondComponentForATakenSchemeIsRefused() {
        RecordingComponent first = new RecordingComponent();
        camel.register("switchboard", first);

        camel.register("switchboard", new RecordingComponent());

        assertThat(camel.context().hasComponent("switchboard")).isSameAs(first);
    }

    private static RouteBuilder inboundRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slack").routeId("slack.main.inbound").to("switchboard:inbound?channel=slack");
                from("direct:slack-log").routeId("slack.main.log").to("log:slack");
            }
        };
    }
}
