package org.switchboard.camel.routes;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;

/** The component schemes that routes use, read from their definitions (from and every to). */
final class RouteSchemes {

    private RouteSchemes() {
    }

    static Set<String> of(ModelCamelContext context, Collection<String> routeIds) {
        Set<String> schemes = new LinkedHashSet<>();
        for (String id : routeIds) {
            RouteDefinition definition = context.getRouteDefinition(id);
            if (definition == null) {
                continue;
            }
            add(schemes, definition.getInput() == null ? null : definition.getInput().getEndpointUri());
            for (EndpointRequiredDefinition output : ProcessorDefinitionHelper.filterTypeInOutputs(
                    definition.getOutputs(), EndpointRequiredDefinition.class)) {
                add(schemes, output.getEndpointUri());
            }
        }
        return Set.copyOf(schemes);
    }

    /** {@code switchboard} for {@code switchboard:inbound?channel=slack}; null when the URI has no plain scheme. */
    static String schemeOf(String uri) {
        if (uri == null) {
            return null;
        }
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = uri.substring(0, colon);
        return scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.')
                ? scheme : null;
    }

    private static void add(Set<String> schemes, String uri) {
        String scheme = schemeOf(uri);
        if (scheme != null) {
            schemes.add(scheme);
        }
    }
}
