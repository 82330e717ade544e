package org.switchboard.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.switchboard.api.spi.Health;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.ContributedResource;
import org.switchboard.web.testing.UnannotatedResource;

class StartupCheckTest {

    @Test
    void healthIsDownWhileKarafInstallsItsFeaturesAndWhileTheirResourcesArePublishedThenUp() {
        AtomicBoolean bootFinished = new AtomicBoolean(false);
        // a settle delay long enough that the check is surely read before the rebuild
        try (ApiServer api = new ApiServer(ApiFixture.SETTINGS, ApiServer.class.getResource(RestResource.WEB_OPENAPI),
                Duration.ofSeconds(2))) {
            StartupCheck check = new StartupCheck(bootFinished::get, api::settled, () -> api.servedResources().size());

            assertThat(check.check().status()).isEqualTo(Health.Status.DOWN);
            assertThat(check.check().message()).contains("installing its features");

            api.add(new ContributedResource(), null);
            bootFinished.set(true);
            assertThat(check.check().status()).isEqualTo(Health.Status.DOWN);
            assertThat(check.check().message()).contains("publishing");

            await().atMost(Duration.ofSeconds(10)).until(() -> check.check().status() == Health.Status.UP);
            assertThat(api.servedResources()).contains(ContributedResource.class);
            assertThat(check.check().message()).isEqualTo("serves " + api.servedResources().size() + " resources");
        }
    }

    @Test
    void onceStartedAFeatureInstalledLaterDoesNotTakeHealthDown() {
        try (ApiServer api = new ApiServer(ApiFixture.SETTINGS, ApiServer.class.getResource(RestResource.WEB_OPENAPI),
                Duration.ofSeconds(2))) {
            StartupCheck check = new StartupCheck(() -> true, api::settled, () -> api.servedResources().size());
            assertThat(check.check().status()).isEqualTo(Health.Status.UP);

            api.add(new UnannotatedResource(), null);

            assertThat(api.settled()).isFalse();
            assertThat(check.check().status()).isEqualTo(Health.Status.UP);
        }
    }
}
