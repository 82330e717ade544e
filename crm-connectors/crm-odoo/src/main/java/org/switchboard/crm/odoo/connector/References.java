package org.switchboard.crm.odoo.connector;

/**
 * Switchboard's reference on an Odoo record, so that a retried write finds what the first attempt
 * made. A ticket keeps it in the configured reference field or, without one, as a marker
 * {@code [<key>]} in its description; a chatter message always as that marker in its body. Markers
 * are searched with {@code ilike} and then checked exactly, since {@code ilike} treats {@code _} and
 * {@code %} as wildcards.
 */
final class References {
    static final int MAX_KEY = 200;

    private References() {
    }

    static String marker(String key) {
        return "[" + key + "]";
    }

    /** The paragraph that carries the marker in an HTML field. */
    static String paragraph(String key) {
        return "<p>Switchboard reference " + Html.escape(marker(key)) + "</p>";
    }

    /** Whether an HTML field's text carries the key's marker (escaped the way {@link #paragraph} writes it). */
    static boolean carries(String html, String key) {
        return html != null && html.contains(Html.escape(marker(key)));
    }
}
