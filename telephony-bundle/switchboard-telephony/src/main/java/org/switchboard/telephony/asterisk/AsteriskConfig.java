package org.switchboard.telephony.asterisk;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One PBX: {@code etc/org.switchboard.telephony.asterisk-<name>.cfg}. */
@ObjectClassDefinition(name = "Switchboard – Asterisk PBX (AMI)",
        description = "One Asterisk PBX reached over the Asterisk Manager Interface")
public @interface AsteriskConfig {
    /** The factory PID. */
    String PID = "org.switchboard.telephony.asterisk";

    @AttributeDefinition(description = "The PBX's id: the branch its agents name in their 'branch' (agents without one ring on every PBX)")
    String name() default "pbx";

    @AttributeDefinition(description = "AMI host (keep AMI on a private address)")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "AMI port: 5038, or the TLS port (5039) with tls=true")
    int port() default 5038;

    @AttributeDefinition(description = "Connect with TLS (manager.conf tlsenable=yes); the PBX's certificate must be trusted by the JVM and name the host")
    boolean tls() default false;

    @AttributeDefinition(description = "The manager.conf user")
    String username();

    /**
     * The secret, under the key {@code .password}: the leading dot keeps it out of the service properties,
     * so {@code service:list} never shows it.
     */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The manager.conf user's secret (key .password)")
    String _password();

    @AttributeDefinition(description = "Event classes to receive: call (channels, dials, bridges, hangups, transfers, originate results) and agent (queue events) are all the call lifecycle needs; user brings the reminder context's key presses")
    String eventMask() default "call,agent,user";

    @AttributeDefinition(description = "Dialplan contexts inbound calls start in (the trunks' contexts)")
    String[] inboundContexts() default {"from-trunk"};

    @AttributeDefinition(description = "DIDs that count as inbound; empty for every number dialled in those contexts")
    String[] inboundDids() default {};

    @AttributeDefinition(description = "Technology of agent extensions written without one: 1001 means PJSIP/1001")
    String defaultTechnology() default "PJSIP";

    @AttributeDefinition(description = "Dialplan context an originated call dials the customer from (the agents' context)")
    String originateContext() default "from-internal";

    @AttributeDefinition(description = "Seconds the agent's phone rings for an originated call before it is given up")
    int originateTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Dialplan context a reminder call runs in once the customer answers: it plays SB_MESSAGE, reads a key, reports it with UserEvent(SwitchboardReminder,...) and sends the customer to SB_OPERATOR on 1")
    String reminderContext() default "switchboard-reminder";

    @AttributeDefinition(description = "The operators a customer reaches from a reminder call by pressing 1 (channel variable SB_OPERATOR: a queue name, or whatever the reminder context dials)")
    String reminderOperator() default "support";

    @AttributeDefinition(description = "Seconds the customer's phone rings for a reminder call before it counts as not answered")
    int reminderTimeoutSeconds() default 40;

    @AttributeDefinition(description = "Milliseconds to wait for the PBX's answer to an action")
    int responseTimeoutMillis() default 5000;

    @AttributeDefinition(description = "First pause before reconnecting, in milliseconds; doubled after each failed attempt")
    int reconnectMinMillis() default 500;

    @AttributeDefinition(description = "Longest pause between two reconnect attempts, in milliseconds")
    int reconnectMaxMillis() default 30000;
}
