package org.switchboard.camel.runtime;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Switchboard – Camel runtime",
        description = "The one CamelContext of Switchboard, and the Camel YAML routes it runs from deploy/.")
public @interface CamelRuntimeConfig {

    @AttributeDefinition(name = "Context name", description = "The name of the CamelContext (logs, service property camel.context.name).")
    String contextName() default "switchboard";

    @AttributeDefinition(name = "Shutdown timeout (seconds)",
            description = "How long stopping a route, or the whole context, waits for messages in flight before it forces them.")
    int shutdownTimeoutSeconds() default 10;

    @AttributeDefinition(name = "YAML routes from deploy/",
            description = "Run the Camel YAML DSL files dropped into Karaf's deploy/ folder (*.camel.yaml, *.camel.yml).")
    boolean yamlRoutes() default true;

    @AttributeDefinition(name = "Detect routes in other YAML files",
            description = "Also run *.yaml / *.yml files of deploy/ whose content declares routes "
                    + "(a top-level list item with route:, from:, routeTemplate:, templatedRoute: or routeConfiguration:).")
    boolean yamlDetectRoutes() default true;

    @AttributeDefinition(name = "Largest YAML file (bytes)", description = "Larger route files are refused.")
    long yamlMaxBytes() default 1_048_576L;
}
