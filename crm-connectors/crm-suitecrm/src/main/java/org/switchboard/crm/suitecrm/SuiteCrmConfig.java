package org.switchboard.crm.suitecrm;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One SuiteCRM instance, factory PID {@value #PID} ({@code etc/org.switchboard.crm.suitecrm-<name>.cfg}).
 *
 * <p>The secrets are private component properties (their keys start with a full stop), so they never
 * become service properties that {@code service:list} would show.
 */
@ObjectClassDefinition(name = "Switchboard – SuiteCRM connector",
        description = "A SuiteCRM 7.10+ or 8 instance reached through its V8 API: customers are looked up there, "
                + "every conversation becomes a Case and every interaction a Call or Note.")
public @interface SuiteCrmConfig {

    String PID = "org.switchboard.crm.suitecrm";

    @AttributeDefinition(name = "Connector id",
            description = "Names this CRM in Switchboard (service property switchboard.crm.id, org.switchboard.core "
                    + "crm.ticketConnectors, references stored on customers and tickets), e.g. suitecrm-main.")
    String switchboard_crm_id();

    @AttributeDefinition(name = "API URL",
            description = "Where the V8 API lives: the SuiteCRM 7 site URL (https://crm.example.org), "
                    + "or for SuiteCRM 8 the legacy URL (https://crm.example.org/legacy). /Api/access_token and "
                    + "/Api/V8/... are appended.")
    String apiUrl();

    @AttributeDefinition(name = "UI URL",
            description = "The site URL people open (deep links are <uiUrl>/index.php?module=…&action=DetailView&record=…); "
                    + "empty for the API URL. For SuiteCRM 8, its legacy URL keeps working links.", required = false)
    String uiUrl() default "";

    @AttributeDefinition(name = "OAuth2 grant",
            options = {@Option(value = "client_credentials", label = "Client credentials"),
                       @Option(value = "password", label = "Password (with refresh token)")})
    String grantType() default "client_credentials";

    @AttributeDefinition(name = "Client id", description = "The OAuth2 client's id (Admin → OAuth2 Clients and Tokens).")
    String clientId();

    @AttributeDefinition(name = "Client secret", type = AttributeType.PASSWORD)
    String _clientSecret();

    @AttributeDefinition(name = "User name", description = "For the password grant only.", required = false)
    String username() default "";

    @AttributeDefinition(name = "User password", description = "For the password grant only.",
            type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "Request timeout (ms)", min = "100", max = "120000",
            description = "Longest wait for one HTTP exchange; a write that times out is retried by the outbox.")
    int timeoutMillis() default 5000;

    @AttributeDefinition(name = "Parallel writes", min = "1", max = "32",
            description = "How many Cases, Calls or Notes of a burst (different conversations) are written at once.")
    int writeConcurrency() default 4;

    @AttributeDefinition(name = "Lookup budget (ms)", min = "50", max = "60000",
            description = "Longest wait for a customer lookup; answers arriving later still fill the cache.")
    int lookupBudgetMillis() default 1500;

    @AttributeDefinition(name = "Lookup cache TTL (s)", min = "0", max = "86400",
            description = "How long a lookup's answer (also 'not found') is reused; 0 turns the cache off.")
    int lookupCacheSeconds() default 120;

    @AttributeDefinition(name = "Lookup cache size", min = "1", max = "1000000")
    int lookupCacheSize() default 10000;

    @AttributeDefinition(name = "Modules searched",
            description = "Where customers are looked up, in this order: Contacts, Leads, Accounts.")
    String[] lookupModules() default {"Contacts", "Leads", "Accounts"};

    @AttributeDefinition(name = "Default phone region",
            description = "ISO 3166 region for numbers stored without country code, e.g. DE; ZZ for none.")
    String defaultRegion() default "US";

    @AttributeDefinition(name = "Reference field",
            description = "A text field (255) on Cases, Calls and Notes that holds Switchboard's idempotency key, "
                    + "created in Studio; every write looks it up before creating.")
    String referenceField() default "switchboard_ref_c";

    @AttributeDefinition(name = "Case type", description = "type of new Cases (User, Product, Administration).")
    String caseType() default "User";

    @AttributeDefinition(name = "Case priority", description = "priority of new Cases (P1, P2, P3).")
    String casePriority() default "P2";
}
