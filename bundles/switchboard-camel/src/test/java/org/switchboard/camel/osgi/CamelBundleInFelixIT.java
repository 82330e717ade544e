package org.switchboard.camel.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The packaged bundle in a real OSGi framework (Felix 7.0.5, Karaf 4.4.10's), with exactly the
 * bundles the Karaf feature must install next to it: it resolves, SCR activates it, the embedded
 * components are found, and File Install hands it YAML routes from a deploy folder.
 *
 * <p>Classes of the bundle live in another class space than this test's, so the test talks to
 * its services by reflection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamelBundleInFelixIT {

    /** What Karaf 4.4.10 itself runs: the framework, the scr feature, File Install. */
    static final List<String> KARAF_BUNDLES = List.of(
            "org.osgi:org.osgi.util.function",
            "org.osgi:org.osgi.util.promise",
            "org.osgi:org.osgi.service.component",
            "org.apache.felix:org.apache.felix.scr",
            "org.apache.felix:org.apache.felix.fileinstall");

    /** What the Switchboard feature must install for org.switchboard.camel (versions from the pom). */
    static final List<String> FEATURE_BUNDLES = List.of(
            "org.switchboard:switchboard-api",
            "com.fasterxml.jackson.core:jackson-annotations",
            "com.fasterxml.jackson.core:jackson-core",
            "com.fasterxml.jackson.core:jackson-databind",
            "com.fasterxml.jackson.datatype:jackson-datatype-jsr310",
            "org.apache.commons:commons-lang3",
            "jakarta.activation:jakarta.activation-api",
            "org.eclipse.angus:angus-activation",
            "jakarta.mail:jakarta.mail-api",
            "org.eclipse.angus:angus-mail");

    /** pax-logging exports these in Karaf; here the system bundle does, from the test's class path. */
    private static final String SLF4J_PACKAGES = "org.slf4j;version=2.0.17,org.slf4j.event;version=2.0.17,"
            + "org.slf4j.helpers;version=2.0.17,org.slf4j.spi;version=2.0.17";

    @TempDir
    static Path work;

    private Framework framework;
    private Path deploy;
    private final Map<String, String> startFailures = new LinkedHashMap<>();
    private final List<Bundle> bundles = new ArrayList<>();

    @BeforeAll
    void startFrameworkWithTheBundles() throws Exception {
        deploy = Files.createDirectories(work.resolve("deploy"));
        Map<String, String> config = new LinkedHashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J_PACKAGES);
        config.put("felix.fileinstall.dir", deploy.toString());
        config.put("felix.fileinstall.poll", "100");
        config.put("felix.fileinstall.noInitialDelay", "true");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();

        BundleContext system = framework.getBundleContext();
        List<String> locations = new ArrayList<>();
        for (String coordinates : concat(KARAF_BUNDLES, FEATURE_BUNDLES)) {
            locations.add(jarOnClassPath(coordinates).toURI().toString());
        }
        locations.add(new File(System.getProperty("switchboard.camel.bundle")).toURI().toString());
        for (String location : locations) {
            bundles.add(system.installBundle(location));
        }
        for (Bundle bundle : bundles) {
            try {
                bundle.start();
            } catch (BundleException e) {
                startFailures.put(bundle.getSymbolicName(), e.getMessage());
            }
        }
    }

    @AfterAll
    void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(20_000);
        }
    }

    @Test
    void theBundleAndEveryListedBundleResolveAndStart() {
        assertThat(startFailures).isEmpty();
        assertThat(bundles).allSatisfy(bundle -> assertThat(bundle.getState()).isEqualTo(Bundle.ACTIVE));
    }

    @Test
    void theCamelContextIsAServiceAndStarted() throws Exception {
        Object context = camelContext();

        assertThat(call(context, "getName")).isEqualTo("switchboard");
        assertThat(call(context, "getStatus").toString()).isEqualTo("Started");
    }

    @Test
    void everyEmbeddedComponentIsFoundInsideTheBundle() throws Exception {
        Object context = camelContext();

        for (String scheme : List.of("direct", "seda", "timer", "log", "bean", "imaps", "smtp", "telegram", "whatsapp")) {
            assertThat(call(context, "getComponent", scheme)).as(scheme).isNotNull();
        }
        assertThat(call(context, "getEndpoint", "imaps://imap.example.org?username=support&password=secret"))
                .isNotNull();
        assertThat(call(context, "getEndpoint", "telegram:bots?authorizationToken=123:abc")).isNotNull();
        assertThat(call(context, "resolveDataFormat", "jackson")).isNotNull();
    }

    @Test
    void aYamlFileDroppedIntoDeployRunsAndHealthSaysUp() throws Exception {
        Object context = camelContext();

        Files.writeString(deploy.resolve("hello.camel.yaml"), """
                - route:
                    id: osgi-hello
                    from:
                      uri: direct:osgi-hello
                      steps:
                        - setBody:
                            simple: "Hello ${body}"
                        - marshal:
                            json:
                              library: Jackson
                """);

        await().atMost(Duration.ofSeconds(20)).until(() -> call(context, "getRoute", "osgi-hello") != null);
        Object template = call(context, "createProducerTemplate");
        assertThat(call(template, "requestBody", "direct:osgi-hello", "Ada", String.class)).isEqualTo("\"Hello Ada\"");
        Object health = call(service("org.switchboard.api.spi.HealthCheck"), "check");
        assertThat(call(health, "status").toString()).isEqualTo("UP");
    }

    @Test
    void aRouteWaitsForAComponentServiceAndRunsWhenItIsRegistered() throws Exception {
        Object context = camelContext();
        Files.writeString(deploy.resolve("handoff.camel.yaml"), """
                - route:
                    id: osgi-handoff
                    from:
                      uri: direct:osgi-handoff
                      steps:
                        - to: "handoff:done"
                """);
        await().atMost(Duration.ofSeconds(20)).until(() -> call(call(service("org.switchboard.api.spi.HealthCheck"),
                "check"), "details").toString().contains("handoff.camel.yaml"));
        assertThat(call(context, "getRoute", "osgi-handoff")).isNull();

        Bundle camelBundle = bundles.get(bundles.size() - 1);
        Object component = camelBundle.loadClass("org.apache.camel.component.seda.SedaComponent")
                .getConstructor().newInstance();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("switchboard.camel.component", "handoff");
        framework.getBundleContext().registerService("org.apache.camel.Component", component, properties);

        await().atMost(Duration.ofSeconds(20)).until(() -> call(context, "getRoute", "osgi-handoff") != null);
        call(call(context, "createProducerTemplate"), "sendBody", "direct:osgi-handoff", "parcel");
        assertThat(call(call(context, "createConsumerTemplate"), "receiveBody", "handoff:done", 5_000L))
                .isEqualTo("parcel");
    }

    private Object camelContext() throws Exception {
        return service("org.apache.camel.CamelContext");
    }

    /** All references, not only those of the test's class space: Camel on the class path is another one. */
    private Object service(String type) {
        BundleContext system = framework.getBundleContext();
        ServiceReference<?>[] references = await().atMost(Duration.ofSeconds(20))
                .until(() -> system.getAllServiceReferences(type, null), r -> r != null);
        return system.getService(references[0]);
    }

    /** Calls a public method by name on an object of another class space. */
    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && accepts(method.getParameterTypes(), args)) {
                return method.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name + Arrays.toString(args));
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i] == long.class ? Long.class : types[i];
            if (!type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    /** The jar of groupId:artifactId on this test's class path: the versions the pom chose. */
    private static File jarOnClassPath(String coordinates) {
        String artifactId = coordinates.substring(coordinates.indexOf(':') + 1);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.endsWith(".jar") && name.startsWith(artifactId + "-")
                    && Character.isDigit(name.charAt(artifactId.length() + 1))) {
                return new File(entry);
            }
        }
        throw new IllegalStateException(coordinates + " is not on the test class path; add it to the pom");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
