package org.switchboard.crm.odoo.connector;

import com.fasterxml.jackson.databind.JsonNode;

/** Odoo's values as JSON-RPC gives them: empty fields are {@code false}, a many2one is {@code [id, "name"]}. */
final class Values {
    private Values() {
    }

    /** A char or text field, or {@code null} when it is empty ({@code false}). */
    static String text(JsonNode value) {
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    /** The id of a many2one, or 0 when it is empty. */
    static long many2oneId(JsonNode value) {
        return value != null && value.isArray() && value.size() > 0 ? value.get(0).asLong() : 0;
    }
}
