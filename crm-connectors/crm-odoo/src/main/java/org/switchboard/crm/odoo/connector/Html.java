package org.switchboard.crm.odoo.connector;

/** Text into Odoo's HTML fields (descriptions, chatter bodies): escaped, line breaks kept. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("<br>");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One paragraph of escaped text, cut to {@code max} characters. */
    static String paragraph(String text, int max) {
        String cut = text.length() <= max ? text : text.substring(0, max - 1) + '…';
        return "<p>" + escape(cut) + "</p>";
    }
}
