package org.switchboard.camel.testing;

import org.apache.camel.builder.RouteBuilder;

/** Route builders as other bundles would register them. */
public final class TestRoutes {

    private TestRoutes() {
    }

    /** Routes {@code direct:<id>} that answer {@code <id>:<body>}. */
    public static RouteBuilder direct(String... ids) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String id : ids) {
                    from("direct:" + id).routeId(id).setBody(simple(id + ":${body}"));
                }
            }
        };
    }
}
