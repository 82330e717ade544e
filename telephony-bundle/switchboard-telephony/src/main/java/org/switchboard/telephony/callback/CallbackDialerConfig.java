package org.switchboard.telephony.callback;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.switchboard.telephony.callbacks.cfg}: how requested callbacks are dialled. */
@ObjectClassDefinition(name = "Switchboard – callback dialler",
        description = "Dials requested callbacks (POST /callbacks) when an agent is free")
public @interface CallbackDialerConfig {
    String PID = "org.switchboard.telephony.callbacks";

    @AttributeDefinition(description = "Seconds between two looks for due callbacks and free agents")
    int intervalSeconds() default 15;

    @AttributeDefinition(description = "Minutes before a callback whose call could not be placed is dialled again")
    int retryPauseMinutes() default 10;

    @AttributeDefinition(description = "Attempts to place a callback before it is closed as GAVE_UP")
    int maxAttempts() default 3;
}
