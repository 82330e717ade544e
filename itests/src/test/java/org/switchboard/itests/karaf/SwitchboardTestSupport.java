package org.switchboard.itests.karaf;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itests.distribution.DemoConfiguration;
import org.switchboard.itests.distribution.PostgresSchema;
import org.switchboard.itests.support.Contacts;
import org.switchboard.itests.support.KarafLog;
import org.switchboard.itests.support.SwitchboardClient;

/**
 * Base of the Pax Exam tests: one real Switchboard distribution per test class, with the demo
 * configuration, its ports moved (HTTP to a free port, no SSH) so that it runs beside a live
 * instance, Maven access pointed at the local repository only (it must boot with no network).
 * Test methods run inside that Karaf and reach the REST API over HTTP; each starts once
 * {@code /health} answers 200 and ends with a look at the Karaf log for unexpected ERROR lines.
 *
 * <p>A subclass chooses the store by overriding {@link #store()}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class SwitchboardTestSupport {
    private static final String HTTP_PORT = "switchboard.itest.httpPort";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final String KARAF_VERSION = "4.4.10";
    private static final String[] JAVA_MODULE_OPTIONS = {
        "--add-reads=java.xml=java.logging",
        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
        "--add-opens", "java.base/java.security=ALL-UNNAMED",
        "--add-opens", "java.base/java.net=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "--add-opens", "java.base/java.util=ALL-UNNAMED",
        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
        "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
        "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
    };

    /** Which database the distribution runs on. */
    protected enum Store { H2, POSTGRESQL }

    protected Store store() {
        return Store.H2;
    }

    /** ERROR lines a test class expects in the Karaf log (none by default). */
    protected List<Pattern> allowedErrors() {
        return List.of();
    }

    @Configuration
    public Option[] configuration() {
        Path distribution = Path.of(requiredProperty("switchboard.distribution"));
        Path work = Path.of(System.getProperty("switchboard.itest.work", "target/it-work"));
        String localRepository = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        int httpPort = freePort();

        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution.toUri().toString())
                        .name("Switchboard")
                        .unpackDirectory(work.resolve("pax-exam").toFile())
                        .useDeployFolder(false)
                        .karafVersion(KARAF_VERSION),
                // what bin/karaf passes on Java 9+, and Pax Exam's own launcher does not
                vmOptions(JAVA_MODULE_OPTIONS),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(httpPort)),
                // offline: Pax Exam's own bundles come from the local repository, nothing from the network
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                systemProperty(HTTP_PORT).value(Integer.toString(httpPort)),
                // the probe may arrive while the boot features still start (10 s by default)
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                        .value(Long.toString(READY_TIMEOUT.toMillis())),
                mavenBundle("org.awaitility", "awaitility", requiredProperty("awaitility.version")),
                mavenBundle("org.hamcrest", "hamcrest", requiredProperty("hamcrest.version"))));
        for (Path file : DemoConfiguration.extract(distribution, work.resolve("demo"))) {
            options.add(replaceConfigurationFile("etc/" + file.getFileName(), file.toFile()));
        }
        if (store() == Store.POSTGRESQL) {
            String url = PostgresSchema.configuredUrl().orElseThrow(() ->
                    new IllegalStateException("set " + PostgresSchema.ENV + " to run " + getClass().getSimpleName()));
            // a fresh schema for this class; .ci/run recreates the whole test database on each run
            PostgresSchema schema = PostgresSchema.create(url);
            schema.datasourceSettings().forEach((key, value) -> options.add(
                    editConfigurationFilePut("etc/org.ops4j.datasource-switchboard.cfg", key, value)));
        }
        return options.toArray(new Option[0]);
    }

    @Before
    public void awaitHealthyAndTakingContacts() {
        SwitchboardClient anonymous = SwitchboardClient.onPort(httpPort());
        await("GET /health answers 200").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> anonymous.get("/health").status() == 200);
        await("POST /contacts is there").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> integration().acceptsContacts());
    }

    @After
    public void noUnexpectedErrorsInTheKarafLog() {
        KarafLog log = KarafLog.ofThisKaraf();
        List<String> errors = log.unexpectedErrors(allowedErrors());
        assertTrue("unexpected ERROR lines in " + log.file() + ":\n" + String.join("\n", errors), errors.isEmpty());
    }

    /** The REST API, signed in as {@code user} (a demo user: the password is the user name). */
    protected SwitchboardClient api(String user) {
        return SwitchboardClient.onPort(httpPort()).as(user, user);
    }

    protected SwitchboardClient admin() {
        return api(Contacts.ADMIN);
    }

    protected SwitchboardClient integration() {
        return api(Contacts.INTEGRATION);
    }

    protected SwitchboardClient anonymous() {
        return SwitchboardClient.onPort(httpPort());
    }

    private static int httpPort() {
        return Integer.parseInt(requiredProperty(HTTP_PORT));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run the tests with mvn verify)");
        }
        return value;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
