package org.switchboard.core.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One queue: {@code etc/org.switchboard.queue~<id>.cfg}. */
@ObjectClassDefinition(name = "Switchboard – queue", description = "Where contacts wait for an agent.")
public @interface QueueConfig {

    @AttributeDefinition(name = "Id", description = "Defaults to the part of the file name after '~'.", required = false)
    String id() default "";

    @AttributeDefinition(name = "Name", description = "The name supervisors see.")
    String name();

    @AttributeDefinition(name = "Entry points",
            description = "Numbers, mailboxes or bots whose contacts come here, comma separated; "
                    + "an entry ending in * matches as a prefix (+4930555*).")
    String[] entryPoints() default {};

    @AttributeDefinition(name = "Channels", description = "Channels it takes, comma separated; empty for all.", required = false)
    String[] channels() default {};

    @AttributeDefinition(name = "Skills", description = "Skills an agent needs to get its contacts, comma separated.",
            required = false)
    String[] skills() default {};

    @AttributeDefinition(name = "Priority", description = "Higher first when an agent could serve several queues.")
    int priority() default 0;

    @AttributeDefinition(name = "Service level (%)", description = "Target share answered within the threshold.",
            min = "1", max = "100")
    int serviceLevelPercent() default 80;

    @AttributeDefinition(name = "Service level threshold (s)", min = "1")
    int serviceLevelSeconds() default 20;

    @AttributeDefinition(name = "Script", description = "What the agent should say or do, shown on the screen pop.",
            required = false)
    String script() default "";
}
