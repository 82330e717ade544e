package org.switchboard.camel.testing;

import java.lang.annotation.Annotation;

import org.switchboard.camel.runtime.CamelRuntimeConfig;

/** The runtime's configuration as Config Admin would give it, with a short shutdown timeout. */
public record TestConfig(String contextName, int shutdownTimeoutSeconds, boolean yamlRoutes,
        boolean yamlDetectRoutes, long yamlMaxBytes) implements CamelRuntimeConfig {

    public static TestConfig defaults() {
        return new TestConfig("switchboard-test", 2, true, true, 1_048_576L);
    }

    public TestConfig withYamlMaxBytes(long maxBytes) {
        return new TestConfig(contextName, shutdownTimeoutSeconds, yamlRoutes, yamlDetectRoutes, maxBytes);
    }

    public TestConfig withoutRouteDetection() {
        return new TestConfig(contextName, shutdownTimeoutSeconds, yamlRoutes, false, yamlMaxBytes);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return CamelRuntimeConfig.class;
    }
}
