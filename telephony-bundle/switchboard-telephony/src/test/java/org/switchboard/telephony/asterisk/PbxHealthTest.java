package org.switchboard.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.spi.Health;
import org.switchboard.telephony.testing.DialingPbx;

/** What {@code /health} and {@code switchboard:health} say about a PBX. */
class PbxHealthTest {
    private DialingPbx env;

    @BeforeEach
    void start() throws Exception {
        env = new DialingPbx();
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    @Test
    void loggedInPbxIsUp() {
        AsteriskPbx pbx = StartedPbx.start(env);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.check().status() == Health.Status.UP);

        assertThat(pbx.name()).isEqualTo("pbx:pbx1");
        assertThat(pbx.check().message()).contains("logged in");
    }

    @Test
    void refusedLoginIsDownAndSaysWhatToFixWithoutThePassword() {
        AsteriskPbx pbx = StartedPbx.start(env, "not-the-secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> env.server.loginAttempts() >= 1 && pbx.check().message().contains("refuses"));

        Health health = pbx.check();
        assertThat(health.status()).isEqualTo(Health.Status.DOWN);
        assertThat(health.message()).contains("switchboard").contains("org.switchboard.telephony.asterisk-pbx1.cfg")
                .doesNotContain("not-the-secret");
        assertThat(pbx.toString()).doesNotContain("not-the-secret");
    }

    @Test
    void unreachablePbxIsDown() throws Exception {
        AsteriskPbx pbx = StartedPbx.start(env);
        await().atMost(Duration.ofSeconds(10)).until(pbx::connected);
        env.server.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.check().status() == Health.Status.DOWN);
        assertThat(pbx.check().message()).contains("reconnecting");
    }
}
