/** @odoo-module **/
// Loads Switchboard's panel (/switchboard/widget.js) once per page of the web client, from the URL
// set in Settings → General Settings → Switchboard. Switchboard signs the agent in and draws the
// panel; Odoo only includes it.

import { session } from "@web/session";

const base = (session.switchboard_url || "").replace(/\/+$/, "");
if (/^https?:\/\//.test(base) && !document.querySelector("script[data-switchboard-widget]")) {
    const script = document.createElement("script");
    script.src = `${base}/switchboard/widget.js`;
    script.async = true;
    script.crossOrigin = "use-credentials";
    script.dataset.switchboardWidget = "";
    script.dataset.crm = "odoo";
    document.head.appendChild(script);
}
