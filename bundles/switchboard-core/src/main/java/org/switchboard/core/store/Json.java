package org.switchboard.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.api.AttachmentRef;

/** The JSON the store keeps in text columns: contact metadata and attachment references. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() { };

    private Json() {
    }

    static String metadata(Map<String, String> metadata) {
        return metadata.isEmpty() ? null : write(metadata);
    }

    static Map<String, String> metadata(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not JSON", e);
        }
    }

    static String attachments(List<AttachmentRef> attachments) {
        if (attachments.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AttachmentRef a : attachments) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("id", a.id());
            row.put("fileName", a.fileName());
            row.put("contentType", a.contentType());
            row.put("size", a.size());
            rows.add(row);
        }
        return write(rows);
    }

    static List<AttachmentRef> attachments(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            List<AttachmentRef> refs = new ArrayList<>();
            for (Map<String, Object> row : MAPPER.readValue(json, LIST_OF_MAPS)) {
                refs.add(new AttachmentRef((String) row.get("id"), (String) row.get("fileName"),
                        (String) row.get("contentType"), ((Number) row.get("size")).longValue()));
            }
            return refs;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachments are not JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
