package org.switchboard.crm.local;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the embedded CRM, PID {@value #PID} ({@code etc/org.switchboard.crm.local.cfg}). */
@ObjectClassDefinition(name = "Switchboard – local CRM",
        description = "The embedded default CRM: tickets and their activity log in Switchboard's own database.")
public @interface LocalCrmConfig {

    String PID = "org.switchboard.crm.local";

    @AttributeDefinition(name = "Ticket number prefix",
            description = "Put before every ticket number, e.g. SB- gives SB-000123; up to 16 letters, digits, '.', '_' or '-'.")
    String ticketPrefix() default "SB-";

    @AttributeDefinition(name = "Number digits", min = "1", max = "18",
            description = "Ticket numbers are zero-padded to this many digits (longer numbers keep all their digits).")
    int numberDigits() default 6;

    @AttributeDefinition(name = "Public URL",
            description = "Where people reach Switchboard; ticket links are <publicUrl>/switchboard/api/local-crm/tickets/<number>.")
    String publicUrl() default "http://localhost:8181";
}
