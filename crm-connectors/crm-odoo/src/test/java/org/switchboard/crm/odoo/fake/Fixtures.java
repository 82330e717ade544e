package org.switchboard.crm.odoo.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The recorded Odoo 17.0 exchanges in {@code src/test/resources/odoo17} (see its README). */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** One exchange: {@code {"request":{…},"response":{"status","headers","body"}}}. */
    public static JsonNode exchange(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/odoo17/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode responseBody(String name) {
        return exchange(name).path("response").path("body");
    }

    public static JsonNode requestBody(String name) {
        return exchange(name).path("request").path("body");
    }
}
