package org.switchboard.web.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Switchboard – REST API",
        description = "The REST API at /switchboard/api on Karaf's HTTP service")
public @interface WebConfig {

    @AttributeDefinition(name = "JAAS realm", description = "The realm HTTP Basic credentials are checked against")
    String realm() default "karaf";

    @AttributeDefinition(name = "Login cache (seconds)", min = "0",
            description = "How long a successful login is reused for the same credentials; 0 checks every request")
    int loginCacheSeconds() default 5;

    @AttributeDefinition(name = "Largest request body (bytes)", min = "1",
            description = "For this bundle's endpoints; the webhook channel has its own limit")
    int maxBodyBytes() default 65536;

    @AttributeDefinition(name = "CORS", description = "Answer cross-origin requests from the allowed origins")
    boolean corsEnabled() default false;

    @AttributeDefinition(name = "CORS origins", description = "e.g. https://console.example.com, or * for any")
    String[] corsAllowedOrigins() default {};

    @AttributeDefinition(name = "Session idle time (minutes)", min = "1",
            description = "A console sign-in lasts until unused for this long, or until sign-out")
    int sessionIdleMinutes() default 480;

    @AttributeDefinition(name = "Screen pops kept for replay", min = "1", max = "1000",
            description = "Per agent: what a reconnecting console gets again (Last-Event-ID)")
    int popReplayBuffer() default 100;

    @AttributeDefinition(name = "Bytes kept for replay (KB)", min = "16", max = "16384",
            description = "Per agent, at most this much of those events; the oldest go first")
    int popReplayKilobytes() default 256;

    @AttributeDefinition(name = "Event stream heartbeat (seconds)", min = "1",
            description = "How often an idle event stream gets a comment line, so proxies keep it open")
    int heartbeatSeconds() default 15;

    @AttributeDefinition(name = "Widget origins",
            description = "Web pages allowed to embed the CRM widget (/switchboard/widget.js), e.g. https://crm.example.com; "
                    + "empty: none but Switchboard's own pages")
    String[] widgetOrigins() default {};
}
