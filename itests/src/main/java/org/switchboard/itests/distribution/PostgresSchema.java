package org.switchboard.itests.distribution;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL schema for one test run, in the database named by the environment
 * variable {@value #ENV} (a JDBC URL with user and password, e.g.
 * {@code jdbc:postgresql://localhost:5432/switchboard_it?user=switchboard&password=switchboard}).
 * Switchboard works in it through {@code currentSchema}, so runs never see each other's tables;
 * {@link #close()} drops it.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String ENV = "SWITCHBOARD_IT_POSTGRES_URL";

    private final String baseUrl;
    private final String schema;
    private final Map<String, String> parameters;

    private PostgresSchema(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
        this.parameters = queryParameters(baseUrl);
    }

    /** The database of {@value #ENV}, if that variable is set. */
    public static Optional<String> configuredUrl() {
        return Optional.ofNullable(System.getenv(ENV)).filter(url -> !url.isBlank());
    }

    /** Creates a new schema {@code it_<random>} in the database at {@code baseUrl}. */
    public static PostgresSchema create(String baseUrl) {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresSchema created = new PostgresSchema(baseUrl, schema);
        created.execute("CREATE SCHEMA " + schema);
        return created;
    }

    public String name() {
        return schema;
    }

    /** The JDBC URL that works in this schema, with the driver settings the README recommends. */
    public String jdbcUrl() {
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return parameters.containsKey("reWriteBatchedInserts") ? url : url + "&reWriteBatchedInserts=true";
    }

    public String user() {
        return parameters.getOrDefault("user", "");
    }

    public String password() {
        return parameters.getOrDefault("password", "");
    }

    /** Points {@code etc/org.ops4j.datasource-switchboard.cfg} of the instance at this schema. */
    public void applyTo(SwitchboardInstance instance) {
        datasourceSettings().forEach((key, value) -> instance.configure("org.ops4j.datasource-switchboard", key, value));
    }

    /** The keys of {@code etc/org.ops4j.datasource-switchboard.cfg} that select this schema. */
    public Map<String, String> datasourceSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("osgi.jdbc.driver.class", "org.postgresql.Driver");
        settings.put("url", jdbcUrl());
        settings.put("user", user());
        settings.put("password", password());
        return settings;
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Gathers the planner's statistics now, as autovacuum would at some moment. */
    public void analyze() {
        execute("ANALYZE");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + withoutPassword(baseUrl) + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> queryParameters(String jdbcUrl) {
        Map<String, String> result = new LinkedHashMap<>();
        String query = URI.create(jdbcUrl.substring("jdbc:".length())).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    result.put(pair.substring(0, eq).toLowerCase(Locale.ROOT),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return result;
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }
}
