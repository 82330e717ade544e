package org.switchboard.camel.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.camel.testing.RunningCamel;
import org.switchboard.camel.testing.TestConfig;

class YamlRouteFilesTest {

    @TempDir
    Path deploy;

    private RunningCamel camel;

    @AfterEach
    void stopCamel() {
        camel.close();
    }

    @Test
    void camelYamlFilesAreRoutesWhateverTheyContain() throws Exception {
        ArtifactInstaller installer = installer(TestConfig.defaults());

        assertThat(installer.canHandle(write("orders.camel.yaml", "anything: at all\n"))).isTrue();
        assertThat(installer.canHandle(write("orders.camel.yml", "anything: at all\n"))).isTrue();
    }

    @Test
    void otherYamlFilesAreRoutesOnlyWhenTheyDeclareRoutes() throws Exception {
        ArtifactInstaller installer = installer(TestConfig.defaults());

        assertThat(installer.canHandle(write("orders.yaml", YamlRoutesInstallerTest.greeter("r", "Hi")))).isTrue();
        assertThat(installer.canHandle(write("orders.yml", "- from:\n    uri: timer:x\n"))).isTrue();
        assertThat(installer.canHandle(write("compose.yaml", "services:\n  db:\n    image: postgres\n"))).isFalse();
        assertThat(installer.canHandle(write("features.xml", "<features/>"))).isFalse();
    }

    @Test
    void withoutDetectionOnlyCamelYamlFilesAreRoutes() throws Exception {
        ArtifactInstaller installer = installer(TestConfig.defaults().withoutRouteDetection());

        assertThat(installer.canHandle(write("orders.yaml", YamlRoutesInstallerTest.greeter("r", "Hi")))).isFalse();
        assertThat(installer.canHandle(write("orders.camel.yaml", YamlRoutesInstallerTest.greeter("r", "Hi")))).isTrue();
    }

    @Test
    void aFileLargerThanAllowedIsRefused() throws Exception {
        ArtifactInstaller installer = installer(TestConfig.defaults().withYamlMaxBytes(64));

        installer.install(write("big.camel.yaml", YamlRoutesInstallerTest.greeter("big", "Hi".repeat(40))));

        assertThat(camel.startedRoutes()).isEmpty();
        assertThat(camel.service(HealthCheck.class).check().details().get("sourcesFailed").toString())
                .contains("big.camel.yaml").contains("more than the 64 allowed");
    }

    private ArtifactInstaller installer(TestConfig config) throws Exception {
        camel = new RunningCamel(config);
        camel.start();
        return camel.service(ArtifactInstaller.class);
    }

    private File write(String name, String content) throws IOException {
        return Files.writeString(deploy.resolve(name), content).toFile();
    }
}
