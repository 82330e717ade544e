package org.switchboard.channel.webhook;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Switchboard – webhook channel",
        description = "POST /switchboard/api/contacts: contacts from any system, over HTTP")
public @interface WebhookConfig {

    @AttributeDefinition(name = "Largest request body (bytes)", min = "1",
            description = "Larger bodies are refused with 413 before they are read")
    int maxBodyBytes() default 1_048_576;

    @AttributeDefinition(name = "Default channel",
            description = "The channel id of contacts whose body names none")
    String defaultChannel() default "webhook";
}
