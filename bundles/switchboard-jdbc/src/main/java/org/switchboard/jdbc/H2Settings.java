package org.switchboard.jdbc;

/**
 * The settings the distribution's H2 URL carries ({@code etc/org.ops4j.datasource-switchboard.cfg},
 * where each is explained), for the tests and benchmarks that run the store as it ships.
 */
public final class H2Settings {
    /** Appended to {@code jdbc:h2:file:PATH}. */
    public static final String SHIPPED = ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64;OPTIMIZE_REUSE_RESULTS=0;CACHE_SIZE=1024";

    private H2Settings() {
    }
}
