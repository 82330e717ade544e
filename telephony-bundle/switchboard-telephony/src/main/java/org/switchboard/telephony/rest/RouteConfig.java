package org.switchboard.telephony.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.switchboard.telephony.route.cfg}: what {@code GET /route} answers the dialplan. */
@ObjectClassDefinition(name = "Switchboard – call routing hints for the dialplan",
        description = "GET /switchboard/api/route?number=&did= answers the caller's name, VIP flag and preferred agent and queue")
public @interface RouteConfig {
    String PID = "org.switchboard.telephony.route";

    @AttributeDefinition(description = "Numbers of VIP callers, as the PBX shows them (e.g. +74951234567)")
    String[] vipNumbers() default {};

    @AttributeDefinition(description = "How many of the customer's last interactions to look through for the agent who served them last")
    int historyDepth() default 20;
}
