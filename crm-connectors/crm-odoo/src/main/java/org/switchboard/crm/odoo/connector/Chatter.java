package org.switchboard.crm.odoo.connector;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.switchboard.api.spi.ActivityRequest;

/**
 * The HTML note an interaction becomes in a record's chatter: a heading line (direction, kind,
 * channel, time in UTC, agent), the subject, the text, and the reference marker that makes the post
 * idempotent. Every piece of text is escaped, so that the note shows what the customer wrote and
 * never runs as markup.
 */
final class Chatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Chatter() {
    }

    static String body(ActivityRequest request, String key) {
        String kind = request.kind().name().toLowerCase(Locale.ROOT);
        String direction = request.direction().name().charAt(0) + request.direction().name().substring(1).toLowerCase(Locale.ROOT);
        StringBuilder heading = new StringBuilder()
                .append(direction).append(' ').append(kind)
                .append(" (").append(request.channel().id()).append(") at ").append(TIME.format(request.occurredAt()));
        if (request.agentId() != null) {
            heading.append(", agent ").append(request.agentId());
        }
        StringBuilder html = new StringBuilder("<p><b>").append(Html.escape(heading.toString())).append("</b></p>");
        if (request.subject() != null && !request.subject().isBlank()) {
            html.append(Html.paragraph(request.subject(), OdooConnector.MAX_NAME));
        }
        if (request.body() != null && !request.body().isBlank()) {
            html.append(Html.paragraph(request.body(), OdooConnector.MAX_TEXT));
        }
        return html.append(References.paragraph(key)).toString();
    }
}
