package org.switchboard.crm.odoo.connector;

import java.net.URI;

/**
 * Deep links that open a record in Odoo's web client: {@code <base>/web#id=<id>&model=<model>&view_type=form},
 * which every version from 16 on opens (the fragment is read by the browser, so the link survives the
 * login page), or {@code <base>/odoo/<model>/<id>}, the URL scheme of 17.2 and later (404 on 17.0).
 */
final class OdooLinks {
    private final String base;
    private final boolean odooStyle;

    OdooLinks(URI base, String style) {
        String url = base.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.base = url;
        if (!"web".equals(style) && !"odoo".equals(style)) {
            throw new IllegalArgumentException("linkStyle must be web or odoo, was '" + style + "'");
        }
        this.odooStyle = "odoo".equals(style);
    }

    /** Model names are dotted identifiers and ids numbers, so neither needs escaping. */
    String record(String model, long id) {
        return odooStyle ? base + "/odoo/" + model + "/" + id
                : base + "/web#id=" + id + "&model=" + model + "&view_type=form";
    }
}
