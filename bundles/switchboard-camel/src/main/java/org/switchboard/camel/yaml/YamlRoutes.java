package org.switchboard.camel.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesBuilderLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.switchboard.camel.routes.RouteSource;

/**
 * The routes of one Camel YAML DSL file, as read when it was installed or updated.
 *
 * <p>Loaded with Camel's routes loader ({@link PluginHelper#getRoutesLoader}) and its YAML
 * {@link RoutesBuilderLoader}, asked for by name: Camel picks a loader from the file extension,
 * which for {@code orders.camel.yaml} would be {@code camel.yaml}, and has none of that name.
 * As {@code RoutesLoader.loadRoutes} does, route configurations go in first, then templated
 * routes, then routes; each {@link #addTo} parses the content afresh.
 */
final class YamlRoutes implements RouteSource {

    private static final String YAML_LOADER = "yaml";

    private final Path file;
    private final byte[] content;
    private final String unreadable;

    private YamlRoutes(Path file, byte[] content, String unreadable) {
        this.file = file;
        this.content = content;
        this.unreadable = unreadable;
    }

    /** The file as it is now; one that cannot be read, or is too large, fails when added. */
    static YamlRoutes read(Path file, long maxBytes) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return new YamlRoutes(file, null, "it has " + size + " bytes, more than the " + maxBytes
                        + " allowed (yamlMaxBytes)");
            }
            return new YamlRoutes(file, Files.readAllBytes(file), null);
        } catch (IOException e) {
            return new YamlRoutes(file, null, "cannot read it: " + e);
        }
    }

    @Override
    public String name() {
        return "Camel YAML routes " + file;
    }

    @Override
    public void addTo(CamelContext context) throws Exception {
        if (unreadable != null) {
            throw new IOException(unreadable);
        }
        RoutesBuilderLoader loader = PluginHelper.getRoutesLoader(context).getRoutesLoader(YAML_LOADER);
        if (loader == null) {
            throw new IllegalStateException("Camel's YAML DSL is not available");
        }
        Resource resource = ResourceHelper.fromBytes("file:" + file, content);
        RoutesBuilder builder = loader.loadRoutesBuilder(resource);
        if (builder instanceof RouteConfigurationsBuilder configurations) {
            context.addRoutesConfigurations(configurations);
        }
        context.addTemplatedRoutes(builder);
        context.addRoutes(builder);
    }

    @Override
    public String toString() {
        return name();
    }
}
