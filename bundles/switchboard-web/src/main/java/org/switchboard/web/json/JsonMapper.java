package org.switchboard.web.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import org.switchboard.api.Channel;

/**
 * How the REST API reads and writes JSON: times as ISO-8601 strings ({@code 2026-11-22T10:00:00Z}),
 * a {@link Channel} as its id, {@code null}s written as {@code null}, unknown request fields ignored.
 */
public final class JsonMapper {

    private JsonMapper() {
    }

    public static ObjectMapper create() {
        SimpleModule switchboard = new SimpleModule("switchboard");
        switchboard.addSerializer(Channel.class, ToStringSerializer.instance);
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(switchboard)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The JAX-RS provider that reads and writes JSON with {@code mapper}. */
    public static JacksonJsonProvider provider(ObjectMapper mapper) {
        return new JacksonJsonProvider(mapper);
    }
}
