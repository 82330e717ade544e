package org.switchboard.crm.odoo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One Odoo instance, factory PID {@value #PID}: one {@code etc/org.switchboard.crm.odoo-<name>.cfg} per
 * instance. The connector id is the configuration's {@code switchboard.crm.id}, which is also the
 * service property the core finds the connector by. The API key is the private property {@code .apiKey}.
 */
@ObjectClassDefinition(name = "Switchboard – Odoo connector",
        description = "An Odoo 16–18 instance over external JSON-RPC: partners by phone and email, a ticket "
                + "(helpdesk ticket, lead or task) per conversation, every interaction in the record's chatter.")
public @interface OdooConfig {

    String PID = "org.switchboard.crm.odoo";

    @AttributeDefinition(name = "Connector id",
            description = "How Switchboard names this Odoo (core 'crm.ticketConnectors', references, outbox); "
                    + "1 to 32 characters of a-z, 0-9, '-' or '_', starting with a letter.")
    String switchboard_crm_id() default "odoo";

    @AttributeDefinition(name = "Odoo URL", description = "The server's base URL, e.g. https://erp.example.com; "
            + "calls go to <url>/jsonrpc.")
    String url();

    @AttributeDefinition(name = "Database", description = "The Odoo database name.")
    String database();

    @AttributeDefinition(name = "Login", description = "The login of the Odoo user Switchboard acts as.")
    String login();

    /**
     * Written {@code .apiKey} in the configuration: a property whose name starts with a dot is private,
     * so DS does not copy it into the service properties that {@code service:list} shows.
     */
    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD,
            description = "That user's API key (Preferences → Account Security → New API Key), as the "
                    + "property .apiKey, which stays out of the service properties.")
    String _apiKey();

    @AttributeDefinition(name = "Public URL",
            description = "Where agents open Odoo in their browser, for deep links; empty means the Odoo URL.")
    String publicUrl() default "";

    @AttributeDefinition(name = "Link style", description = "web: /web#id=..&model=..&view_type=form (Odoo 16 "
            + "and later); odoo: /odoo/<model>/<id> (Odoo 17.2 and later).",
            options = {@Option(value = "web", label = "/web#id=…"), @Option(value = "odoo", label = "/odoo/<model>/<id>")})
    String linkStyle() default "web";

    @AttributeDefinition(name = "Ticket model", description = "Where a conversation's ticket lives; auto picks "
            + "helpdesk.ticket when the Helpdesk app is installed, crm.lead otherwise.",
            options = {@Option(value = "auto", label = "auto"), @Option(value = "helpdesk.ticket", label = "helpdesk.ticket"),
                    @Option(value = "crm.lead", label = "crm.lead"), @Option(value = "project.task", label = "project.task")})
    String ticketModel() default "auto";

    @AttributeDefinition(name = "Lead type", description = "crm.lead only: the type of new leads.",
            options = {@Option(value = "opportunity", label = "opportunity"), @Option(value = "lead", label = "lead")})
    String leadType() default "opportunity";

    @AttributeDefinition(name = "Team id", min = "0",
            description = "crm.lead and helpdesk.ticket: the sales or helpdesk team of new tickets; 0 keeps Odoo's default.")
    int teamId() default 0;

    @AttributeDefinition(name = "Project id", min = "0",
            description = "project.task: the project new tasks go to; 0 makes private tasks.")
    int projectId() default 0;

    @AttributeDefinition(name = "Reference field", description = "A char field of the ticket model that holds "
            + "Switchboard's reference (e.g. x_switchboard_ref from the Switchboard addon, or referred on crm.lead); "
            + "empty writes the reference into the description instead.")
    String referenceField() default "";

    @AttributeDefinition(name = "Status stages", description = "Switchboard status = stage name, e.g. "
            + "closed=Solved. Unlisted: open is the first stage, closed the won (crm.lead) or first folded stage, "
            + "pending the stage after open. Any other status is taken as a stage name.")
    String[] statusStages() default {};

    @AttributeDefinition(name = "Ticket number prefix",
            description = "Ticket numbers are <prefix><record id>, e.g. ODOO-11; capital letters and digits, then '-'.")
    String ticketNumberPrefix() default "ODOO-";

    @AttributeDefinition(name = "Timeout (ms)", min = "100", description = "The longest a write may take.")
    int timeoutMillis() default 5000;

    @AttributeDefinition(name = "Lookup budget (ms)", min = "50",
            description = "The longest a customer lookup at ring time may take, all its calls together.")
    int lookupBudgetMillis() default 800;

    @AttributeDefinition(name = "Lookup cache (s)", min = "0", description = "How long lookup answers are remembered.")
    int lookupCacheSeconds() default 120;

    @AttributeDefinition(name = "Match national numbers", description = "When a number finds nobody in its "
            + "international form, also look for its national digits (finds numbers typed with a trunk prefix, "
            + "e.g. 8 916 … for +7 916 …).")
    boolean matchNationalNumbers() default true;
}
