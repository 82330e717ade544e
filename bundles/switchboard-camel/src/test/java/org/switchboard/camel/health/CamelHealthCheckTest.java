package org.switchboard.camel.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.camel.testing.RunningCamel;
import org.switchboard.camel.testing.TestRoutes;

class CamelHealthCheckTest {

    @Test
    void aRunningContextWithItsRoutesStartedIsUp() throws Exception {
        try (RunningCamel camel = RunningCamel.started()) {
            camel.register(TestRoutes.direct("one", "two"));

            Health health = camel.service(HealthCheck.class).check();

            assertThat(health.status()).isEqualTo(Health.Status.UP);
            assertThat(health.message()).isEqualTo("2 routes started");
            assertThat(health.details()).containsEntry("routesStarted", 2).containsEntry("routesFailed", 0);
        }
    }

    @Test
    void aStoppedContextIsDown() throws Exception {
        try (RunningCamel camel = RunningCamel.started()) {
            HealthCheck check = camel.service(HealthCheck.class);

            camel.context().stop();

            Health health = check.check();
            assertThat(health.status()).isEqualTo(Health.Status.DOWN);
            assertThat(health.message()).contains("switchboard-test").contains("Stopped");
        }
    }

    @Test
    void aContextThatNeverStartedIsDown() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(new CamelHealthCheck(context, List::of).check().status()).isEqualTo(Health.Status.DOWN);
        }
    }

    @Test
    void aStoppedRouteMakesItDegraded() throws Exception {
        try (RunningCamel camel = RunningCamel.started()) {
            camel.register(TestRoutes.direct("one", "two"));

            camel.context().getRouteController().stopRoute("two");

            Health health = camel.service(HealthCheck.class).check();
            assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
            assertThat(health.details()).containsEntry("routesStarted", 1).containsEntry("routesFailed", 1);
        }
    }
}
