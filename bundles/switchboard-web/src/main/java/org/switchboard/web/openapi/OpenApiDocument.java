package org.switchboard.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAPI 3 document of the REST API: this bundle's own document (generated at build time from
 * the JAX-RS annotations) merged with the document of every bundle that contributes resources.
 * Operations anyone may call get an empty security requirement; an operation that no document
 * describes is logged, so a contributor's missing or stale document shows.
 */
public final class OpenApiDocument {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocument.class);

    private final ObjectMapper mapper;
    private final URL base;

    /** @param base this bundle's own document: its info, servers and security schemes lead */
    public OpenApiDocument(ObjectMapper mapper, URL base) {
        this.mapper = mapper;
        this.base = base;
    }

    public ObjectNode build(Collection<URL> contributed, Collection<Class<?>> resourceClasses) {
        ObjectNode document = read(base);
        contributed.stream().distinct().filter(url -> !url.equals(base)).forEach(url -> merge(document, read(url)));
        ObjectNode paths = document.withObjectProperty("paths");
        for (Class<?> resourceClass : resourceClasses) {
            for (ResourceOperation operation : ResourceOperation.of(resourceClass)) {
                JsonNode described = paths.path(operation.path()).path(operation.method());
                if (!described.isObject()) {
                    LOG.warn("{} {} of {} is not in its bundle's OpenAPI document", operation.method().toUpperCase(),
                            operation.path(), resourceClass.getName());
                } else if (operation.access().open()) {
                    ((ObjectNode) described).putArray("security");
                }
            }
        }
        return document;
    }

    private ObjectNode read(URL url) {
        if (url == null) {
            return mapper.createObjectNode();
        }
        try (InputStream in = url.openStream()) {
            JsonNode node = mapper.readTree(in);
            if (node instanceof ObjectNode object) {
                return object;
            }
            LOG.warn("The OpenAPI document {} is not a JSON object; left out", url);
        } catch (IOException e) {
            LOG.warn("The OpenAPI document {} cannot be read; left out", url, e);
        }
        return mapper.createObjectNode();
    }

    /** Adds what {@code source} has and {@code target} lacks, object by object; {@code target} wins conflicts. */
    private static void merge(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                target.set(field.getKey(), field.getValue());
            } else if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode more) {
                merge(object, more);
            } else if (existing instanceof ArrayNode array && field.getValue() instanceof ArrayNode more) {
                more.forEach(element -> {
                    if (!contains(array, element)) {
                        array.add(element);
                    }
                });
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode element) {
        for (JsonNode existing : array) {
            if (existing.equals(element)) {
                return true;
            }
        }
        return false;
    }
}
