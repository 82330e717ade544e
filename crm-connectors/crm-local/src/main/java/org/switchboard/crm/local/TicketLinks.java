package org.switchboard.crm.local;

import java.net.URI;
import java.net.URISyntaxException;

/** Deep links to the local CRM's tickets: {@code <publicUrl>/switchboard/api/local-crm/tickets/<number>}. */
public final class TicketLinks {
    /** Where the REST resource serves one ticket, below the public URL. */
    public static final String TICKET_PATH = "/switchboard/api/local-crm/tickets/";

    private final String base;

    public TicketLinks(String publicUrl) {
        String url = publicUrl == null ? "" : publicUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("publicUrl must be an http(s) URL such as http://localhost:8181, was '" + publicUrl + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("publicUrl is not a URL: '" + publicUrl + "'", e);
        }
        this.base = url + TICKET_PATH;
    }

    public static TicketLinks of(LocalCrmConfig config) {
        return new TicketLinks(config.publicUrl());
    }

    /** The link that opens ticket {@code number}; numbers are letters, digits and {@code . _ -}, so they need no escaping. */
    public String ticket(String number) {
        return base + number;
    }
}
