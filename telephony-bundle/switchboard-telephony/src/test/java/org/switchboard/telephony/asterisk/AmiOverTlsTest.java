package org.switchboard.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.spi.Health;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.testing.Configs;
import org.switchboard.telephony.testing.PbxHarness;
import org.switchboard.telephony.testing.RecordingEvents;
import org.switchboard.telephony.testing.RecordingIngress;
import org.switchboard.telephony.testing.TestAgents;
import org.switchboard.telephony.testing.TestCertificates;

/**
 * {@code tls = true}: AMI over TLS (Asterisk's {@code tlsenable}) to the fake PBX listening with a certificate
 * made by {@code keytool}. The connection trusts what the JVM's default truststore trusts (asterisk-java takes the
 * default SSL socket factory), so the test makes the PBX's certificate trusted the way an operator does with
 * {@code javax.net.ssl.trustStore}, and puts the JVM's own default back afterwards.
 */
class AmiOverTlsTest {
    @TempDir
    static Path folder;
    private static TestCertificates certificates;
    private static TestCertificates elsewhere;

    private final RecordingIngress ingress = new RecordingIngress();
    private final RecordingEvents events = new RecordingEvents();
    private SSLContext jvmDefault;
    private FakeAmiServer server;
    private AsteriskPbx pbx;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificates = TestCertificates.generate(folder);
        elsewhere = TestCertificates.generate(folder, "pbx.elsewhere.test", "dns:pbx.elsewhere.test,ip:10.20.30.40");
    }

    @BeforeEach
    void start() throws Exception {
        jvmDefault = SSLContext.getDefault();
    }

    private void serve(TestCertificates with) throws Exception {
        server = new FakeAmiServer(PbxHarness.USER, PbxHarness.SECRET, with.server());
    }

    @AfterEach
    void stop() throws Exception {
        if (pbx != null) {
            pbx.stop();
        }
        if (server != null) {
            server.close();
        }
        SSLContext.setDefault(jvmDefault);
    }

    private AsteriskPbx startPbx() {
        AsteriskConfig config = Configs.of(AsteriskConfig.class, Map.of("name", PbxHarness.PBX, "port", server.port(),
                "tls", true, "username", PbxHarness.USER, "_password", PbxHarness.SECRET, "reconnectMinMillis", 50,
                "reconnectMaxMillis", 400, "responseTimeoutMillis", 2000));
        AsteriskPbx started = new AsteriskPbx(config, ingress, events, new TestAgents(), call -> { }, Clock.systemUTC());
        started.start();
        return started;
    }

    @Test
    void pbxOverTlsWhoseCertificateIsTrustedLogsInAndFollowsACall() throws Exception {
        serve(certificates);
        SSLContext.setDefault(certificates.trusting());
        pbx = startPbx();

        await().atMost(Duration.ofSeconds(10)).until(pbx::connected);
        assertThat(pbx.check().status()).isEqualTo(Health.Status.UP);
        assertThat(server.tlsHandshakes()).isPositive();
        server.play(Transcript.load("inbound-queue-answered.txt"));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.reports(1).contains("ended COMPLETED"));
        assertThat(events.reports(1)).containsExactly("queued support", "offered agent-1001", "answered agent-1001",
                "ended COMPLETED");
        assertThat(ingress.accepted()).singleElement().satisfies(c -> assertThat(c.externalId()).isEqualTo("1795363580.0"));
    }

    @Test
    void pbxWhoseCertificateIsNotTrustedGetsNeitherTheLoginNorThePassword() throws Exception {
        serve(certificates);
        pbx = startPbx(); // the JVM's own truststore: the PBX's self-signed certificate is not in it

        await().atMost(Duration.ofSeconds(10)).until(() -> server.tlsHandshakeFailures() >= 2);
        assertThat(server.loginAttempts()).isZero();
        assertThat(server.tlsHandshakes()).isZero();
        assertThat(pbx.connected()).isFalse();
        assertThat(pbx.check().status()).isEqualTo(Health.Status.DOWN);
        assertThat(pbx.check().message()).contains("not connected");
    }

    @Test
    void pbxWhoseTrustedCertificateNamesAnotherHostGetsNeitherTheLoginNorThePassword() throws Exception {
        // a certificate the JVM trusts, as one signed by a trusted CA would be, but made for another machine
        serve(elsewhere);
        SSLContext.setDefault(elsewhere.trusting());
        pbx = startPbx(); // configured host: 127.0.0.1

        await().atMost(Duration.ofSeconds(10)).until(() -> server.tlsHandshakeFailures() >= 2);
        assertThat(server.loginAttempts()).isZero();
        assertThat(server.tlsHandshakes()).isZero();
        assertThat(pbx.connected()).isFalse();
        assertThat(pbx.check().status()).isEqualTo(Health.Status.DOWN);
    }
}
