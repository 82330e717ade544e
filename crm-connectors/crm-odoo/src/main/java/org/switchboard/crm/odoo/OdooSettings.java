package org.switchboard.crm.odoo;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link OdooConfig}, checked: every mistake is named with the attribute to fix. {@link #toString()}
 * leaves the API key out.
 */
public record OdooSettings(String connectorId, URI url, String database, String login, String apiKey,
                           URI publicUrl, String linkStyle, String ticketModel, String leadType, int teamId,
                           int projectId, String referenceField, Map<String, String> statusStages,
                           String ticketNumberPrefix, Duration timeout, Duration lookupBudget,
                           Duration lookupCache, boolean matchNationalNumbers) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern FIELD = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,15}-");

    public OdooSettings {
        if (connectorId == null || !ID.matcher(connectorId).matches()) {
            throw new IllegalArgumentException("switchboard.crm.id must be 1 to 32 characters of a-z, 0-9, '-' or '_', "
                    + "starting with a letter, was '" + connectorId + "'");
        }
        url = httpUrl("url", url);
        publicUrl = publicUrl == null ? url : httpUrl("publicUrl", publicUrl);
        database = required("database", database);
        login = required("login", login);
        apiKey = required("apiKey", apiKey);
        if (!List.of("auto", "helpdesk.ticket", "crm.lead", "project.task").contains(ticketModel)) {
            throw new IllegalArgumentException("ticketModel must be auto, helpdesk.ticket, crm.lead or project.task, was '"
                    + ticketModel + "'");
        }
        if (!"lead".equals(leadType) && !"opportunity".equals(leadType)) {
            throw new IllegalArgumentException("leadType must be lead or opportunity, was '" + leadType + "'");
        }
        if (!"web".equals(linkStyle) && !"odoo".equals(linkStyle)) {
            throw new IllegalArgumentException("linkStyle must be web or odoo, was '" + linkStyle + "'");
        }
        referenceField = referenceField == null ? "" : referenceField.strip();
        if (!referenceField.isEmpty() && !FIELD.matcher(referenceField).matches()) {
            throw new IllegalArgumentException("referenceField must be an Odoo field name such as x_switchboard_ref, was '"
                    + referenceField + "'");
        }
        if (ticketNumberPrefix == null || !PREFIX.matcher(ticketNumberPrefix).matches()) {
            throw new IllegalArgumentException("ticketNumberPrefix must be capital letters and digits followed by '-', "
                    + "e.g. ODOO-, was '" + ticketNumberPrefix + "'");
        }
        statusStages = Map.copyOf(statusStages);
        if (teamId < 0 || projectId < 0 || timeout.isNegative() || timeout.isZero() || lookupBudget.isNegative()
                || lookupBudget.isZero() || lookupCache.isNegative()) {
            throw new IllegalArgumentException("teamId, projectId, timeoutMillis, lookupBudgetMillis and "
                    + "lookupCacheSeconds must not be negative (and the two durations not zero)");
        }
    }

    public static OdooSettings of(OdooConfig c) {
        return new OdooSettings(c.switchboard_crm_id(), uri("url", c.url()), c.database(), c.login(), c._apiKey(),
                c.publicUrl() == null || c.publicUrl().isBlank() ? null : uri("publicUrl", c.publicUrl()),
                c.linkStyle(), c.ticketModel(), c.leadType(), c.teamId(), c.projectId(), c.referenceField(),
                stages(c.statusStages()), c.ticketNumberPrefix(), Duration.ofMillis(c.timeoutMillis()),
                Duration.ofMillis(c.lookupBudgetMillis()), Duration.ofSeconds(c.lookupCacheSeconds()),
                c.matchNationalNumbers());
    }

    /** {@code status=Stage name} lines; the status is lower-cased. */
    static Map<String, String> stages(String[] lines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines == null ? new String[0] : lines) {
            int eq = line.indexOf('=');
            if (eq < 1 || eq == line.length() - 1) {
                throw new IllegalArgumentException("statusStages entries are status=Stage name, e.g. closed=Solved; "
                        + "got '" + line + "' in " + Arrays.toString(lines));
            }
            map.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
        }
        return map;
    }

    private static URI uri(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required, e.g. https://erp.example.com");
        }
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: '" + value + "'", e);
        }
    }

    private static URI httpUrl(String name, URI uri) {
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL such as https://erp.example.com, was '"
                    + uri + "'");
        }
        return uri;
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "OdooSettings[" + connectorId + ", " + url + ", database " + database + ", login " + login
                + ", ticketModel " + ticketModel + "]";
    }
}
