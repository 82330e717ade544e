package org.switchboard.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.Customers;
import org.switchboard.api.service.HealthService;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.Outbox;
import org.switchboard.api.service.Queues;
import org.switchboard.api.service.Tickets;
import org.switchboard.web.agents.AgentsResource;
import org.switchboard.web.customers.CustomersResource;
import org.switchboard.web.health.HealthResource;
import org.switchboard.web.interactions.InteractionsResource;
import org.switchboard.web.outbox.OutboxResource;
import org.switchboard.web.queues.QueuesResource;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.ContributedResource;
import org.switchboard.web.tickets.TicketsResource;

class OpenApiTest {
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        Agents agents = mock(Agents.class);
        api = ApiFixture.start(new HealthResource(mock(HealthService.class)),
                new InteractionsResource(mock(Interactions.class), agents),
                new CustomersResource(mock(Customers.class), mock(Tickets.class)),
                new TicketsResource(mock(Tickets.class)), new AgentsResource(agents),
                new QueuesResource(mock(Queues.class)), new OutboxResource(mock(Outbox.class)));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theDocumentIsPublicOpenApi3() {
        HttpResponse<String> response = api.get("/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = api.json(response);
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo(RestResource.BASE_PATH);
        assertThat(document.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
    }

    @Test
    void everyOperationOfEveryResourceOfThisBundleIsDescribed() throws Exception {
        JsonNode paths = api.json(api.get("/openapi.json", null)).path("paths");

        List<Class<?>> resources = whiteboardResourcesOfThisBundle();
        assertThat(resources).hasSize(7);
        for (Class<?> resource : resources) {
            for (ResourceOperation operation : ResourceOperation.of(resource)) {
                assertThat(paths.path(operation.path()).path(operation.method()).isObject())
                        .as(operation.method() + " " + operation.path() + " of " + resource.getSimpleName())
                        .isTrue();
            }
        }
        assertThat(paths.path("/openapi.json").path("get").isObject()).isTrue();
    }

    @Test
    void publicOperationsNeedNoCredentials() {
        JsonNode paths = api.json(api.get("/openapi.json", null)).path("paths");

        assertThat(paths.path("/health").path("get").path("security").isEmpty()).isTrue();
        assertThat(paths.path("/health").path("get").path("security").isArray()).isTrue();
        assertThat(paths.path("/openapi.json").path("get").path("security").isArray()).isTrue();
        assertThat(paths.path("/queues").path("get").has("security")).isFalse();
    }

    @Test
    void aContributedDocumentIsMergedIn() {
        api.api().add(new ContributedResource(), OpenApiTest.class.getResource(ContributedResource.OPENAPI));
        api.awaitServed(new ContributedResource());

        JsonNode document = api.json(api.get("/openapi.json", null));

        assertThat(document.path("paths").path("/contributed").path("get").isObject()).isTrue();
        assertThat(document.path("paths").path("/queues").path("get").isObject()).isTrue();
        assertThat(document.path("components").path("schemas").path("Greeting").isObject()).isTrue();
        assertThat(document.path("components").path("schemas").path("QueueBody").isObject()).isTrue();
    }

    /** The DS components of this bundle registered with switchboard.rest.resource=true, from their descriptors. */
    private static List<Class<?>> whiteboardResourcesOfThisBundle() throws IOException, URISyntaxException {
        Path descriptors = Path.of(RestResource.class.getResource("/OSGI-INF").toURI());
        Pattern implementation = Pattern.compile("<implementation class=\"([^\"]+)\"");
        try (Stream<Path> files = Files.list(descriptors)) {
            return files.filter(f -> f.toString().endsWith(".xml"))
                    .map(OpenApiTest::read)
                    .filter(xml -> xml.contains("name=\"" + RestResource.PROPERTY + "\"") && xml.contains("value=\"true\""))
                    .<Class<?>>map(xml -> {
                        Matcher m = implementation.matcher(xml);
                        assertThat(m.find()).isTrue();
                        return load(m.group(1));
                    })
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
