package org.switchboard.core.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One agent: {@code etc/org.switchboard.agent~<id>.cfg}. */
@ObjectClassDefinition(name = "Switchboard – agent", description = "A person who answers contacts.")
public @interface AgentConfig {

    @AttributeDefinition(name = "Id", description = "Defaults to the part of the file name after '~'.", required = false)
    String id() default "";

    @AttributeDefinition(name = "Name", description = "The name customers and supervisors see.")
    String name();

    @AttributeDefinition(name = "Login", description = "The user name the agent signs in with (Karaf JAAS realm).")
    String login();

    @AttributeDefinition(name = "Extensions", description = "Phones that ring for them, comma separated (PJSIP/1001).",
            required = false)
    String[] extensions() default {};

    @AttributeDefinition(name = "Skills", description = "What they can handle, comma separated.", required = false)
    String[] skills() default {};

    @AttributeDefinition(name = "Capacity",
            description = "Interactions per channel at once, e.g. voice:1,email:5,webchat:3; an unlisted channel gets 1.",
            required = false)
    String[] capacity() default {};

    @AttributeDefinition(name = "Branch", description = "The branch (site, PBX) they belong to.", required = false)
    String branch() default "";
}
