package org.switchboard.camel.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.camel.testing.RecordingComponent;
import org.switchboard.camel.testing.RunningCamel;

class YamlRoutesInstallerTest {

    @TempDir
    Path deploy;

    private RunningCamel camel;
    private ArtifactInstaller installer;

    @BeforeEach
    void startCamel() throws Exception {
        camel = RunningCamel.started();
        installer = camel.service(ArtifactInstaller.class);
    }

    @AfterEach
    void stopCamel() {
        camel.close();
    }

    @Test
    void anInstalledFileRunsItsRoutes() throws Exception {
        File file = write("greeting.camel.yaml", greeter("yaml-greeter", "Hi"));

        installer.install(file);

        assertThat(camel.startedRoutes()).containsExactly("yaml-greeter");
        assertThat(camel.request("direct:yaml-greeter", "Ada")).isEqualTo("Hi Ada");
    }

    @Test
    void anUpdatedFileReplacesItsRoutes() throws Exception {
        File file = write("greeting.camel.yaml", greeter("yaml-greeter", "Hi") + greeter("yaml-leaver", "Bye"));
        installer.install(file);

        write("greeting.camel.yaml", greeter("yaml-greeter", "Good morning"));
        installer.update(file);

        assertThat(camel.startedRoutes()).containsExactly("yaml-greeter");
        assertThat(camel.request("direct:yaml-greeter", "Ada")).isEqualTo("Good morning Ada");
    }

    @Test
    void aDeletedFileStopsAndRemovesItsRoutes() throws Exception {
        File file = write("greeting.camel.yaml", greeter("yaml-greeter", "Hi"));
        installer.install(file);
        installer.install(write("other.camel.yaml", greeter("yaml-other", "Yo")));

        Files.delete(file.toPath());
        installer.uninstall(file);

        assertThat(camel.startedRoutes()).containsExactly("yaml-other");
        assertThat(camel.routeDefinitionIds()).containsExactly("yaml-other");
    }

    @Test
    void aBrokenFileIsReportedWithItsNameAndOtherRoutesKeepRunning() throws Exception {
        installer.install(write("good.camel.yaml", greeter("yaml-good", "Hi")));
        File broken = write("broken.camel.yaml", """
                - route:
                    id: yaml-half
                    from:
                      uri: direct:half
                      steps:
                        - log: "half"
                - route:
                    id: yaml-broken
                    from:
                      uri: direct:broken
                      steps:
                        - noSuchStep: {}
                """);

        installer.install(broken);

        assertThat(camel.startedRoutes()).containsExactly("yaml-good");
        assertThat(camel.request("direct:yaml-good", "Ada")).isEqualTo("Hi Ada");
        Health health = camel.service(HealthCheck.class).check();
        assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(health.details().get("sourcesFailed").toString()).contains(broken.getName());
    }

    @Test
    void aFileThatIsNotYamlAtAllIsReportedAndOtherRoutesKeepRunning() throws Exception {
        installer.install(write("good.camel.yaml", greeter("yaml-good", "Hi")));
        File broken = write("garbage.camel.yaml", "- route: [unclosed\n  from: : :\n");

        installer.install(broken);

        assertThat(camel.startedRoutes()).containsExactly("yaml-good");
        assertThat(camel.service(HealthCheck.class).check().details().get("sourcesFailed").toString())
                .contains(broken.getName());
    }

    @Test
    void aFixedFileRunsAfterItsUpdate() throws Exception {
        File file = write("orders.camel.yaml", "- route: [unclosed\n");
        installer.install(file);

        write("orders.camel.yaml", greeter("yaml-orders", "Order"));
        installer.update(file);

        assertThat(camel.startedRoutes()).containsExactly("yaml-orders");
        assertThat(camel.service(HealthCheck.class).check().status()).isEqualTo(Health.Status.UP);
    }

    @Test
    void aFileUsingSwitchboardRunsOnceTheComponentIsThere() throws Exception {
        installer.install(write("slack.camel.yaml", """
                - route:
                    id: slack.main.inbound
                    from:
                      uri: direct:slack
                      steps:
                        - to: "switchboard:inbound?channel=slack"
                """));
        assertThat(camel.startedRoutes()).isEmpty();

        RecordingComponent switchboard = new RecordingComponent();
        camel.register("switchboard", switchboard);

        camel.request("direct:slack", "hello");
        assertThat(switchboard.received("inbound")).containsExactly("hello");
    }

    private File write(String name, String content) throws IOException {
        return Files.writeString(deploy.resolve(name), content).toFile();
    }

    /** A route {@code direct:<id>} that answers {@code <greeting> <body>}. */
    static String greeter(String id, String greeting) {
        return """
                - route:
                    id: %s
                    from:
                      uri: direct:%s
                      steps:
                        - setBody:
                            simple: "%s ${body}"
                """.formatted(id, id, greeting);
    }
}
