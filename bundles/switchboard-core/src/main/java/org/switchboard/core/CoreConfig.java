package org.switchboard.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.switchboard.core.cfg}. A change restarts the core; stored work resumes. */
@ObjectClassDefinition(name = "Switchboard – core",
        description = "How contacts are identified, threaded, routed and written to the CRMs.")
public @interface CoreConfig {

    @AttributeDefinition(name = "Default phone region",
            description = "ISO 3166 region code used to read phone numbers written without a country code "
                    + "(e.g. US, DE, GB, RU). ZZ reads only numbers that carry a country code.")
    String phone_defaultRegion() default "US";

    @AttributeDefinition(name = "Ticket connectors",
            description = "Ids of the CRM connectors that keep a ticket per conversation and log every interaction on it, "
                    + "in order of preference (the first one's ticket is the one agents see). 'local' is the built-in CRM.")
    String[] crm_ticketConnectors() default {"local"};

    @AttributeDefinition(name = "CRM lookup budget (ms)",
            description = "How long identification waits for the CRMs to recognise an unknown address; "
                    + "a slower CRM is skipped for that contact.", min = "0")
    int crm_lookupBudgetMillis() default 300;

    @AttributeDefinition(name = "CRM lookup cache (s)", description = "How long the CRMs' answers are remembered.", min = "0")
    int crm_lookupCacheSeconds() default 300;

    @AttributeDefinition(name = "Processing enabled",
            description = "Whether accepted contacts are processed. Off, they are still accepted and stored, "
                    + "and are processed when it is switched on again (e.g. during maintenance).")
    boolean processing_enabled() default true;

    @AttributeDefinition(name = "Processing batch size",
            description = "Contacts processed in one transaction at most.", min = "1", max = "5000")
    int processing_batchSize() default 500;

    @AttributeDefinition(name = "Ticket number pattern",
            description = "Regular expression that finds a ticket number in a subject (group 1 is the number), "
                    + "so that a reply lands in its ticket's conversation.")
    String threading_ticketPattern() default "\\[([A-Z][A-Z0-9]*-\\d+)\\]";

    @AttributeDefinition(name = "Offer timeout (s)",
            description = "How long an agent may leave an offer unanswered before it goes to the next agent "
                    + "and the agent is set away; 0 waits forever.", min = "0")
    int routing_offerTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Outbox attempts",
            description = "How often a CRM write is tried before it fails for good and waits for an operator.", min = "1")
    int outbox_maxAttempts() default 12;

    @AttributeDefinition(name = "Outbox first backoff (s)",
            description = "The wait after a CRM write's first failure; it doubles after each further failure.", min = "0")
    int outbox_firstBackoffSeconds() default 2;

    @AttributeDefinition(name = "Outbox longest backoff (s)", description = "The longest wait between two attempts.", min = "1")
    int outbox_maxBackoffSeconds() default 600;

    @AttributeDefinition(name = "Outbox workers",
            description = "CRM writes of different conversations run at once.", min = "1", max = "64")
    int outbox_workers() default 4;
}
